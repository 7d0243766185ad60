import type { HipMethod, Pose, Side } from '../types';
import { RAD_TO_DEG } from './angles';
import { dot, length, midpoint, normalize, perp, sub, type Vec2 } from './vec2';
import { legJoints, MIN_MEASURE_SCORE, otherSide, pair } from './joints';
import { refuse, measured, type Measurement } from './result';
import { shankRotationDeg, type ShankFrame2D } from './shank_rotation_2d';

/**
 * Supine 90/90 with the camera overhead, referenced to the trunk ('2d-supine-trunk').
 *
 * Neutral is the body's long axis (mid-shoulders → mid-hips) itself; the hip line only says which side
 * is lateral. Why not the hip line (what '2d-trunk-axis' reduces to): with the tested thigh pointing at
 * the camera, the tested hip joint is hidden under the thigh, and BlazePose places it ~5 px further
 * toward the head than the other hip (CI set, 24 cases); on a hip line only ~40 px long that turned the
 * frame by up to 15° (−8° on average, toward external rotation, more at high internal rotation). The
 * trunk axis is ~3× longer and its shoulder end is in plain view: the same hips move it by ≤ 3°.
 *
 * The shank is still knee → ankle, and the knee is what limits this view now: with the thigh seen end-on
 * BlazePose puts the knee ~13 px down the shank (its 3D world keypoints tilt the thigh toward the feet
 * the same way, as if the hip were flexed less) and up to ~12 px to its side, which reads the shank ~7 %
 * short with ±4° scatter. No other keypoint locates the shank's proximal end better (hip → ankle, or the
 * hip–knee midpoint, are wrong by up to 16° / 8° on the rig's true joints). MoveNet Thunder's knees are
 * better in this view: 1.6° MAE on the CI set with this method, against 3.3° for BlazePose full.
 *
 * Geometry alone (true joints): camera roll cancels; yaw and pitch skew the picture of the table, and
 * perpendicular-to-the-trunk is not quite the picture of the hip line's direction: ≤ 2.2° on the CI
 * renders, up to ~7° at high rotation with yaw and pitch both near ±15°. Taking the lateral direction
 * from the shoulder line instead undoes that skew on true joints but adds the shoulders' noise: worse on
 * the CI set with either model, so not used.
 */
/**
 * Overhead, the trunk lies flat facing the camera: its length (hip centre → shoulder centre) is about
 * 1.5 shoulder widths (1.3–1.6 in the rig's renders, true and predicted; ~1.2–1.8 across adults). A
 * trunk shorter than this many shoulder widths is foreshortened: the camera is at the head or foot end.
 */
export const MIN_TRUNK_TO_SHOULDER_WIDTH = 1.0;
/** Shoulders narrower than trunk / this: not a body seen from above (side view, or mislabelled keypoints). */
export const MAX_TRUNK_TO_SHOULDER_WIDTH = 2.5;
/**
 * The tested thigh points at an overhead camera, so it looks short next to the trunk: ≤ 0.3 on the rig's
 * true joints, ≤ 0.65 for a stick body 2.4 m under a camera at ±20° yaw and pitch (the knee is ~20 %
 * nearer the camera than the hip, so perspective adds to the tilt), and BlazePose, placing the knee
 * ~15 px down the shank, adds up to ~0.35 more (0.52 on the CI set). From the foot end it is ≥ 1.5 on
 * true joints. A thigh longer than the trunk is not seen from above.
 */
export const MAX_THIGH_TO_TRUNK = 1.0;
/** Hips closer than this fraction of the shank: a side view (as in hip_rotation.ts). */
export const MIN_HIP_WIDTH_TO_SHANK_SUPINE = 0.2;
/**
 * Overhead the shank is ~0.85 of the trunk (0.62–1.1 predicted on the CI set); one shorter than this
 * fraction points at the camera, or the model put knee and ankle on one spot (MoveNet did, once).
 */
export const MIN_SHANK_TO_TRUNK = 0.4;
/** The hip line must cross the trunk axis at least this steeply (sine of the angle) to tell the sides. */
export const MIN_HIP_LINE_ACROSS_TRUNK = 0.5;
/** Beyond this the reading is outside any physiological range: a wrong pose, not a hip. */
export const MAX_PLAUSIBLE_SUPINE_DEG = 80;

/**
 * The body frame for supine overhead: neutral along the trunk axis (toward the feet), lateral
 * perpendicular to it toward the tested hip. Camera roll cancels (both come from the body).
 */
export function trunkFrame2D(
  hip: Vec2,
  otherHip: Vec2,
  shoulderMid: Vec2,
): ShankFrame2D | { reason: string } {
  const hipLine = normalize(sub(hip, otherHip));
  if (!hipLine)
    return { reason: 'both hips are at the same point (the camera sees the person from the side)' };
  const neutral = normalize(sub(midpoint(hip, otherHip), shoulderMid));
  if (!neutral) return { reason: 'the shoulders and hips are at the same point: the trunk axis is unknown' };
  const p = perp(neutral);
  const across = dot(p, hipLine);
  if (Math.abs(across) < MIN_HIP_LINE_ACROSS_TRUNK) {
    return { reason: 'the hip line runs along the trunk: the keypoints are not a body seen from above' };
  }
  return { neutral, lateral: across > 0 ? p : { x: -p.x, y: -p.y } };
}

