import { test } from '@playwright/test';
import { guidedLaunch, guidedTest } from './guided_flow';

// Prone from behind the head: the clip shows the person upside down; the app turns each frame 180° for the
// model (TEST_ROTATION) in the browser, so this also runs the canvas turn end to end.
test.use(guidedLaunch('prone'));
guidedTest('prone');
