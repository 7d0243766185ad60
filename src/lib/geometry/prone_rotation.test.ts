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
import { PLACEMENTS, synthPose, type SynthCamera } from '../../testing/synthetic_pose';

// The app's placement: behind the head, 2.5 m from the thighs, 40° down (the picture as the camera takes it,
// person upside down; the pose layer turns it for the model only).
const cam = PLACEMENTS['prone-head-end']!;
const footEnd = PLACEMENTS['prone-foot-end']!;
const SIDES: Side[] = ['left', 'right'];
const ANGLES = [-20, 0, 15, 30, 45, 60];

function value(pose: Pose, side: Side, method?: '2d-hip-line'): number {
  const m = measureHipRotation(pose, 'prone', side, method ? { method } : {});
  if (!m.ok) throw new Error(`refused: ${m.reason}`);
  return m.valueDeg;
}

/**
 * What an orthographic camera tilted down by `tiltDeg` sees of a prone right leg rotated by `deg`
 * (image x right, y down; the shank runs up the picture, the thigh down from the foot end or up from the
 * head end, the person's right is image right): the thigh shortened to sin(tilt), the shank's vertical
 * part to cos(tilt).
 */
function orthographic(tiltDeg: number, deg: number, thighRuns: 'up' | 'down' = 'down') {
  const t = tiltDeg * DEG_TO_RAD;
  const a = deg * DEG_TO_RAD;
  return {
    thigh: { x: 0, y: (thighRuns === 'down' ? 1 : -1) * 0.4 * Math.sin(t) },
    shank: { x: 0.4 * Math.sin(a), y: -0.4 * Math.cos(a) * Math.cos(t) },
    hipLine: { x: 0.18, y: 0 },
  };
}

describe('the camera tilt, from the thigh and the shank', () => {
  it.each(['up', 'down'] as const)(
    'is recovered exactly in an orthographic view, and undoing it gives the true angle (thigh runs %s)',
    (runs) => {
      for (const tiltDeg of [0, 10, 20, 35, 45]) {
        for (const deg of [-30, 0, 25, 60]) {
          const v = orthographic(tiltDeg, deg, runs);
          const tilt = estimateProneTilt(v.thigh, v.shank)!;
          expect(tilt.tiltDeg).toBeCloseTo(tiltDeg, 6);
          expect(proneShankAngleDeg(v.hipLine, v.shank, { x: 0, y: -1 }, tilt)).toBeCloseTo(deg, 6);
        }
      }
    },
  );

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

describe('prone test, camera behind the head, raised and looking down 40° (perspective)', () => {
  it.each(SIDES)('recovers the applied rotation within 1.1° as placed (%s leg), exactly in 3D', (side) => {
    for (const deg of ANGLES) {
      const pose = synthPose('prone', side, deg, cam);
      const m = measureHipRotation(pose, 'prone', side);
      expect(m).toMatchObject({ ok: true, method: '2d-prone-head-end' });
      expect(Math.abs(value(pose, side) - deg)).toBeLessThan(1.1);
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

  // Perspective is what is left: the shank stands 0.4 m above the knees and the hip line lies 0.4 m nearer
  // the camera, so at 2.5 m with a 600 px focal length their directions bend by a few degrees at the corners.
  it('stays within 1.6° for camera yaw and pitch up to ±10°', () => {
    for (const yaw of [-10, 0, 10]) {
      for (const pitch of [-10, 0, 10]) {
        for (const deg of [-20, 30, 60]) {
          const pose = synthPose('prone', 'right', deg, { ...cam, yawDeg: yaw, pitchDeg: pitch });
          expect(Math.abs(value(pose, 'right') - deg)).toBeLessThan(1.6);
        }
      }
    }
  });

  it('stays within 2.5° for yaw ±20° with the camera tilted up to 20° less', () => {
    for (const yaw of [-20, 0, 20]) {
      for (const pitch of [0, 10, 20]) {
        for (const deg of [-20, 30, 60]) {
          const pose = synthPose('prone', 'right', deg, { ...cam, yawDeg: yaw, pitchDeg: pitch });
          expect(Math.abs(value(pose, 'right') - deg)).toBeLessThan(2.5);
        }
      }
    }
  });

  it('refuses a camera looking down too steeply (over 50°), saying what to do', () => {
    const pose = synthPose('prone', 'right', 20, { ...cam, pitchDeg: -20 });
    expect(proneRotation2D(pose, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too steeply.*further back from the head/),
    });
    // Straight overhead, the feet at the top of the picture: the shank points at the camera.
    const overhead: SynthCamera = {
      position: { x: 0, y: -0.12, z: -2.5 },
      target: { x: 0, y: -0.12, z: 0 },
      up: { x: 0, y: -1, z: 0 },
    };
    expect(proneRotation2D(synthPose('prone', 'right', 20, overhead), 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too steeply/),
    });
  });

  it('refuses a camera at the feet: the shoulders lie beyond the hips', () => {
    for (const side of SIDES) {
      for (const deg of [-20, 20, 50]) {
        expect(measureHipRotation(synthPose('prone', side, deg, footEnd), 'prone', side)).toMatchObject({
          ok: false,
          reason: expect.stringMatching(/from the feet; place it behind the head/),
        });
      }
    }
  });

  it('refuses keypoints that are not a prone body seen from the head (a thigh pointing down the picture)', () => {
    const pose = synthPose('prone', 'right', 20, cam);
    const hip = pose.joints.left_hip!;
    const wrong = {
      ...pose,
      joints: { ...pose.joints, left_knee: { x: hip.x + 5, y: hip.y + 150, score: 0.9 } },
    };
    expect(proneRotation2D(wrong, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/left thigh does not run up the picture/),
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

describe('prone from the foot end (method 2d-hip-line, the old placement kept for comparison)', () => {
  it.each(SIDES)('recovers the applied rotation within 1° as placed (%s leg)', (side) => {
    for (const deg of ANGLES) {
      expect(Math.abs(value(synthPose('prone', side, deg, footEnd), side, '2d-hip-line') - deg)).toBeLessThan(
        1,
      );
    }
  });

  it('stays within the perspective bound for camera yaw and pitch up to ±20° (5°)', () => {
    for (const yaw of [-20, 0, 20]) {
      for (const pitch of [-20, 0, 20]) {
        for (const deg of [-20, 30, 60]) {
          const pose = synthPose('prone', 'right', deg, { ...footEnd, yawDeg: yaw, pitchDeg: pitch });
          expect(Math.abs(value(pose, 'right', '2d-hip-line') - deg)).toBeLessThan(5);
        }
      }
    }
  });

  it('refuses a thigh pointing up the picture, and a camera looking down too steeply', () => {
    const pose = synthPose('prone', 'right', 20, footEnd);
    const hip = pose.joints.left_hip!;
    const wrong = {
      ...pose,
      joints: { ...pose.joints, left_knee: { x: hip.x + 5, y: hip.y - 150, score: 0.9 } },
    };
    expect(proneRotation2D(wrong, 'right', 'foot-end')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/left leg does not look like a prone body/),
    });
    const steep = synthPose('prone', 'right', 20, { ...footEnd, pitchDeg: -45 });
    expect(proneRotation2D(steep, 'right', 'foot-end')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too steeply.*further from the feet/),
    });
  });
});
