import { test } from '@playwright/test';
import { guidedLaunch, guidedTest } from './guided_flow';

test.use(guidedLaunch('seated'));
guidedTest('seated');
