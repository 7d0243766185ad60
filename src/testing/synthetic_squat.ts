// A frontal 2D squat body with known FPPA, depth and trunk lean: the ground truth for the squat
// geometry, rep-detection and protocol tests (as synthetic_pose.ts is for the hip tests). Pure.
import type { Joint, JointName, Pose, Side } from '../lib/types';
import { DEG_TO_RAD } from '../lib/geometry/angles';

export interface SquatPoseSpec {
  /** Hip drop as a fraction of the standing leg length (0 = standing). */
  readonly depth?: number;
  /** FPPA per leg, + valgus (knee toward the midline). */
  readonly fppaDeg?: Partial<Record<Side, number>>;
  /** Lateral trunk lean, + toward the person's left. */
  readonly trunkLeanDeg?: number;
  /** Both knees shifted sideways by this fraction of leg length, + toward the person's left (a body turned to the camera looks like this). */
  readonly kneeShift?: number;
  /** 'back': the camera sees the person from behind (their right is image right). */
  readonly view?: 'front' | 'back';
  readonly rollDeg?: number;
  readonly score?: number;
  readonly tMs?: number;
  /** Uniform noise ± this many pixels on every coordinate, from `rng`. */
  readonly noisePx?: number;
  readonly rng?: () => number;
  readonly omit?: readonly JointName[];
}

export { seededRandom } from './seeded_random';

export const SYNTH_WIDTH = 720;
export const SYNTH_HEIGHT = 1280;
/** Standing hip→ankle distance (a straight leg: thigh + shank) in pixels. */
export const SYNTH_LEG_PX = 400;
const HIP_Y = 560;
const HIP_HALF = 40;
const SHOULDER_HALF = 80;
const TRUNK_PX = 300;

/**
 * The person faces the camera (their right leg on image left). Ankles stay put; the hips drop by
 * depth × leg length; each knee sits at the middle of its hip–ankle line, pushed sideways so the
 * hip–knee–ankle angle gives exactly the FPPA asked for.
 */
export function frontalSquatPose(spec: SquatPoseSpec = {}): Pose {
  const depth = spec.depth ?? 0;
  const pts: Partial<Record<JointName, { x: number; y: number }>> = {};
  const cx = SYNTH_WIDTH / 2;
  const hipY = HIP_Y + depth * SYNTH_LEG_PX;
  const ankleY = HIP_Y + SYNTH_LEG_PX;
  const shiftPx = (spec.kneeShift ?? 0) * SYNTH_LEG_PX; // + toward the person's left = image right
  for (const side of ['left', 'right'] as const) {
    const out = side === 'left' ? 1 : -1; // image direction of this side's lateral (front view)
    const x = cx + out * HIP_HALF;
    const half = (ankleY - hipY) / 2;
    const fppa = spec.fppaDeg?.[side] ?? 0;
    // Valgus moves the knee toward the midline, i.e. against `out`.
    const offset = -out * Math.tan((fppa / 2) * DEG_TO_RAD) * half;
    pts[`${side}_hip`] = { x, y: hipY };
    pts[`${side}_knee`] = { x: x + offset + shiftPx, y: hipY + half };
    pts[`${side}_ankle`] = { x, y: ankleY };
    pts[`${side}_heel`] = { x, y: ankleY + 15 };
    pts[`${side}_foot_index`] = { x: x + out * 10, y: ankleY + 45 };
  }
  const lean = (spec.trunkLeanDeg ?? 0) * DEG_TO_RAD;
  const up = { x: Math.sin(lean), y: -Math.cos(lean) }; // + lean tips the shoulders image-right (person's left)
  const across = { x: Math.cos(lean), y: Math.sin(lean) };
  const sMid = { x: cx + up.x * TRUNK_PX, y: hipY + up.y * TRUNK_PX };
  pts.left_shoulder = { x: sMid.x + across.x * SHOULDER_HALF, y: sMid.y + across.y * SHOULDER_HALF };
  pts.right_shoulder = { x: sMid.x - across.x * SHOULDER_HALF, y: sMid.y - across.y * SHOULDER_HALF };
  pts.nose = { x: sMid.x + up.x * 120, y: sMid.y + up.y * 120 };

  const roll = (spec.rollDeg ?? 0) * DEG_TO_RAD;
  const cy = SYNTH_HEIGHT / 2;
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, p0] of Object.entries(pts) as [JointName, { x: number; y: number }][]) {
    if (spec.omit?.includes(name)) continue;
    let p = spec.view === 'back' ? { x: SYNTH_WIDTH - p0.x, y: p0.y } : p0;
    const dx = p.x - cx;
    const dy = p.y - cy;
    p = {
      x: cx + dx * Math.cos(roll) - dy * Math.sin(roll),
      y: cy + dx * Math.sin(roll) + dy * Math.cos(roll),
    };
    const n = spec.noisePx ?? 0;
    if (n > 0) {
      if (!spec.rng) throw new Error('noisePx needs a seeded rng (seededRandom)');
      p = { x: p.x + (spec.rng() * 2 - 1) * n, y: p.y + (spec.rng() * 2 - 1) * n };
    }
    joints[name] = { x: p.x, y: p.y, score: spec.score ?? 0.9 };
  }
  return {
    tMs: spec.tMs ?? 0,
    width: SYNTH_WIDTH,
    height: SYNTH_HEIGHT,
    joints,
    score: spec.score ?? 0.9,
    model: 'blazepose-full',
  };
}

