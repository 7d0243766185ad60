import type { Joint, Pose, Side } from '../src/lib/types';
import { mapPose } from '../src/lib/pose/map_pose';

/**
 * A second look at one leg (issue 10): a square crop around the tested leg, turned so that its shank
 * points straight down, as in the standing people the models were trained on most. A model's keypoints
 * are pulled toward the limb orientations it saw most; turning the limb upright before asking again is
 * meant to take that angle-dependent pull out, and the crop gives the leg more of the model's pixels.
 *
 * Pure maths, no tfjs: the crop is an affine map between the crop's pixels (u, v) and the source frame's
 * (x, y); pose/leg_crop_tensor.ts warps a Tensor3D with it and a canvas could draw it the same way.
 */
export interface LegCrop {
  /** Crop side in pixels (square). */
  readonly size: number;
  /** Source point of the crop's centre. */
  readonly cx: number;
  readonly cy: number;
  /** Source pixels per crop pixel. */
  readonly scale: number;
  /** Turn of the crop relative to the source, radians: crop axes are the source axes turned by this. */
  readonly angle: number;
}

export interface LegCropOptions {
  /** Crop side in pixels (the model's input: 256 for MoveNet Thunder). */
  readonly size?: number;
  /** Crop side as a multiple of the hip→ankle image span (the longer of it and the shank). */
  readonly spanFactor?: number;
  /** Lowest score of hip, knee and ankle the crop is placed from. */
  readonly minScore?: number;
}

/**
 * Where to look again: centred between the tested hip and ankle, turned so the knee→ankle line points down
 * (+v), large enough for the whole leg with room for the pelvis. Null when the first pose has no usable leg.
 */
export function legCrop(pose: Pose, side: Side, opts: LegCropOptions = {}): LegCrop | null {
  const { size = 256, spanFactor = 1.6, minScore = 0.1 } = opts;
  const hip = pose.joints[`${side}_hip`];
  const knee = pose.joints[`${side}_knee`];
  const ankle = pose.joints[`${side}_ankle`];
  if (!usable(hip, minScore) || !usable(knee, minScore) || !usable(ankle, minScore)) return null;
  const sx = ankle.x - knee.x;
  const sy = ankle.y - knee.y;
  const shank = Math.hypot(sx, sy);
  const span = Math.max(Math.hypot(ankle.x - hip.x, ankle.y - hip.y), shank);
  if (shank < 4 || span < 8) return null;
  // The crop's +v axis is the shank's direction: source direction of crop +v = (sx, sy)/|s|.
  // Crop axes are the source axes turned by `angle`, so +v = (−sin a, cos a) = ŝ.
  const angle = Math.atan2(-sx, sy);
  return {
    size,
    cx: (hip.x + ankle.x) / 2,
    cy: (hip.y + ankle.y) / 2,
    scale: (span * spanFactor) / size,
    angle,
  };
}

function usable(j: Joint | undefined, minScore: number): j is Joint {
  return !!j && j.score >= minScore && Number.isFinite(j.x) && Number.isFinite(j.y);
}

/** Crop pixel (u, v) → source pixel (x, y). */
export function cropToSource(c: LegCrop, u: number, v: number): { x: number; y: number } {
  const du = (u - c.size / 2) * c.scale;
  const dv = (v - c.size / 2) * c.scale;
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  return { x: c.cx + du * cos - dv * sin, y: c.cy + du * sin + dv * cos };
}

/** Source pixel (x, y) → crop pixel (u, v). */
export function sourceToCrop(c: LegCrop, x: number, y: number): { u: number; v: number } {
  const dx = x - c.cx;
  const dy = y - c.cy;
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  return {
    u: (dx * cos + dy * sin) / c.scale + c.size / 2,
    v: (-dx * sin + dy * cos) / c.scale + c.size / 2,
  };
}

/**
 * The 8 numbers of a projective transform taking output (crop) pixels to input (source) pixels, as
 * tf.image.transform wants them: x = a0·u + a1·v + a2, y = b0·u + b1·v + b2 (c0 = c1 = 0).
 */
export function cropTransform(c: LegCrop): [number, number, number, number, number, number, number, number] {
  const cos = Math.cos(c.angle) * c.scale;
  const sin = Math.sin(c.angle) * c.scale;
  const h = c.size / 2;
  return [cos, -sin, c.cx - h * cos + h * sin, sin, cos, c.cy - h * sin - h * cos, 0, 0];
}

/**
 * A pose found in the crop → the source frame's pixels. World keypoints are dropped: they were found in a
 * turned, zoomed picture and no longer describe the camera's view.
 */
export function poseFromCrop(cropPose: Pose, c: LegCrop, source: { width: number; height: number }): Pose {
  const mapped = mapPose(
    cropPose,
    (name, j) => {
      const p = cropToSource(c, j.x, j.y);
      return [name, { x: p.x, y: p.y, score: j.score }];
    },
    (name, j) => [name, j],
  );
  const { world: _world, ...rest } = mapped;
  return { ...rest, width: source.width, height: source.height };
}

/**
 * The first pose with the tested leg's joints taken from the second look. A crop of one leg leaves the model
 * unsure which leg it sees, so the second look's leg is the one (left or right label) whose knee and ankle lie
 * nearest the first pose's; a joint moves only when the second look scored it at least `minScore`, so a crop
 * that lost a joint does not make it worse. `names` chooses which joints move.
 */
export function withLegFrom(
  first: Pose,
  second: Pose,
  side: Side,
  names: readonly LegJointName[] = ['knee', 'ankle'],
  minScore = 0.3,
): Pose {
  const from = nearestLeg(first, second, side);
  if (!from) return first;
  const joints = { ...first.joints };
  for (const n of names) {
    const b = second.joints[`${from}_${n}`];
    if (b && b.score >= minScore) joints[`${side}_${n}`] = b;
  }
  return { ...first, joints };
}

type LegJointName = 'hip' | 'knee' | 'ankle' | 'heel' | 'foot_index';

/** Which of the second pose's legs is the first pose's `side` leg: nearest knee + ankle, or null. */
export function nearestLeg(first: Pose, second: Pose, side: Side): Side | null {
  const k = first.joints[`${side}_knee`];
  const a = first.joints[`${side}_ankle`];
  if (!k || !a) return null;
  let best: Side | null = null;
  let bestD = Infinity;
  for (const s of ['left', 'right'] as const) {
    const k2 = second.joints[`${s}_knee`];
    const a2 = second.joints[`${s}_ankle`];
    if (!k2 || !a2) continue;
    const d = Math.hypot(k2.x - k.x, k2.y - k.y) + Math.hypot(a2.x - a.x, a2.y - a.y);
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best;
}
