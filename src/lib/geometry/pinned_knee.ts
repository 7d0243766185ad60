// Seated femoral rotation in a tracked trial, with the knee keypoint pinned across the neutral shank's line.
//
// Turning the femur about its long axis swings the shank about a knee that stays put. Pose models do not keep it
// put: on the rig bodies BlazePose drags the knee keypoint sideways toward the foot as the shank turns (more the
// further it turns; loose trousers worse), so the knee → ankle line turns less than the shank and every end range
// read short. Within a trial the neutral hold shows where the knee was, so each frame's knee is moved back across
// the neutral shank's line to where it was at neutral, keeping its place along that line (the model also slides
// it up and down the shank, which barely turns the line). A knee that really moves sideways is the knee-moved
// compensation's business (protocols/compensations.ts), which voids such a trial.
// Chosen on the dev bodies' guided clips (scripts/seated_hold_methods.ts, docs/accuracy.md): holds read 7.4° MAE
// from the knee keypoint, 3.5° pinned and taken from the trial's neutral.
// Where along the line: with the other leg hanging beside the tested one BlazePose also places both knees about a
// fifth of the shank low (and the hips high), at neutral and in internal trials alike, so only the sideways drag is
// taken out ('across'). With the other knee out to the side it places the neutral knee within a few hundredths of
// the shank, while the turning shank still pulls the keypoint down it, so the neutral knee is the pivot outright
// ('whole'): dev holds 3.4° → 2.3° MAE (scripts/seated_keypoint_bias.ts, docs/accuracy.md).
import { DEG_TO_RAD, RAD_TO_DEG } from './angles';
import { dot, normalize, perp, sub, type Vec2 } from './vec2';

/** The leg in one frame: what a guided trial keeps of it (protocols/hip_frame.ts HipFrame). */
export interface SeatedLeg {
  readonly knee: Vec2;
  readonly ankle: Vec2;
  /** Midpoint of the hips: the body frame's origin. */
  readonly hipMid: Vec2;
  /** Angle of the hip line (other hip → tested hip) in the image, degrees. */
  readonly hipLineDeg: number;
}

/** A point in the frame's body axes: along the hip line (toward the tested side) and down its normal. */
function bodyAxes(leg: SeatedLeg): (p: Vec2) => Vec2 {
  const lateral = { x: Math.cos(leg.hipLineDeg * DEG_TO_RAD), y: Math.sin(leg.hipLineDeg * DEG_TO_RAD) };
  const p = perp(lateral);
  // As shank_rotation_2d.ts 'hip-line-down': the shank hangs, so the normal points down the picture.
  const down = p.y > 0 ? p : { x: -p.x, y: -p.y };
  return (q) => {
    const d = sub(q, leg.hipMid);
    return { x: dot(d, lateral), y: dot(d, down) };
  };
}

/** How much of the knee is put back where the neutral had it: across the neutral shank's line only, or wholly. */
export type KneePin = 'across' | 'whole';

/**
 * The shank's rotation from the hip line's normal, internal positive (as shank_rotation_2d.ts), with this frame's
 * knee moved back to the neutral knee: across the neutral shank's line (its place along the line kept), or wholly;
 * null when the neutral shank has no length.
 */
export function pinnedKneeRotationDeg(
  now: SeatedLeg,
  neutral: SeatedLeg,
  pin: KneePin = 'across',
): number | null {
  const n = bodyAxes(neutral);
  const k0 = n(neutral.knee);
  const u = normalize(sub(n(neutral.ankle), k0), 1e-6);
  if (!u) return null;
  const across = perp(u);
  const b = bodyAxes(now);
  const k = b(now.knee);
  const a = b(now.ankle);
  const shift = dot(sub(k0, k), across);
  const pinned = pin === 'whole' ? k0 : { x: k.x + shift * across.x, y: k.y + shift * across.y };
  const s = sub(a, pinned);
  if (Math.hypot(s.x, s.y) < 1e-6) return null;
  return Math.atan2(s.x, s.y) * RAD_TO_DEG;
}
