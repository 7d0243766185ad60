// A stick-figure lower body posed for each test at a known rotation and seen through a pinhole camera:
// the ground truth for the geometry unit tests (and handy for exploring camera placements). Pure.
import type { Joint, JointName, Pose, Side, WorldJoint } from '../lib/types';
import { DEG_TO_RAD } from '../lib/geometry/angles';
import { add3, cross3, dot3, normalize3, scale3, sub3, type Vec3 } from '../lib/geometry/vec3';

export type SynthTest = 'seated' | 'supine' | 'prone' | 'stand';

export interface SynthCamera {
  /** Where the camera is and what it looks at, in body coordinates (Y up, person faces +Z, their left is +X). */
  readonly position: Vec3;
  readonly target: Vec3;
  readonly up: Vec3;
  readonly yawDeg?: number;
  readonly pitchDeg?: number;
  readonly rollDeg?: number;
  readonly focalPx?: number;
  readonly width?: number;
  readonly height?: number;
}

const HIP_HALF = 0.09;
/**
 * Seated, the untested hip abducted this far: its knee out to the side, as the app asks (the render rig's clips use
 * the same 50°, scripts/rig/clip_timeline.mjs OTHER_LEG_ABDUCTION_DEG).
 */
export const SEATED_OTHER_ABDUCTION_DEG = 50;

export interface BodyOptions {
  /** Seated: the untested leg hangs beside the tested one instead of out to the side. */
  readonly otherLegHanging?: boolean;
}
const THIGH = 0.42;
const SHANK = 0.42;

const rotate = (v: Vec3, axis: Vec3, deg: number): Vec3 => {
  // Rodrigues' rotation formula.
  const k = normalize3(axis)!;
  const a = deg * DEG_TO_RAD;
  return add3(
    add3(scale3(v, Math.cos(a)), scale3(cross3(k, v), Math.sin(a))),
    scale3(k, dot3(k, v) * (1 - Math.cos(a))),
  );
};

/** 3D joints in body coordinates for a test, the tested leg rotated by `rotationDeg` (internal +). */
export function bodyJoints(
  test: SynthTest,
  side: Side,
  rotationDeg: number,
  opts: BodyOptions = {},
): Partial<Record<JointName, Vec3>> {
  const out: Partial<Record<JointName, Vec3>> = {
    left_shoulder: { x: 0.18, y: 0.5, z: 0 },
    right_shoulder: { x: -0.18, y: 0.5, z: 0 },
  };
  for (const s of ['left', 'right'] as const) {
    const hip: Vec3 = { x: s === 'left' ? HIP_HALF : -HIP_HALF, y: 0, z: 0 };
    const theta = s === side ? rotationDeg : 0;
    const outward = s === 'left' ? 1 : -1; // person's left is +X
    let femurDir: Vec3;
    let shankDir: Vec3;
    if (test === 'supine' && s !== side) {
      // The other leg lies straight on the table, as the test starts (supine_rotation.ts checks it).
      femurDir = { x: 0, y: -1, z: 0 };
      shankDir = { x: 0, y: -1, z: 0 };
    } else if (test === 'seated' && s !== side && !opts.otherLegHanging) {
      // The other knee out to the side (hip abducted in 90° of flexion), its shank hanging.
      const a = SEATED_OTHER_ABDUCTION_DEG * DEG_TO_RAD;
      femurDir = { x: outward * Math.sin(a), y: 0, z: Math.cos(a) };
      shankDir = { x: 0, y: -1, z: 0 };
    } else if (test === 'seated' || test === 'supine') {
      femurDir = { x: 0, y: 0, z: 1 }; // hip flexed 90°: thigh forward
      // Internal rotation swings the foot outward, about the femur's own axis.
      shankDir = rotate({ x: 0, y: -1, z: 0 }, femurDir, outward * theta);
    } else if (test === 'prone') {
      femurDir = { x: 0, y: -1, z: 0 }; // hip neutral
      shankDir = rotate({ x: 0, y: 0, z: -1 }, femurDir, outward * theta); // knee 90°, shank posterior
    } else {
      femurDir = { x: 0, y: -1, z: 0 };
      shankDir = { x: 0, y: -1, z: 0 };
    }
    const knee = add3(hip, scale3(femurDir, THIGH));
    out[`${s}_hip`] = hip;
    out[`${s}_knee`] = knee;
    out[`${s}_ankle`] = add3(knee, scale3(shankDir, SHANK));
  }
  return out;
}

