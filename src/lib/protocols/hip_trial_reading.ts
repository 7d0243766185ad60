// How a guided trial reads a frame once its neutral is known. Seated, the knee keypoint is pinned where the neutral
// hold had it (geometry/pinned_knee.ts: the model drags it toward the foot as the shank turns; wholly when the untested
// knee was out to the side at neutral, across the shank's line only when that leg hung beside it) and the trial records
// the turn since that neutral: the relaxed hanging shank is plumb, so what the neutral hold reads is the model's and
// the camera's offset, not the hip's. Prone and supine count from their neutral too: a shank held straight up (prone)
// or along the body (supine) is a position the person chose, but the model's reading of it was off by 5–10° per leg
// on the dev bodies, more than a person is off the position asked for. Prone, the shank is read about the neutral's
// knee, hip line and camera tilt, only the ankle from the frame (geometry/pinned_prone.ts). Pure.
import { pinnedKneeRotationDeg } from '../geometry/pinned_knee';
import { pinnedProneRotationDeg, type ProneNeutral } from '../geometry/pinned_prone';
import { DEG_TO_RAD, wrapDeg } from '../geometry/angles';
import { add, sub } from '../geometry/vec2';
import { neutralPivot, trialOrigin, trunkAxisChange, type NeutralRef } from './compensations';
import type { HipFrame, HipFrameRead } from './hip_frame';
import { implausibleRotation } from './limits';
import { medianPoint } from './stillness';
import type { HipTestId } from './types';

/**
 * What a trial's value counts from: its neutral hold's reading, in every hip test. Chosen on the dev bodies' guided
 * clips against counting from the body's own axes (0°) (scripts/seated_hold_methods.ts; docs/accuracy.md): seated holds
 * read 7.4° MAE from the knee keypoint, 5.3° with the knee pinned, 3.5° pinned and from the neutral; on the report
 * bodies 10.0°, 7.6° and 3.5° (max 41° → 8.5°). Prone (scripts/guided_bodies.ts --test prone): a whole guided test on
 * dev 9 → 25 of 48 directions within 4°, MAE 7.8° → 4.8°; on report 6.0° → 4.9°. Supine likewise: dev 4 → 13 of 48,
 * 6.6° → 4.0°; report 6 → 9 of 32, 5.8° → 4.3°. A person whose start is off the position asked for reads that much
 * more one way and less the other; the arc between them is unchanged, and the start must be within
 * MOVEMENT.neutralMaxDeg anyway.
 */
export function trialZeroDeg(ref: Pick<NeutralRef, 'deg'>): number {
  return ref.deg;
}

/** The frame as the trial reads it (seated: the knee pinned); unreadable if that reading is past the physiological range. */
export function trialReading(frame: HipFrame, ref: NeutralRef, test: HipTestId): HipFrameRead {
  if (test === 'prone') return proneTrialReading(frame, ref);
  if (test === 'supine') return supineTrialReading(frame, ref);
  if (test !== 'seated' || !frame.ankle || !frame.hipMid || !ref.ankle || !ref.hipMid)
    return { ok: true, frame };
  const deg = pinnedKneeRotationDeg(
    {
      knee: frame.knee,
      ankle: frame.ankle,
      hipMid: trialOrigin(frame.hipMid, frame, ref),
      hipLineDeg: seatedHipLineDeg(frame, ref),
    },
    { knee: neutralPivot(ref), ankle: ref.ankle, hipMid: ref.hipMid, hipLineDeg: ref.hipLineDeg },
    ref.otherLegAside ? 'whole' : 'across',
  );
  return withReading(frame, deg);
}

/**
 * Seated: the hip line a trial frame is read square to. Its turn since the neutral counts only beyond what the trunk
 * axis turned the same way. A pelvis that hikes tilts the hips under an upright trunk and turns the shank with it, so
 * that turn is kept (the pelvis checks judge the hike); but BlazePose's hip keypoints also follow a trunk that leans
 * sideways over level hips, and taking "down" square to that tilted line read a 10° lean's internal rotation 3–6° low
 * on four report bodies (measured before any choice; docs/accuracy.md), while the trunk check, flagging at 8°, missed
 * 43 of the dev bodies' 146 leaning attempts. Chosen on the dev
 * bodies' guided seated clips played as a person follows the prompts (scripts/guided_bodies.ts --follow), MAE for
 * the frame's own line / the neutral's throughout / this: clean 1.7° / 1.5° / 1.5°, 10° lean 2.9° / 1.7° / 1.4°,
 * 20° hike 5.2° / 6.9° / 4.4°. Without a trunk axis, now or at neutral, the frame's own line.
 */
export function seatedHipLineDeg(
  frame: Pick<HipFrame, 'hipLineDeg' | 'trunkDeg'>,
  ref: Pick<NeutralRef, 'hipLineDeg' | 'trunkDeg'>,
): number {
  const hips = wrapDeg(frame.hipLineDeg - ref.hipLineDeg);
  const trunk = trunkAxisChange(frame, ref);
  if (frame.trunkDeg === null || ref.trunkDeg === null || Math.sign(hips) !== Math.sign(trunk))
    return frame.hipLineDeg;
  return ref.hipLineDeg + Math.sign(hips) * Math.max(0, Math.abs(hips) - Math.abs(trunk));
}

