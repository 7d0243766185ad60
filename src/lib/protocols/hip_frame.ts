// What a guided hip test reads from one frame: the rotation (signed, internal +), and the body references
// its compensation checks compare with the neutral (knee position, hip line, trunk axis). Pure.
import { DEFAULT_METHOD, measureHipRotation } from '../geometry';
import { kneeLooksDownShank, TRACKED_MAX_THIGH_TO_SHANK } from '../geometry/hip_rotation';
import { proneHeadEndSides } from '../geometry/prone_sides';
import { RAD_TO_DEG, wrapDeg } from '../geometry/angles';
import { legJoints, MIN_MEASURE_SCORE, otherSide, pair } from '../geometry/joints';
import { otherKneeOut } from '../geometry/other_knee_out';
import { otherShankPx } from '../geometry/shank_pivot';
import { length, midpoint, sub, type Vec2 } from '../geometry/vec2';
import type { HipMethod, JointName, Pose, Side } from '../types';
import { implausibleRotation } from './limits';
import type { HipTestId } from './types';

export interface HipFrame {
  readonly tMs: number;
  /** Femoral rotation, internal positive (degrees). */
  readonly deg: number;
  readonly confidence: number;
  readonly knee: Vec2;
  /**
   * The tested ankle: with the knee it gives the shank's line and the foot's swing (knee-moved check).
   * readHipFrame always sets it and `hipMid`; hand-made frames in tests may leave both out, and the knee is
   * then judged by its raw displacement (compensations.ts kneeMovement).
   */
  readonly ankle?: Vec2;
  /** Midpoint of the hips: knee movement is judged relative to the pelvis, not the picture. */
  readonly hipMid?: Vec2;
  /**
   * False when the knee keypoint is doubtful: seated, the thigh looks longer than a still would accept and runs on
   * along the shank (hip_rotation.ts kneeLooksDownShank): the model has likely placed the knee down the shank. The reading stands (the video's
   * hold is a median of many frames), but the knee-moved check does not judge such a knee. Absent: trusted.
   */
  readonly kneeTrusted?: boolean;
  /** Shank length in pixels: the yardstick for knee movement. */
  readonly shankPx: number;
  /** Angle of the hip line (other hip → tested hip) in the image, degrees. */
  readonly hipLineDeg: number;
  /** Angle of the trunk axis (hip mid → shoulder mid) relative to the hip line; null without shoulders. */
  readonly trunkDeg: number | null;
  /**
   * Seated: how far the untested knee is out to the side, in hip widths (geometry/other_knee_out.ts); null when it
   * is not seen, absent in other tests and in hand-made frames.
   */
  readonly otherKneeOut?: number | null;
  /**
   * Seated: how far the tested knee itself is out to the side of its hip, in hip widths (the same measure, for this
   * leg): a start position needs the thigh pointing forward, not out; null when not seen, absent elsewhere.
   */
  readonly kneeOut?: number | null;
  /**
   * Seated: the untested shank's length in pixels (geometry/shank_pivot.ts: a longer one says the model placed this
   * knee low); null when not seen, absent elsewhere.
   */
  readonly otherShankPx?: number | null;
  /**
   * Seated: the untested knee when clearly seen (the still leg a trial's frames are placed by:
   * protocols/compensations.ts trialOrigin); null when not, absent elsewhere.
   */
  readonly otherKnee?: Vec2 | null;
  /**
   * The untested leg's own rotation reading (the same test's method), when the model reads it: a hold the other leg
   * turned further than this one is not this leg's (protocols/hip_phases.ts). Absent unless asked for
   * (HipFrameOptions.otherLeg), and in hand-made frames.
   */
  readonly otherDeg?: number | null;
  /**
   * Supine overhead: the tested hip to its ankle in pixels. The thigh points at the camera, so this is about the
   * shank's length whatever the model does with the knee, which it places a third to a half down the shank from above
   * (the knee-moved check's yardstick: compensations.ts kneeMovement). Absent elsewhere.
   */
  readonly hipToAnklePx?: number;
  /** Prone: the tested hip and the other (a trial reads the shank in its neutral's hip line: geometry/pinned_prone.ts). */
  readonly hip?: Vec2;
  readonly otherHip?: Vec2;
  /**
   * A median frame's (hip_phases.ts medianFrame) median reading over the frames its ankle and hips are the medians of;
   * `deg` stays the last frame's. Absent on a frame read from one pose.
   */
  readonly medianDeg?: number;
}

