import { measureFppa, measureHipRotation } from '../geometry';
import { otherKneeOut } from '../geometry/other_knee_out';
import { implausibleRotation, POSTURE } from '../protocols/limits';
import { TEST_IDS, type HipMethod, type Pose, type Side, type TestId } from '../types';

/** The tests a still frame can be measured for: every test, and a plain standing frame (FPPA). */
export type StillTest = TestId | 'stand';
export const STILL_TESTS: readonly StillTest[] = [...TEST_IDS, 'stand'];

/** One case's answer, in the goniocam-results/1 shape (../shared/FIXTURES.md). */
export interface StillResult {
  readonly measurable: boolean;
  readonly hipRotationDeg: number | null;
  readonly fppaDeg: number | null;
  readonly confidence: number;
  readonly reason: string | null;
  readonly method: string | null;
}

/**
 * Pose (or no pose) → the number goniocam stands behind for a test, or why it can't measure. The one
 * wiring from pose to result that the app and the CLI share, so the CLI's accuracy is the app's.
 */
export function measureStill(
  pose: Pose | null,
  test: StillTest,
  side: Side,
  opts: { method?: HipMethod; asideMaxThighToShank?: number } = {},
): StillResult {
  if (!pose) return refused('no person found in the picture');
  if (test === 'squat' || test === 'stand') {
    const m = measureFppa(pose, side);
    return m.ok
      ? {
          measurable: true,
          hipRotationDeg: null,
          fppaDeg: round(m.valueDeg),
          confidence: round(m.confidence),
          reason: null,
          method: m.method,
        }
      : refused(m.reason);
  }
  // An experiment's option (scripts/accuracy_sweep.ts --aside-max-thigh), not the app's: seated with the untested
  // knee out to the side, a knee that looks placed down the shank measured up to this thigh/shank. On the dev stills
  // 0.95 measured 34 of 42 instead of 30 at 4.4° for 4.6°, on report stills it let through a reading 36° off (a
  // bulky body), so stills keep MAX_THIGH_TO_SHANK (docs/accuracy.md).
  const aside =
    opts.asideMaxThighToShank !== undefined &&
    test === 'seated' &&
    (otherKneeOut(pose, side) ?? 0) >= POSTURE.otherKneeOutHipWidths.value;
  const m = measureHipRotation(pose, test, side, {
    ...(opts.method ? { method: opts.method } : {}),
    ...(aside ? { maxThighToShank: opts.asideMaxThighToShank } : {}),
  });
  // The guided test's plausibility bound, so a still never shows what a live trial would refuse.
  const implausible = m.ok ? implausibleRotation(m.valueDeg) : null;
  if (implausible) return refused(implausible);
  return m.ok
    ? {
        measurable: true,
        hipRotationDeg: round(m.valueDeg),
        fppaDeg: null,
        confidence: round(m.confidence),
        reason: null,
        method: m.method,
      }
    : refused(m.reason);
}

function refused(reason: string): StillResult {
  return { measurable: false, hipRotationDeg: null, fppaDeg: null, confidence: 0, reason, method: null };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
