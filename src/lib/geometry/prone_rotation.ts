import type { HipMethod, Pose, Side } from '../types';
import { add, dot, length, normalize, perp, scale, sub, type Vec2 } from './vec2';
import { RAD_TO_DEG, DEG_TO_RAD, safeAcosDeg } from './angles';
import { legJoints } from './joints';
import { refuse, measured, type Measurement } from './result';
import { proneHeadEndSides } from './prone_sides';
import { shankFrame2D } from './shank_rotation_2d';

/**
 * Prone, knee bent 90°: the shank points at the ceiling and femoral rotation swings it in the vertical
 * plane perpendicular to the femur. A camera level with the table, in line with the body, sees that plane
 * face-on, but the table's end, the feet or the trunk hide the legs; a camera raised and tilted down by φ
 * sees the plane foreshortened by cos φ along the picture's projection of the femur, which reads 40° as
 * 41.8° at φ = 20° and as 47.6° at φ = 40°.
 *
 * Two placements look along the body like that (README, prone):
 *  - 'head-end' (the app's, method '2d-prone-head-end'): behind the head, ≈ 1.5 m above the table, 2–3 m
 *    from the thighs, tilted ≈ 40° down toward the feet. The person is upside down in the picture (feet at
 *    the top); the pose layer turns the frame 180° for the model (pose/rotation.ts, TEST_ROTATION) and the
 *    keypoints back, so the maths here sees the camera's own picture: the thighs run away from the camera,
 *    up the picture, and so does the shank.
 *  - 'foot-end' (method '2d-hip-line', kept for comparison): at the feet, raised and tilted 20° down. The
 *    maths is the same with the thighs running down the picture, but the pose models cannot read a body
 *    lying face down seen from its feet (BlazePose finds a usable pose in 1–3 of 30 renders).
 *
 * The picture itself says how far the camera looks down: both femurs lie flat on the table, along the
 * line of sight, so a thigh's image length is L_thigh·sin φ, while the shank, once the plane is stretched
 * back by 1/cos φ, has its true length L_shank. With L_thigh / L_shank from anthropometry the two give φ;
 * the plane is stretched back along the thigh's image direction and the angle read in the body's own frame
 * (hip line, and perpendicular to it toward the ceiling), so camera roll cancels.
 */
export type ProneView = 'head-end' | 'foot-end';

/**
 * Thigh (hip joint → knee) over shank (knee → ankle) length: 0.245 vs 0.246 of body height (Winter,
 * Biomechanics and Motor Control of Human Movement, segment lengths). An error of 10 % here moves the
 * estimated tilt by ~2° at φ = 20° and the angle by < 0.3°: the correction needs φ only roughly.
 */
export const THIGH_TO_SHANK = 1.0;
/**
 * Beyond this tilt the shank is mostly seen along its length and the stretch would magnify keypoint
 * noise (×1.6 at 50°): the camera looks down on the legs from too high or too close.
 */
export const MAX_PRONE_TILT_DEG = 50;
/** Hips closer than this fraction of the shank: a side view, where left and right collapse. */
export const MIN_PRONE_HIP_WIDTH_TO_SHANK = 0.2;
/** Beyond this the reading is outside any physiological range: a wrong pose, not a hip. */
export const MAX_PLAUSIBLE_PRONE_DEG = 80;
/**
 * Both thighs run along the line of sight: away from a head-end camera (up the picture, in the body's own
 * frame), toward a foot-end one (down the picture). A thigh more than this far off is not a prone body seen
 * from that end: the camera is at the other end, or the model mislabelled the legs.
 */
export const MAX_PRONE_THIGH_OFF_DEG = 50;
/** The posture check only reads thighs at least this long relative to the tested shank in the picture. */
export const MIN_PRONE_THIGH_TO_SHANK = 0.5;
/**
 * From the head end the shoulders are nearer the camera than the hips, so the trunk (hip centre → shoulder
 * centre) runs down the picture: 0–38° off on the rig's true joints at 40° down (±20° camera angles), up to
 * 90° with the camera only 20° down. From the feet it runs up the picture (104–180° off). Beyond this the
 * camera is at the feet (or the person lies the other way round).
 */
