// How a guided trial reads a frame once its neutral is known. Seated, the knee keypoint is pinned where the neutral
// hold had it (geometry/pinned_knee.ts: the model drags it toward the foot as the shank turns; wholly when the untested
// knee was out to the side at neutral, across the shank's line only when that leg hung beside it) and the trial records
// the turn since that neutral: the relaxed hanging shank is plumb, so what the neutral hold reads is the model's and
// the camera's offset, not the hip's. Supine and prone hold the shank up by effort, so their neutral is a position
// the person chose, and the reading stays the shank's angle from the body's own axes. Pure.
import { pinnedKneeRotationDeg } from '../geometry/pinned_knee';
import type { NeutralRef } from './compensations';
import type { HipFrame, HipFrameRead } from './hip_frame';
import { implausibleRotation } from './limits';
import type { HipTestId } from './types';

/**
 * Whether a trial's value is the turn since its own neutral hold. Chosen on the dev bodies' guided clips
 * (scripts/seated_hold_methods.ts; docs/accuracy.md): seated holds read 7.4° MAE from the knee keypoint, 5.3° with the
 * knee pinned, 3.5° pinned and from the neutral; on the report bodies 10.0°, 7.6° and 3.5° (max 41° → 8.5°).
 */
export const FROM_NEUTRAL: Readonly<Record<HipTestId, boolean>> = {
  seated: true,
  supine: false,
  prone: false,
};

/** What a trial's value counts from: its neutral hold's reading where FROM_NEUTRAL, else the body's own axes (0). */
export function trialZeroDeg(test: HipTestId, ref: Pick<NeutralRef, 'deg'>): number {
  return FROM_NEUTRAL[test] ? ref.deg : 0;
}

/** The frame as the trial reads it (seated: the knee pinned); unreadable if that reading is past the physiological range. */
export function trialReading(frame: HipFrame, ref: NeutralRef, test: HipTestId): HipFrameRead {
  if (test !== 'seated' || !frame.ankle || !frame.hipMid || !ref.ankle || !ref.hipMid)
    return { ok: true, frame };
  const deg = pinnedKneeRotationDeg(
    { knee: frame.knee, ankle: frame.ankle, hipMid: frame.hipMid, hipLineDeg: frame.hipLineDeg },
    { knee: ref.knee, ankle: ref.ankle, hipMid: ref.hipMid, hipLineDeg: ref.hipLineDeg },
    ref.otherLegAside ? 'whole' : 'across',
  );
  if (deg === null) return { ok: true, frame };
  const implausible = implausibleRotation(deg);
  return implausible ? { ok: false, reason: implausible } : { ok: true, frame: { ...frame, deg } };
}