/** The camera placements the tests recommend, in body coordinates. */
export const PLACEMENTS: Record<string, SynthCamera> = {
  'seated-front': {
    position: { x: 0, y: -0.2, z: 2.5 },
    target: { x: 0, y: -0.2, z: 0.3 },
    up: { x: 0, y: 1, z: 0 },
  },
  // Prone as the app asks for it and the render rig places it: behind the head, 2.5 m from the thighs (0.3 m
  // head-ward of the knees), looking down 40° toward the feet (1.6 m above them; the ceiling is −Z). The
  // person is upside down in this picture; the app turns it for the model only (pose/rotation.ts).
  'prone-head-end': {
    position: { x: 0, y: -0.12 + 2.5 * Math.cos(40 * DEG_TO_RAD), z: -2.5 * Math.sin(40 * DEG_TO_RAD) },
    target: { x: 0, y: -0.12, z: 0 },
    up: { x: 0, y: 0, z: -1 },
  },
  // The old prone placement, the wrong end for the app's method: at the feet, raised, looking down 20°.
  'prone-foot-end': {
    position: { x: 0, y: -0.12 - 2.5 * Math.cos(20 * DEG_TO_RAD), z: -2.5 * Math.sin(20 * DEG_TO_RAD) },
    target: { x: 0, y: -0.12, z: 0 },
    up: { x: 0, y: 0, z: -1 },
  },
  'supine-overhead': {
    position: { x: 0, y: -0.3, z: 2.4 },
    target: { x: 0, y: -0.3, z: 0 },
    up: { x: 0, y: 1, z: 0 },
  },
};

/** Project the posed body through the camera into a Pose (pixels) with world keypoints (camera-aligned metres). */
export function synthPose(
  test: SynthTest,
  side: Side,
  rotationDeg: number,
  cam: SynthCamera,
  opts: BodyOptions = {},
): Pose {
  return projectBody(bodyJoints(test, side, rotationDeg, opts), cam);
}

/** Any body (3D joints in body coordinates, both hips given) seen through the camera: pixels + world joints. */
export function projectBody(body: Partial<Record<JointName, Vec3>>, cam: SynthCamera): Pose {
  const f = cam.focalPx ?? 600;
  const width = cam.width ?? 640;
  const height = cam.height ?? 480;
  // Perturb the camera: yaw about the up axis and pitch about its right axis, around the target; roll about its view axis.
  let pos = sub3(cam.position, cam.target);
  pos = rotate(pos, cam.up, cam.yawDeg ?? 0);
  const right0 = normalize3(cross3(scale3(pos, -1), cam.up))!;
  pos = rotate(pos, right0, cam.pitchDeg ?? 0);
  const position = add3(cam.target, pos);
  const forward = normalize3(sub3(cam.target, position))!;
  let right = normalize3(cross3(forward, cam.up))!;
  let up = cross3(right, forward);
  right = rotate(right, forward, cam.rollDeg ?? 0);
  up = rotate(up, forward, cam.rollDeg ?? 0);

  const joints: Partial<Record<JointName, Joint>> = {};
  const world: Partial<Record<JointName, WorldJoint>> = {};
  const hipMid = scale3(add3(body.left_hip!, body.right_hip!), 0.5);
  for (const [name, p] of Object.entries(body) as [JointName, Vec3][]) {
    const d = sub3(p, position);
    const z = dot3(d, forward);
    joints[name] = {
      x: width / 2 + (f * dot3(d, right)) / z,
      y: height / 2 - (f * dot3(d, up)) / z,
      score: 0.9,
    };
    const h = sub3(p, hipMid);
    // BlazePose world axes: x image-right, y image-down, z away from the camera.
    world[name] = { x: dot3(h, right), y: -dot3(h, up), z: dot3(h, forward), score: 0.9 };
  }
  return { tMs: 0, width, height, joints, world, score: 0.9, model: 'blazepose-full' };
}