export const MAX_PRONE_TRUNK_OFF_DEG = 100;
/** The trunk check reads a trunk at least this long relative to the tested shank in the picture. */
export const MIN_PRONE_TRUNK_TO_SHANK = 0.15;

/** How far the camera looks down on the femurs, and the picture's direction of that tilt. */
export interface ProneTilt {
  readonly tiltDeg: number;
  /** Unit image direction of the femurs (hip → knee): the axis the rotation plane is squashed along. */
  readonly along: Vec2;
}

/** Stretch `v` along the unit vector `u` by `k`: undoes a squash of 1/k along u. */
export function stretchAlong(v: Vec2, u: Vec2, k: number): Vec2 {
  return add(v, scale(u, (k - 1) * dot(v, u)));
}

/**
 * The camera's tilt over the femurs from the tested thigh (hip → knee) and shank (knee → ankle) in the
 * picture: the φ at which THIGH_TO_SHANK · |shank stretched by 1/cos φ| · sin φ equals the thigh's
 * length. That product grows with φ, so bisection finds the one root; null when even MAX_PRONE_TILT_DEG
 * cannot explain a thigh that long, or the thigh has no direction.
 */
export function estimateProneTilt(thigh: Vec2, shank: Vec2): ProneTilt | null {
  const along = normalize(thigh);
  if (!along) return { tiltDeg: 0, along: { x: 0, y: 1 } };
  const t = length(thigh);
  const f = (deg: number) =>
    THIGH_TO_SHANK *
      length(stretchAlong(shank, along, 1 / Math.cos(deg * DEG_TO_RAD))) *
      Math.sin(deg * DEG_TO_RAD) -
    t;
  if (f(MAX_PRONE_TILT_DEG) < 0) return null;
  let lo = 0;
  let hi = MAX_PRONE_TILT_DEG;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return { tiltDeg: (lo + hi) / 2, along };
}

/**
 * Signed shank angle in the rotation plane, + toward the tested side's lateral direction: the plane is
 * stretched back by 1/cos(tilt) along the femurs' image direction, then read against the hip line and
 * the perpendicular to it on the ceiling's side (`up`, from the un-stretched frame). Null for a
 * zero-length shank or hip line.
 */
export function proneShankAngleDeg(hipLine: Vec2, shank: Vec2, up: Vec2, tilt: ProneTilt): number | null {
  const k = 1 / Math.cos(tilt.tiltDeg * DEG_TO_RAD);
  const lateral = normalize(stretchAlong(hipLine, tilt.along, k));
  const s = stretchAlong(shank, tilt.along, k);
  if (!lateral || length(s) < 1e-6) return null;
  const p = perp(lateral);
  const neutral = dot(p, up) >= 0 ? p : scale(p, -1);
  return Math.atan2(dot(s, lateral), dot(s, neutral)) * RAD_TO_DEG;
}

/** What each view expects and says. */
const VIEW: Record<
  ProneView,
  { method: HipMethod; thighsRun: 'up' | 'down'; tooSteep: string; wrongEnd: string }
> = {
  'head-end': {
    method: '2d-prone-head-end',
    thighsRun: 'up',
    tooSteep: 'lower it or move it further back from the head',
    wrongEnd:
      'the camera sees the person from the feet, not from behind the head (or the keypoints are unreliable)',
  },
  'foot-end': {
    method: '2d-hip-line',
    thighsRun: 'down',
    tooSteep: 'lower it or move it further from the feet',
    wrongEnd: 'keypoints unreliable in this view',
  },
};

/**
 * Femoral rotation in the prone test, internal positive, or why not, for a camera raised at the head end
 * (the app's placement) or at the foot end, looking along the body.
 */
