// Scripted bodies doing the four drills in front of a pinhole camera, with the truth of what they did:
// holds of known length and angle, lifts with known peaks, a knee drawing a circle of known size, a trunk
// that sways. The stick body is the one of synthetic_pose.ts; the drill replay tests feed these frames
// through the drills' protocols and compare with the truth. Pure.
import type { JointName, Pose, Side } from '../lib/types';
import { DEG_TO_RAD } from '../lib/geometry/angles';
import { add3, cross3, dot3, normalize3, scale3, type Vec3 } from '../lib/geometry/vec3';
import type { TimedPose } from '../lib/pipeline/run_protocol';
import { seededRandom } from './seeded_random';
import { PLACEMENTS, projectBody, synthPose, type SynthCamera } from './synthetic_pose';

const HIP_HALF = 0.09;
const THIGH = 0.42;
const SHANK = 0.42;

/** Overhead, for the 90/90 sitting on the floor: 2.3 m above the hips, the person's front at the top. */
export const OVERHEAD_SITTING: SynthCamera = {
  position: { x: 0, y: 2.3, z: 0.15 },
  target: { x: 0, y: 0, z: 0.15 },
  up: { x: 0, y: 0, z: 1 },
};
/** In front at hip height, 2.5 m away, for standing hip CARs. */
export const FRONT_STANDING: SynthCamera = {
  position: { x: 0, y: -0.1, z: 2.5 },
  target: { x: 0, y: -0.1, z: 0 },
  up: { x: 0, y: 1, z: 0 },
};

const lat = (s: Side) => (s === 'left' ? 1 : -1); // person's left is +X
/** A direction in the floor plane: `deg` from straight ahead (+Z) toward the person's right (−X). */
const floorDir = (deg: number): Vec3 => ({
  x: -Math.sin(deg * DEG_TO_RAD),
  y: 0,
  z: Math.cos(deg * DEG_TO_RAD),
});

export interface NinetyNinetyPose {
  readonly backSide: Side;
  /** The back knee's angle (90 = textbook); the front knee stays at 90. */
  readonly backKneeDeg?: number;
  /** The back shank turned this far forward from straight back (0 = foot behind the knee). */
  readonly backShankTurnDeg?: number;
  /** Trunk hinged forward over the front shin. */
  readonly hingeDeg?: number;
}

/** Sitting on the floor in the modified 90/90: the front thigh 10° off straight ahead, the back one 90° from it. */
export function ninetyNinetyBody(p: NinetyNinetyPose): Partial<Record<JointName, Vec3>> {
  const b = p.backSide;
  const f: Side = b === 'left' ? 'right' : 'left';
  // Angles measured toward the back side: for a right back leg that is toward −X.
  const toBack = b === 'right' ? 1 : -1;
  const dir = (deg: number) => floorDir(toBack * deg);
  const frontThigh = -10;
  const backThigh = frontThigh + 90;
  const hip = (s: Side): Vec3 => ({ x: lat(s) * HIP_HALF, y: 0.08, z: 0 });
  const fKnee = add3(hip(f), scale3(dir(frontThigh), THIGH));
  const fAnkle = add3(fKnee, scale3(dir(frontThigh + 90), SHANK));
  const bKnee = add3(hip(b), scale3(dir(backThigh), THIGH));
  const backKnee = p.backKneeDeg ?? 90;
  // The shank leaves the knee at (180 − knee angle) from the thigh's line, turning toward the back.
  const bShankDeg = backThigh + (180 - backKnee) - (p.backShankTurnDeg ?? 0);
  const bAnkle = add3(bKnee, scale3(dir(bShankDeg), SHANK));
  // The trunk: 0.5 m up from the hips, tipped toward the front shin's middle by hingeDeg.
  const hipMid: Vec3 = { x: 0, y: 0.08, z: 0 };
  const shinMid = scale3(add3(fKnee, fAnkle), 0.5);
  const toward = normalize3({ x: shinMid.x, y: 0, z: shinMid.z })!;
  const h = (p.hingeDeg ?? 0) * DEG_TO_RAD;
  const trunk = add3(scale3({ x: 0, y: 1, z: 0 }, 0.5 * Math.cos(h)), scale3(toward, 0.5 * Math.sin(h)));
  const shoulderMid = add3(hipMid, trunk);
  const across = normalize3(cross3(toward, { x: 0, y: 1, z: 0 }))!;
  return {
    [`${f}_hip`]: hip(f),
    [`${b}_hip`]: hip(b),
    [`${f}_knee`]: fKnee,
    [`${f}_ankle`]: fAnkle,
    [`${b}_knee`]: bKnee,
    [`${b}_ankle`]: bAnkle,
    left_shoulder: add3(shoulderMid, scale3(across, 0.18)),
    right_shoulder: add3(shoulderMid, scale3(across, -0.18)),
  };
}