export type HipFrameRead = { ok: true; frame: HipFrame } | { ok: false; reason: string };

/** A joint's place when the model saw it clearly (MIN_MEASURE_SCORE), else null. */
function seenJoint(pose: Pose, name: JointName): Vec2 | null {
  const j = pose.joints[name];
  return j && j.score >= MIN_MEASURE_SCORE && Number.isFinite(j.x + j.y) ? { x: j.x, y: j.y } : null;
}

const angleOf = (v: Vec2): number => Math.atan2(v.y, v.x) * RAD_TO_DEG;

/** A trunk axis shorter than this fraction of the hip width is seen end-on: its direction is noise. */
const MIN_TRUNK_TO_HIP_WIDTH = 0.5;

export interface HipFrameOptions {
  /**
   * Read the untested leg's rotation too (`otherDeg`): the live test's guard against a hold the other leg made.
   * Off by default: a recording reads both legs' series anyway and attributes holds from them (leg_attribution.ts),
   * so reading the other leg here too would do that leg's geometry twice a frame.
   */
  readonly otherLeg?: boolean;
}

export function readHipFrame(
  raw: Pose | null,
  test: HipTestId,
  side: Side,
  method?: HipMethod,
  opts: HipFrameOptions = {},
): HipFrameRead {
  if (!raw) return { ok: false, reason: 'nobody in view' };
  // The knee and hips the compensation checks follow must be the leg the angle was read from: prone from
  // the head end, the angle is read after the sides are put right (prone_sides.ts), so they are too.
  const pose =
    test === 'prone' && (method ?? DEFAULT_METHOD.prone) === '2d-prone-head-end'
      ? proneHeadEndSides(raw)
      : raw;
  // A video is read with tracking: seated, a knee that looks lost is still measured (hip_rotation.ts
  // TRACKED_MAX_THIGH_TO_SHANK) and marked untrusted below.
  const m = measureHipRotation(pose, test, side, {
    ...(method ? { method } : {}),
    maxThighToShank: TRACKED_MAX_THIGH_TO_SHANK,
  });
  if (!m.ok) return { ok: false, reason: m.reason };
  // Refused, never shown or held: a reading past the physiological range is a misplaced keypoint.
  const implausible = implausibleRotation(m.valueDeg);
  if (implausible) return { ok: false, reason: implausible };
  const leg = legJoints(pose, side);
  if ('missing' in leg) return { ok: false, reason: leg.missing };
  const other = opts.otherLeg
    ? measureHipRotation(pose, test, otherSide(side), {
        ...(method ? { method } : {}),
        maxThighToShank: TRACKED_MAX_THIGH_TO_SHANK,
      })
    : null;
  const hipLine = sub(leg.hip, leg.otherHip);
  const hipLineDeg = angleOf(hipLine);
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  let trunkDeg: number | null = null;
  if (shoulders) {
    const axis = sub(midpoint(shoulders[0], shoulders[1]), midpoint(leg.hip, leg.otherHip));
    if (length(axis) >= MIN_TRUNK_TO_HIP_WIDTH * length(hipLine))
      trunkDeg = wrapDeg(angleOf(axis) - hipLineDeg);
  }
  return {
    ok: true,
    frame: {
      tMs: pose.tMs,
      deg: m.valueDeg,
      confidence: m.confidence,
      knee: { x: leg.knee.x, y: leg.knee.y },
      ankle: { x: leg.ankle.x, y: leg.ankle.y },
      hipMid: midpoint(leg.hip, leg.otherHip),
      kneeTrusted: test !== 'seated' || !kneeLooksDownShank(leg.hip, leg.knee, leg.ankle),
      shankPx: length(sub(leg.ankle, leg.knee)),
      hipLineDeg,
      trunkDeg,
      ...(other ? { otherDeg: other.ok ? other.valueDeg : null } : {}),
      ...(test === 'supine' ? { hipToAnklePx: length(sub(leg.ankle, leg.hip)) } : {}),
      ...(test === 'prone'
        ? { hip: { x: leg.hip.x, y: leg.hip.y }, otherHip: { x: leg.otherHip.x, y: leg.otherHip.y } }
        : {}),
      ...(test === 'seated'
        ? {
            otherKneeOut: otherKneeOut(pose, side),
            kneeOut: otherKneeOut(pose, otherSide(side)),
            otherShankPx: otherShankPx(pose, side),
            otherKnee: seenJoint(pose, `${otherSide(side)}_knee`),
          }
        : {}),
    },
  };
}
