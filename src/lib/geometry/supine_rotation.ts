import type { HipMethod, Joint, Pose, Side } from '../types';
import { RAD_TO_DEG } from './angles';
import { dot, length, midpoint, normalize, perp, sub, type Vec2 } from './vec2';
import { legJoints, MIN_MEASURE_SCORE, otherSide, pair, type LegJoints } from './joints';
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
 * along the trunk axis, longer than the trunk (hip → ankle ≈ 1.7–1.9 trunks on the rig's true joints). A view
 * from the foot end sees it point at the camera. On MoveNet Thunder's keypoints of the dev bodies
 * (docs/accuracy.md), proper overhead views gave ≥ 1.06 trunks (one 0.33) within 16° of the trunk axis (two
 * more); the two foot-end views that passed every other check (bodies holding the tested leg, the trunk curled
 * up toward the camera) gave 0.56 and 0.87. The other foot-end views spread from 0.46 to 19.7 at any angle, and
 * the other checks refused them.
 */
export const MIN_OTHER_LEG_TO_TRUNK = 1.0;
/** …and within this angle of the trunk axis. */
export const MAX_OTHER_LEG_OFF_AXIS_DEG = 30;
/**
 * With the view confirmed overhead by the other leg, a tested knee scored this or more (below
 * MIN_MEASURE_SCORE) still counts if it lies where an overhead knee can: within MAX_LOW_KNEE_THIGH_TO_TRUNK of
 * the hip (the thigh points at the camera: ≤ 0.3 trunks on true joints, ≤ 0.65 at ±20° camera angles).
 */
export const MIN_CONFIRMED_KNEE_SCORE = 0.1;
export const MAX_LOW_KNEE_THIGH_TO_TRUNK = 0.6;

/** What the overhead reading rests on: the angle, its confidence, and the shank's ends it used. */
export interface SupineShank {
  readonly deg: number;
  readonly confidence: number;
  /** The shank's proximal end: the knee keypoint, or the hip where the knee was lost in a confirmed view. */
  readonly knee: Vec2;
  readonly ankle: Vec2;
  readonly kneeFrom: 'knee' | 'hip';
}

/** Femoral rotation in supine 90/90 seen from overhead, internal positive, or why it can't be measured. */
export function supineRotationTrunk2D(pose: Pose, side: Side): Measurement<HipMethod> {
  const r = supineShank(pose, side);
  return 'reason' in r ? refuse(r.reason) : measured(r.deg, r.confidence, '2d-supine-trunk');
}

/**
 * The supine overhead reading with the shank it used (readHipFrame takes its knee for the knee-moved check).
 *
 * The tested knee is what MoveNet loses in this view: the raised thigh hides it and a hand may hold it (the
 * app tells people to steady the knee with one hand), so it was scored under MIN_MEASURE_SCORE in most refused
 * proper views. Where the other leg confirms the camera is overhead, a low-scored knee near the hip is used,
 * and a knee that is lost (too low a score, far from the hip, or on the ankle) gives way to the hip: overhead
 * the thigh points at the camera, so the knee is seen near the hip and hip → ankle stands in for the shank.
 * Chosen on the dev bodies' saved poses (docs/accuracy.md): proper views refused 42 % → 14 %, MAE 5.2° → 5.6°,
 * the two foot-end views measured before refused (0 of 64).
 */
export function supineShank(pose: Pose, side: Side): SupineShank | { reason: string } {
  const leg = legJoints(pose, side, 0);
  if ('missing' in leg) return { reason: leg.missing };
  for (const j of ['hip', 'ankle', 'otherHip'] as const) {
    if (leg[j].score < MIN_MEASURE_SCORE) {
      const name = `${j === 'otherHip' ? otherSide(side) : side} ${j === 'otherHip' ? 'hip' : j}`;
      return { reason: `${name} not clearly visible (score ${leg[j].score.toFixed(2)})` };
    }
  }
  const shoulders = pair(pose, 'left_shoulder', 'right_shoulder');
  if (!shoulders)
    return { reason: 'shoulders not visible, so the body axis is unknown: keep them in the picture' };
  const shoulderMid = midpoint(shoulders[0], shoulders[1]);
  const trunk = length(sub(midpoint(leg.hip, leg.otherHip), shoulderMid));
  const view = otherLegView(
    pose,
    side,
    leg.otherHip,
    sub(midpoint(leg.hip, leg.otherHip), shoulderMid),
    trunk,
  );
  if (view === 'wrong')
    return {
      reason:
        'the other leg does not lie along the body in the picture: place the camera above the knees, the other leg straight on the table',
    };
  const read = (proximal: Joint): SupineShank | { reason: string; kneeLost?: boolean } =>
    shankReading(leg, proximal, shoulders, shoulderMid, trunk);
  const knee = leg.knee;
  const kneeScore = `${side} knee not clearly visible (score ${knee.score.toFixed(2)})`;
  if (knee.score >= MIN_MEASURE_SCORE) {
    const r = read(knee);
    if (!('reason' in r) || !r.kneeLost || view !== 'overhead') return r;
  } else {
    if (view !== 'overhead') return { reason: kneeScore };
    if (
      knee.score >= MIN_CONFIRMED_KNEE_SCORE &&
      length(sub(knee, leg.hip)) <= MAX_LOW_KNEE_THIGH_TO_TRUNK * trunk
    ) {
      const r = read(knee);
      if (!('reason' in r)) return r;
    }
  }
  // The knee is lost in a view the other leg confirms is overhead: the hip stands in for it (its score still
  // lowers the reading's confidence).
  const r = read({ ...leg.hip, score: Math.min(leg.hip.score, knee.score) });
  return 'reason' in r ? { reason: r.reason } : { ...r, kneeFrom: 'hip' };
}

/**
 * Whether the other leg says the camera is overhead: 'overhead' (it runs along the trunk axis, long), 'wrong'
 * (seen, but not so), or 'unseen' (its ankle not scored clearly).
 */
function otherLegView(
  pose: Pose,
  side: Side,
  otherHip: Joint,
  trunkAxis: Vec2,
  trunk: number,
): 'overhead' | 'wrong' | 'unseen' {
  const ankle = pose.joints[`${otherSide(side)}_ankle`];
  if (!ankle || !Number.isFinite(ankle.x) || !Number.isFinite(ankle.y) || ankle.score < MIN_MEASURE_SCORE)
    return 'unseen';
  const legVec = sub(ankle, otherHip);
  const along = normalize(legVec);
  const axis = normalize(trunkAxis);
  if (!along || !axis || trunk <= 0) return 'wrong';
  const offAxisDeg = Math.acos(Math.max(-1, Math.min(1, dot(along, axis)))) * RAD_TO_DEG;
  return length(legVec) >= MIN_OTHER_LEG_TO_TRUNK * trunk && offAxisDeg <= MAX_OTHER_LEG_OFF_AXIS_DEG
    ? 'overhead'
    : 'wrong';
}

/** The view and shank checks and the angle, with `proximal` as the shank's upper end. */
function shankReading(
  leg: LegJoints,
  proximal: Joint,
  shoulders: [Joint, Joint],
  shoulderMid: Vec2,
  trunk: number,
): SupineShank | { reason: string; kneeLost?: boolean } {
  const shank = length(sub(leg.ankle, proximal));
  const hipWidth = length(sub(leg.hip, leg.otherHip));
  const shoulderWidth = length(sub(shoulders[0], shoulders[1]));
  if (shank < 4 && trunk < 4 / MIN_SHANK_TO_TRUNK)
    return { reason: 'the body is too small in the picture: move closer or use a higher resolution' };
  if (hipWidth < MIN_HIP_WIDTH_TO_SHANK_SUPINE * shank) {
    return {
      reason:
        'the hips overlap in the picture: the camera sees the person from the side, not as the test needs',
    };
  }
  if (trunk < MIN_TRUNK_TO_SHOULDER_WIDTH * shoulderWidth) {
    return {
      reason: 'the trunk looks short: the camera sees the body from the head or the feet; place it overhead',
    };
  }
  if (trunk > MAX_TRUNK_TO_SHOULDER_WIDTH * shoulderWidth) {
    return {
      reason:
        'the shoulders look too narrow for a body seen from above: place the camera overhead (or the keypoints are unreliable)',
    };
  }
  if (length(sub(proximal, leg.hip)) > MAX_THIGH_TO_TRUNK * trunk) {
    return {
      reason: 'the thigh is seen along its length: the camera is not above the knee; place it overhead',
      kneeLost: true,
    };
  }
  if (shank < MIN_SHANK_TO_TRUNK * trunk) {
    return {
      reason: `the shank looks too short (${shank.toFixed(0)} px for a ${trunk.toFixed(0)} px trunk): it points at the camera, or the knee or ankle was not found where it is`,
      kneeLost: true,
    };
  }
  const frame = trunkFrame2D(leg.hip, leg.otherHip, shoulderMid);
  if ('reason' in frame) return { reason: frame.reason };
  const deg = shankRotationDeg(proximal, leg.ankle, frame);
  if (deg === null) return { reason: 'knee and ankle are at the same point' };
  if (Math.abs(deg) > MAX_PLAUSIBLE_SUPINE_DEG)
    return { reason: `the leg is not in the test position (shank at ${deg.toFixed(0)}°)` };
  if (!Number.isFinite(deg)) return { reason: 'the joints give no finite angle' };
  const confidence = Math.min(
    leg.hip.score,
    proximal.score,
    leg.ankle.score,
    leg.otherHip.score,
    shoulders[0].score,
    shoulders[1].score,
  );
  return {
    deg,
    confidence,
    knee: { x: proximal.x, y: proximal.y },
    ankle: { x: leg.ankle.x, y: leg.ankle.y },
    kneeFrom: 'knee',
  };
}