export interface SideSquatSpec {
  /** Shank tilt forward from vertical (the knee travels over the toes). */
  readonly shankTiltDeg?: number;
  /** Thigh tilt from hanging straight down, the hip going back (90 = thigh horizontal). */
  readonly thighTiltDeg?: number;
  /** Trunk tilt forward from vertical. */
  readonly trunkLeanDeg?: number;
  /** Which way the person faces in the picture. */
  readonly facing?: 'right' | 'left';
  readonly score?: number;
  readonly omit?: readonly JointName[];
}

/**
 * A squat seen from the side. Knee flexion = shank tilt + thigh tilt, hip flexion = thigh tilt +
 * trunk lean (angles between the segments, by construction). The far leg is drawn 4 px behind the near one.
 */
export function sideSquatPose(spec: SideSquatSpec = {}): Pose {
  const f = spec.facing === 'left' ? -1 : 1;
  const rad = (d: number | undefined) => (d ?? 0) * DEG_TO_RAD;
  const shank = rad(spec.shankTiltDeg);
  const thigh = rad(spec.thighTiltDeg);
  const trunk = rad(spec.trunkLeanDeg);
  const pts: Partial<Record<JointName, { x: number; y: number }>> = {};
  for (const [side, dx] of [
    ['left', 0],
    ['right', -4 * f],
  ] as const) {
    const ankle = { x: 360 + dx, y: 960 };
    const knee = { x: ankle.x + f * 200 * Math.sin(shank), y: ankle.y - 200 * Math.cos(shank) };
    const hip = { x: knee.x - f * 200 * Math.sin(thigh), y: knee.y - 200 * Math.cos(thigh) };
    const shoulder = { x: hip.x + f * 300 * Math.sin(trunk), y: hip.y - 300 * Math.cos(trunk) };
    pts[`${side}_ankle`] = ankle;
    pts[`${side}_knee`] = knee;
    pts[`${side}_hip`] = hip;
    pts[`${side}_shoulder`] = shoulder;
    pts[`${side}_heel`] = { x: ankle.x - f * 15, y: ankle.y + 20 };
    pts[`${side}_foot_index`] = { x: ankle.x + f * 50, y: ankle.y + 25 };
    pts[`${side}_ear`] = { x: shoulder.x + f * 10 * Math.sin(trunk), y: shoulder.y - 100 };
  }
  const ear = pts.left_ear!;
  pts.nose = { x: ear.x + f * 30, y: ear.y + 10 };
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, p] of Object.entries(pts) as [JointName, { x: number; y: number }][])
    if (!spec.omit?.includes(name)) joints[name] = { ...p, score: spec.score ?? 0.9 };
  return {
    tMs: 0,
    width: SYNTH_WIDTH,
    height: SYNTH_HEIGHT,
    joints,
    score: spec.score ?? 0.9,
    model: 'blazepose-full',
  };
}