/**
 * The other leg lies straight on the table (the test's start position): seen from overhead it runs from its hip
 * along the trunk axis, longer than the trunk (hip → ankle ≈ 1.7–1.9 trunks on the rig's true joints); a camera
 * at the foot end sees it point at the lens. On MoveNet Thunder's keypoints of the dev bodies (docs/accuracy.md,
 * 248 proper views with and without hands on the leg), proper views gave ≥ 1.06 trunks (one 0.33) within 16° of
 * the trunk axis (two more past 30°); the two foot-end views that passed every other check (people holding the
 * tested leg, the trunk curled up toward the camera: MoveNet put knee and ankle anywhere) gave 0.56 at 35° and
 * 0.87 at 14°. When the other ankle is not scored clearly the check says nothing.
 */
export const MIN_OTHER_LEG_TO_TRUNK = 1.0;
/** …and within this angle of the trunk axis. */
export const MAX_OTHER_LEG_OFF_AXIS_DEG = 30;

/**
 * Whether the other leg contradicts an overhead view: seen (its hip and ankle scored clearly) but shorter than
 * MIN_OTHER_LEG_TO_TRUNK trunks or more than MAX_OTHER_LEG_OFF_AXIS_DEG off the trunk axis.
 */
export function otherLegNotAlongBody(pose: Pose, side: Side, hipMid: Vec2, shoulderMid: Vec2): boolean {
  const o = otherSide(side);
  const hip = pose.joints[`${o}_hip`];
  const ankle = pose.joints[`${o}_ankle`];
  if (!hip || !ankle || hip.score < MIN_MEASURE_SCORE || ankle.score < MIN_MEASURE_SCORE) return false;
  const leg = sub(ankle, hip);
  const along = normalize(leg);
  const axis = normalize(sub(hipMid, shoulderMid));
  if (!along || !axis) return true;
  const offAxisDeg = Math.acos(Math.max(-1, Math.min(1, dot(along, axis)))) * RAD_TO_DEG;
  const trunk = length(sub(hipMid, shoulderMid));
  return length(leg) < MIN_OTHER_LEG_TO_TRUNK * trunk || offAxisDeg > MAX_OTHER_LEG_OFF_AXIS_DEG;
}

/** Femoral rotation in supine 90/90 seen from overhead, internal positive, or why it can't be measured. */
export function supineRotationTrunk2D(pose: Pose, side: Side): Measurement<HipMethod> {
  const leg = legJoints(pose, side);
  if ('missing' in leg) return refuse(leg.missing);
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  if (!shoulders)
    return refuse('shoulders not visible, so the body axis is unknown: keep them in the picture');
  const shoulderMid = midpoint(shoulders[0], shoulders[1]);
  const shank = length(sub(leg.ankle, leg.knee));
  const hipWidth = length(sub(leg.hip, leg.otherHip));
  const trunk = length(sub(midpoint(leg.hip, leg.otherHip), shoulderMid));
  const shoulderWidth = length(sub(shoulders[0], shoulders[1]));
  if (shank < 4 && trunk < 4 / MIN_SHANK_TO_TRUNK)
    return refuse('the body is too small in the picture: move closer or use a higher resolution');
  if (hipWidth < MIN_HIP_WIDTH_TO_SHANK_SUPINE * shank) {
    return refuse(
      'the hips overlap in the picture: the camera sees the person from the side, not as the test needs',
    );
  }
  if (trunk < MIN_TRUNK_TO_SHOULDER_WIDTH * shoulderWidth) {
    return refuse(
      'the trunk looks short: the camera sees the body from the head or the feet; place it overhead',
    );
  }
  if (trunk > MAX_TRUNK_TO_SHOULDER_WIDTH * shoulderWidth) {
    return refuse(
      'the shoulders look too narrow for a body seen from above: place the camera overhead (or the keypoints are unreliable)',
    );
  }
  if (otherLegNotAlongBody(pose, side, midpoint(leg.hip, leg.otherHip), shoulderMid)) {
    return refuse(
      'the other leg does not lie along the body in the picture: place the camera above the knees, the other leg straight on the table',
    );
  }
  if (length(sub(leg.knee, leg.hip)) > MAX_THIGH_TO_TRUNK * trunk) {
    return refuse('the thigh is seen along its length: the camera is not above the knee; place it overhead');
  }
  if (shank < MIN_SHANK_TO_TRUNK * trunk) {
    return refuse(
      `the shank looks too short (${shank.toFixed(0)} px for a ${trunk.toFixed(0)} px trunk): it points at the camera, or the knee or ankle was not found where it is`,
    );
  }
  const frame = trunkFrame2D(leg.hip, leg.otherHip, shoulderMid);
  if ('reason' in frame) return refuse(frame.reason);
  const deg = shankRotationDeg(leg.knee, leg.ankle, frame);
  if (deg === null) return refuse('knee and ankle are at the same point');
  if (Math.abs(deg) > MAX_PLAUSIBLE_SUPINE_DEG)
    return refuse(`the leg is not in the test position (shank at ${deg.toFixed(0)}°)`);
  const confidence = Math.min(
    leg.hip.score,
    leg.knee.score,
    leg.ankle.score,
    leg.otherHip.score,
    shoulders[0].score,
    shoulders[1].score,
  );
  return measured(deg, confidence, '2d-supine-trunk');
}
