import { describe, expect, it } from 'vitest';
import type { JointName, Pose, WorldJoint } from '../types';
import { DEG_TO_RAD } from './angles';
import { footTurnOut } from './foot_turnout';
import { frontalSquatPose } from '../../testing/synthetic_squat';

/**
 * World keypoints (BlazePose axes: x right, y down, z away from the camera) of a person whose body is
 * turned `yawDeg` from facing the camera, feet turned out by the given angles.
 */
function world(yawDeg: number, outDeg: { left: number; right: number }, score = 0.9): Pose {
  const yaw = yawDeg * DEG_TO_RAD;
  // Body frame: person's left = +X, forward = −Z (toward the camera when yaw is 0), up = −y.
  const toCam = (bx: number, by: number, bz: number): WorldJoint => ({
    x: bx * Math.cos(yaw) + bz * Math.sin(yaw),
    y: by,
    z: -bx * Math.sin(yaw) + bz * Math.cos(yaw),
    score,
  });
  const w: Partial<Record<JointName, WorldJoint>> = {
    left_hip: toCam(0.1, 0, 0),
    right_hip: toCam(-0.1, 0, 0),
  };
  for (const side of ['left', 'right'] as const) {
    const x = side === 'left' ? 0.12 : -0.12;
    const out = (side === 'left' ? 1 : -1) * Math.sin(outDeg[side] * DEG_TO_RAD);
    w[`${side}_heel`] = toCam(x, 0.85, 0.05);
    // The toes are 0.2 m ahead of the heel and a little lower (the foot slopes down to the floor).
    w[`${side}_foot_index`] = toCam(x + 0.2 * out, 0.88, 0.05 - 0.2 * Math.cos(outDeg[side] * DEG_TO_RAD));
  }
  return { ...frontalSquatPose(), world: w };
}

const deg = (m: ReturnType<typeof footTurnOut>) => (m.ok ? m.valueDeg : NaN);

describe('footTurnOut', () => {
  it('is the toe-out angle per foot, whichever way the body is turned to the camera', () => {
    for (const yaw of [0, 35, -60, 180]) {
      const p = world(yaw, { left: 12, right: -5 });
      expect(deg(footTurnOut(p, 'left'))).toBeCloseTo(12, 9);
      expect(deg(footTurnOut(p, 'right'))).toBeCloseTo(-5, 9);
    }
  });

  it('refuses without 3D keypoints, with a hidden heel, and for a foot pointing backwards', () => {
    expect(footTurnOut(frontalSquatPose(), 'left')).toMatchObject({ ok: false, reason: /3D keypoints/ });
    const p = world(0, { left: 10, right: 10 });
    const hidden: Pose = { ...p, world: { ...p.world, left_heel: { ...p.world!.left_heel!, score: 0.1 } } };
    expect(footTurnOut(hidden, 'left')).toEqual({ ok: false, reason: 'left heel not clearly visible' });
    expect(footTurnOut(world(0, { left: 150, right: 0 }), 'left')).toMatchObject({
      ok: false,
      reason: /backwards/,
    });
  });
});
