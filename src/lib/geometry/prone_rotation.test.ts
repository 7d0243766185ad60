import { describe, expect, it } from 'vitest';
import type { Pose, Side } from '../types';
import { DEG_TO_RAD } from './angles';
import { measureHipRotation } from './hip_rotation';
import {
  MAX_PRONE_TILT_DEG,
  estimateProneTilt,
  proneRotation2D,
  proneShankAngleDeg,
  stretchAlong,
} from './prone_rotation';
import { PLACEMENTS, synthPose } from './synthetic_pose';

const cam = PLACEMENTS['prone-foot-end']!;
const SIDES: Side[] = ['left', 'right'];
const ANGLES = [-20, 0, 15, 30, 45, 60];

function value(pose: Pose, side: Side): number {
  const m = measureHipRotation(pose, 'prone', side);
  if (!m.ok) throw new Error(`refused: ${m.reason}`);
  return m.valueDeg;
}

/**
 * What an orthographic camera tilted down by `tiltDeg` sees of a prone right leg rotated by `deg`
 * (image x right, y down; the thigh runs down the picture, the shank up, the person's right is image
 * right): the thigh shortened to sin(tilt), the shank's vertical part to cos(tilt).
 */
function orthographic(tiltDeg: number, deg: number) {
  const t = tiltDeg * DEG_TO_RAD;
  const a = deg * DEG_TO_RAD;
  return {
    thigh: { x: 0, y: 0.4 * Math.sin(t) },
    shank: { x: 0.4 * Math.sin(a), y: -0.4 * Math.cos(a) * Math.cos(t) },
    hipLine: { x: 0.18, y: 0 },
  };
}

describe('the camera tilt, from the thigh and the shank', () => {
  it('is recovered exactly in an orthographic view, and undoing it gives the true angle', () => {
    for (const tiltDeg of [0, 10, 20, 35, 45]) {
      for (const deg of [-30, 0, 25, 60]) {
        const v = orthographic(tiltDeg, deg);
        const tilt = estimateProneTilt(v.thigh, v.shank)!;
        expect(tilt.tiltDeg).toBeCloseTo(tiltDeg, 6);
        expect(proneShankAngleDeg(v.hipLine, v.shank, { x: 0, y: -1 }, tilt)).toBeCloseTo(deg, 6);
      }
    }
  });

  it('matters: left alone, a 40° tilt reads 45° as 52.5°', () => {
    const v = orthographic(40, 45);
    const flat = proneShankAngleDeg(
      v.hipLine,
      v.shank,
      { x: 0, y: -1 },
      { tiltDeg: 0, along: { x: 0, y: 1 } },
    );
    expect(flat).toBeCloseTo(52.55, 2);
  });

  it('is null for a thigh too long for any tilt up to the limit (a camera looking down from above)', () => {
    const v = orthographic(MAX_PRONE_TILT_DEG + 10, 20);
    expect(estimateProneTilt(v.thigh, v.shank)).toBeNull();
  });

  it('stretches only along the given direction', () => {
    expect(stretchAlong({ x: 3, y: 2 }, { x: 0, y: 1 }, 2)).toEqual({ x: 3, y: 4 });
  });
});

describe('prone test, camera at the feet raised and looking down 20° (perspective)', () => {
  it.each(SIDES)('recovers the applied rotation within 1° as placed (%s leg), exactly in 3D', (side) => {
    for (const deg of ANGLES) {
      const pose = synthPose('prone', side, deg, cam);
      expect(Math.abs(value(pose, side) - deg)).toBeLessThan(1);
      const m3d = measureHipRotation(pose, 'prone', side, { method: '3d-world' });
      expect(m3d.ok && m3d.valueDeg).toBeCloseTo(deg, 6);
    }
  });

  it('cancels camera roll completely', () => {
    for (const side of SIDES) {
      const level = value(synthPose('prone', side, 40, cam), side);
      for (const roll of [-20, -7, 12, 20])
        expect(value(synthPose('prone', side, 40, { ...cam, rollDeg: roll }), side)).toBeCloseTo(level, 6);
    }
  });

  // Perspective is what is left: the hip line lies ~0.4 m beyond the knee and the shank stands 0.4 m
  // above it, so at 2.5 m with a 600 px focal length their directions bend by a few degrees at the corners.
  it.each([
    [10, 2.5],
    [20, 5],
  ])('stays within the perspective bound for camera yaw and pitch up to ±%i° (%f°)', (lim, bound) => {
    for (const yaw of [-lim, 0, lim]) {
      for (const pitch of [-lim, 0, lim]) {
        for (const deg of [-20, 30, 60]) {
          const pose = synthPose('prone', 'right', deg, { ...cam, yawDeg: yaw, pitchDeg: pitch });
          expect(Math.abs(value(pose, 'right') - deg)).toBeLessThan(bound);
        }
      }
    }
  });

  it('refuses a camera looking down too steeply, saying what to do', () => {
    const pose = synthPose('prone', 'right', 20, { ...cam, pitchDeg: -45 });
    expect(proneRotation2D(pose, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too steeply.*lower it/),
    });
  });

  it('refuses keypoints that are not a prone body seen from the feet (a thigh pointing up)', () => {
    const pose = synthPose('prone', 'right', 20, cam);
    const hip = pose.joints.left_hip!;
    const wrong = {
      ...pose,
      joints: { ...pose.joints, left_knee: { x: hip.x + 5, y: hip.y - 150, score: 0.9 } },
    };
    expect(proneRotation2D(wrong, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/left leg does not look like a prone body/),
    });
  });

  it('refuses a side view where the hips overlap', () => {
    const pose = synthPose('prone', 'right', 20, cam);
    const joints = {
      ...pose.joints,
      left_hip: { ...pose.joints.right_hip!, x: pose.joints.right_hip!.x + 1 },
    };
    expect(proneRotation2D({ ...pose, joints }, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/hips overlap/),
    });
  });

  it('does not modify the pose it measures', () => {
    const pose = synthPose('prone', 'left', 30, cam);
    const copy = structuredClone(pose);
    proneRotation2D(pose, 'left');
    expect(pose).toEqual(copy);
  });
});