export function proneRotation2D(raw: Pose, side: Side, view: ProneView = 'head-end'): Measurement<HipMethod> {
  const v = VIEW[view];
  // From the head end the view says which side is which; a model that named them the other way round is
  // corrected before the tested leg is picked (prone_sides.ts).
  const pose = view === 'head-end' ? proneHeadEndSides(raw) : raw;
  const leg = legJoints(pose, side);
  if ('missing' in leg) return refuse(leg.missing);
  const shank = sub(leg.ankle, leg.knee);
  const shankPx = length(shank);
  const hipLine = sub(leg.hip, leg.otherHip);
  if (shankPx < 4)
    return refuse('the shank is too small in the picture: move closer or use a higher resolution');
  if (length(hipLine) < MIN_PRONE_HIP_WIDTH_TO_SHANK * shankPx) {
    return refuse(
      'the hips overlap in the picture: the camera sees the person from the side, not as the test needs',
    );
  }
  const frame = shankFrame2D({ hip: leg.hip, otherHip: leg.otherHip }, 'hip-line-up');
  if ('reason' in frame) return refuse(frame.reason);
  const problem =
    (view === 'head-end'
      ? proneWrongEndProblem(pose, leg.hip, leg.otherHip, frame.neutral, shankPx)
      : null) ?? pronePostureProblem(pose, frame.neutral, shankPx, view);
  if (problem) return refuse(problem);
  const tilt = estimateProneTilt(sub(leg.knee, leg.hip), shank);
  if (!tilt) {
    return refuse(
      `the camera looks down on the legs too steeply (over ${MAX_PRONE_TILT_DEG}°): ${v.tooSteep}`,
    );
  }
  const deg = proneShankAngleDeg(hipLine, shank, frame.neutral, tilt);
  if (deg === null) return refuse('knee and ankle are at the same point');
  if (Math.abs(deg) > MAX_PLAUSIBLE_PRONE_DEG)
    return refuse(`the leg is not in the test position (shank at ${deg.toFixed(0)}°)`);
  const confidence = Math.min(leg.hip.score, leg.knee.score, leg.ankle.score, leg.otherHip.score);
  return measured(deg, confidence, v.method);
}

/**
 * A head-end view has the shoulders on the camera's side of the hips, down the picture: shoulders beyond the
 * hips mean the camera is at the feet. No verdict without both shoulders or with a trunk seen end-on.
 */
export function proneWrongEndProblem(
  pose: Pose,
  hip: Vec2,
  otherHip: Vec2,
  up: Vec2,
  shankPx: number,
): string | null {
  const ls = pose.joints.left_shoulder;
  const rs = pose.joints.right_shoulder;
  if (!ls || !rs || ls.score < 0.3 || rs.score < 0.3) return null;
  const trunk = sub(scale(add(ls, rs), 0.5), scale(add(hip, otherHip), 0.5));
  if (length(trunk) < MIN_PRONE_TRUNK_TO_SHANK * shankPx) return null;
  const offDeg = safeAcosDeg(dot(normalize(trunk)!, { x: -up.x, y: -up.y }));
  if (offDeg <= MAX_PRONE_TRUNK_OFF_DEG) return null;
  return 'the shoulders are beyond the hips in the picture: the camera sees the person from the feet; place it behind the head, looking down along the body toward the feet';
}

/**
 * Pose models can mislabel a person lying face down (a leg on an arm, a knee beyond its hip), and a camera
 * at the wrong end sees the thighs run the other way. A thigh that does not run the way the view expects, in
 * the body's own frame (`up`: perpendicular to the hip line, toward the ceiling), means any angle from these
 * keypoints would be wrong by tens of degrees: refuse instead.
 */
export function pronePostureProblem(
  pose: Pose,
  up: Vec2,
  shankPx: number,
  view: ProneView = 'foot-end',
): string | null {
  const along = VIEW[view].thighsRun === 'up' ? up : { x: -up.x, y: -up.y };
  for (const s of ['left', 'right'] as const) {
    const hip = pose.joints[`${s}_hip`];
    const knee = pose.joints[`${s}_knee`];
    if (!hip || !knee || hip.score < 0.3 || knee.score < 0.3) continue;
    // A thigh seen end-on (it runs along the line of sight) is short and its direction is noise: no verdict.
    if (length(sub(knee, hip)) < MIN_PRONE_THIGH_TO_SHANK * shankPx) continue;
    const thigh = normalize(sub(knee, hip));
    if (!thigh) continue;
    const offDeg = safeAcosDeg(dot(thigh, along));
    if (offDeg > MAX_PRONE_THIGH_OFF_DEG) {
      return view === 'head-end'
        ? `the ${s} thigh does not run up the picture (${offDeg.toFixed(0)}° off): ${VIEW[view].wrongEnd}`
        : `the ${s} leg does not look like a prone body seen from the feet (thigh ${offDeg.toFixed(0)}° off): ${VIEW[view].wrongEnd}`;
    }
  }
  return null;
}