/**
 * Prone: the frame's ankle, placed by the hips' midpoint into the neutral's picture, read about the neutral's knee, hip
 * line and camera tilt (geometry/pinned_prone.ts); the frame's own reading when the neutral lacks what that needs.
 */
function proneTrialReading(frame: HipFrame, ref: NeutralRef): HipFrameRead {
  const n = proneNeutral(ref);
  if (!n || !frame.ankle || !frame.hipMid || !ref.hipMid) return { ok: true, frame };
  const deg = pinnedProneRotationDeg(add(ref.hipMid, sub(frame.ankle, frame.hipMid)), n);
  return withReading(frame, deg);
}

/**
 * Supine: the shank read about the neutral's trunk axis, not the frame's own. Overhead the reading is the shank
 * against the trunk's long axis (geometry/supine_rotation.ts), so a trunk leaning sideways on the table turned every
 * reading with the axis while the hip did not move: on clips leaning 10° at the end of range the model's axis turned
 * 6–13° and the readings fell 6–18° short, while the trunk check (flag at 8°) missed most of those attempts. The axis'
 * turn since the neutral is added back, so a trial counts the shank's own turn; the trunk check still flags or voids
 * the lean itself. Chosen on the dev bodies' guided clips (10° lean 10.2 → 3.5° MAE, clean 2.5 → 2.2°); on the report
 * bodies' the lean went 8.7 → 2.3° and clean 2.1 → 2.3° (docs/accuracy.md, "Supine: the trial read about the start
 * position's trunk"). A frame or neutral without a trunk axis is read as it is.
 */
function supineTrialReading(frame: HipFrame, ref: NeutralRef): HipFrameRead {
  if (frame.trunkDeg === null || ref.trunkDeg === null) return { ok: true, frame };
  // The axis and the lateral direction turn together; which way that moves the reading depends on which side of
  // the axis the tested hip lies (the neutral's trunk angle from the hip line: about +90° or −90°).
  const side = Math.sign(Math.sin(ref.trunkDeg * DEG_TO_RAD));
  return withReading(frame, frame.deg + side * trunkAxisChange(frame, ref));
}

/** The frame as the trial reads it, `deg` (its own reading where there is none); unreadable past the physiological range. */
function withReading(frame: HipFrame, deg: number | null): HipFrameRead {
  if (deg === null) return { ok: true, frame };
  const implausible = implausibleRotation(deg);
  return implausible ? { ok: false, reason: implausible } : { ok: true, frame: { ...frame, deg } };
}

const proneNeutral = (ref: NeutralRef): ProneNeutral | null =>
  ref.hip && ref.otherHip && ref.ankle
    ? { hip: ref.hip, otherHip: ref.otherHip, knee: ref.knee, ankle: ref.ankle }
    : null;

/**
 * Seated, while the start position is held: the frame read about the median knee of the last few frames (this one
 * included) instead of its own knee keypoint. Whether a person holds still shows in the ankle, the end that swings;
 * the knee keypoint of a thigh pointing at the camera jitters by a few pixels from frame to frame, which on a small
 * figure turned the plain reading by several degrees and kept the neutral from ever counting as still (a dev body's
 * guided clip: "wobbles by 2–11 degrees" while the rig held the leg dead still; docs/accuracy.md). The trial then
 * turns about the same kind of knee (trialReading: the neutral's median knee).
 */
export function neutralReading(frame: HipFrame, recent: readonly HipFrame[], test: HipTestId): HipFrame {
  if (test !== 'seated' || !frame.ankle || !frame.hipMid) return frame;
  const knee = medianPoint([...recent, frame].map((f) => f.knee))!;
  const leg = { ankle: frame.ankle, hipMid: frame.hipMid, hipLineDeg: frame.hipLineDeg };
  const deg = pinnedKneeRotationDeg({ ...leg, knee: frame.knee }, { ...leg, knee }, 'whole');
  return deg === null || implausibleRotation(deg) ? frame : { ...frame, deg };
}

/**
 * Seated and prone: the neutral's zero read the way a trial reads its frames, its median knee to its median ankle (prone:
 * in its median hips' line and tilt), so a trial frame that matched the neutral's would read a turn of exactly 0 (the
 * still run's mean reading, frame by frame, is kept for the start-position check).
 */
export function withTrialZero(ref: NeutralRef, test: HipTestId): NeutralRef {
  if (test === 'prone') {
    const n = proneNeutral(ref);
    const deg = n ? pinnedProneRotationDeg(n.ankle, n) : null;
    return deg === null ? ref : { ...ref, deg };
  }
  if (test !== 'seated' || !ref.ankle || !ref.hipMid) return ref;
  const leg = { knee: ref.knee, ankle: ref.ankle, hipMid: ref.hipMid, hipLineDeg: ref.hipLineDeg };
  const deg = pinnedKneeRotationDeg(leg, leg, 'whole');
  return deg === null ? ref : { ...ref, deg };
}