export interface CarLoopPose {
  readonly side: Side;
  /** Where the knee is on its circle, 0..1 (0 and 1 = standing, the thigh hanging straight down). */
  readonly phase: number;
  /** Half-angle of the cone the thigh sweeps; the cone passes through standing (0 = standing still). */
  readonly coneDeg: number;
  /** Shoulders shifted sideways (m), the trunk swaying. */
  readonly trunkShiftM?: number;
  /** The moving leg's hip raised (m), the pelvis hiking. */
  readonly hipHikeM?: number;
}

/** Rodrigues: v turned by `deg` about the unit axis k. */
const turn = (v: Vec3, k: Vec3, deg: number): Vec3 => {
  const a = deg * DEG_TO_RAD;
  return add3(
    add3(scale3(v, Math.cos(a)), scale3(cross3(k, v), Math.sin(a))),
    scale3(k, dot3(k, v) * (1 - Math.cos(a))),
  );
};

/**
 * Standing on one leg; the other thigh goes once round a cone whose edge is the hanging thigh, its axis
 * tipped `coneDeg` from straight down toward forward and 30° out: the knee leaves standing forward and up,
 * swings out, comes back past the side and returns to standing, as the brief's CAR does.
 */
export function carBody(p: CarLoopPose): Partial<Record<JointName, Vec3>> {
  const o: Side = p.side === 'left' ? 'right' : 'left';
  const down: Vec3 = { x: 0, y: -1, z: 0 };
  const toward = normalize3({
    x: lat(p.side) * Math.sin(30 * DEG_TO_RAD),
    y: 0,
    z: Math.cos(30 * DEG_TO_RAD),
  })!;
  const c = p.coneDeg * DEG_TO_RAD;
  const axis = normalize3(add3(scale3(down, Math.cos(c)), scale3(toward, Math.sin(c))))!;
  const thighDir = turn(down, axis, lat(p.side) * 360 * p.phase);
  const hike = p.hipHikeM ?? 0;
  const hipM: Vec3 = { x: lat(p.side) * HIP_HALF, y: hike, z: 0 };
  const kneeM = add3(hipM, scale3(thighDir, THIGH));
  const shift = p.trunkShiftM ?? 0;
  return {
    [`${o}_hip`]: { x: lat(o) * HIP_HALF, y: 0, z: 0 },
    [`${o}_knee`]: { x: lat(o) * HIP_HALF, y: -THIGH, z: 0 },
    [`${o}_ankle`]: { x: lat(o) * HIP_HALF, y: -THIGH - SHANK, z: 0 },
    [`${p.side}_hip`]: hipM,
    [`${p.side}_knee`]: kneeM,
    [`${p.side}_ankle`]: add3(kneeM, { x: 0, y: -SHANK, z: 0 }),
    left_shoulder: { x: 0.18 + shift, y: 0.5, z: 0 },
    right_shoulder: { x: -0.18 + shift, y: 0.5, z: 0 },
  };
}

/** One segment of a drill script: `ms` long, the pose at u ∈ [0, 1) through it. */
export interface Segment {
  readonly ms: number;
  readonly pose: (u: number) => Pose | null;
}

/** Frames at `fps` through the segments, keypoints jittered by ±jitterPx (seeded), scores as given. */
export function drillFrames(
  segments: readonly Segment[],
  opts: { fps?: number; jitterPx?: number; seed?: number } = {},
): TimedPose[] {
  const fps = opts.fps ?? 15;
  const dt = 1000 / fps;
  const rnd = seededRandom(opts.seed ?? 11);
  const jitter = opts.jitterPx ?? 0.4;
  const out: TimedPose[] = [];
  let t = 0;
  for (const seg of segments) {
    const n = Math.max(1, Math.round(seg.ms / dt));
    for (let i = 0; i < n; i++) {
      const p = seg.pose(i / n);
      const pose = p
        ? {
            ...p,
            tMs: t,
            joints: Object.fromEntries(
              Object.entries(p.joints).map(([k, j]) => [
                k,
                { ...j, x: j.x + (rnd() * 2 - 1) * jitter, y: j.y + (rnd() * 2 - 1) * jitter },
              ]),
            ),
          }
        : null;
      out.push({ pose, tMs: t });
      t += dt;
    }
  }
  return out;
}

/** A pose with some joints taken away (the leg leaves the picture). */
export function without(pose: Pose, names: readonly JointName[]): Pose {
  const joints = { ...pose.joints };
  for (const n of names) delete joints[n];
  return { ...pose, joints };
}

export const ninetyNinetyPose = (p: NinetyNinetyPose, cam = OVERHEAD_SITTING): Pose =>
  projectBody(ninetyNinetyBody(p), cam);
export const carPose = (p: CarLoopPose, cam = FRONT_STANDING): Pose => projectBody(carBody(p), cam);
export const supineDrillPose = (side: Side, deg: number): Pose =>
  synthPose('supine', side, deg, PLACEMENTS['supine-overhead']!);
export const seatedLiftPose = (side: Side, deg: number): Pose =>
  synthPose('seated', side, deg, PLACEMENTS['seated-front']!);
