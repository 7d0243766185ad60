import { test } from '@playwright/test';
import { guidedLaunch, guidedTest } from './guided_flow';

test.use(guidedLaunch('supine'));
guidedTest('supine');
