import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HipMethod, HipTestId, Pose, Side } from '../types';
import { measureHipRotation } from './hip_rotation';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';

// Prone (a raised camera behind the head looking down, so perspective leaves up to ~1° as placed): prone_rotation.test.ts.
const CASES: [HipTestId, string][] = [
  ['seated', 'seated-front'],
  ['supine', 'supine-overhead'],
];
const SIDES: Side[] = ['left', 'right'];
const ANGLES = [-20, 0, 15, 30, 45, 60];

function value(pose: Pose, test: HipTestId, side: Side, method?: HipMethod): number {
  const m = measureHipRotation(pose, test, side, method ? { method } : {});
  if (!m.ok) throw new Error(`refused: ${m.reason}`);
  return m.valueDeg;
}

describe.each(CASES)('%s test, camera %s', (test, placement) => {
  const cam = PLACEMENTS[placement]!;

  it.each(SIDES)('recovers the applied rotation exactly with the camera as placed (%s leg)', (side) => {
    for (const deg of ANGLES) {
      expect(value(synthPose(test, side, deg, cam), test, side)).toBeCloseTo(deg, 6);
      expect(value(synthPose(test, side, deg, cam), test, side, '3d-world')).toBeCloseTo(deg, 6);
    }
  });

  it('cancels camera roll completely', () => {
    for (const roll of [-20, -7, 12, 20]) {
      for (const side of SIDES)
        expect(value(synthPose(test, side, 40, { ...cam, rollDeg: roll }), test, side)).toBeCloseTo(40, 6);
    }
  });

  // Supine overhead: the trunk-axis reference lies on the table, 0.42 m below the knee, so perspective at
  // 2.4 m bends it by up to 3.8° at the ±10° yaw+pitch corners (the hip-line frame: 3.8° too, elsewhere).
  const bound2D = test === 'supine' ? 4 : 3.5;
  it(`stays within ${bound2D}° for camera yaw and pitch up to ±10° (2D), exact in 3D`, () => {
    for (const yaw of [-10, 10]) {
      for (const pitch of [-10, 10]) {
        for (const deg of [-20, 30, 60]) {
          const pose = synthPose(test, 'right', deg, { ...cam, yawDeg: yaw, pitchDeg: pitch });
          expect(Math.abs(value(pose, test, 'right') - deg)).toBeLessThan(bound2D);
          expect(value(pose, test, 'right', '3d-world')).toBeCloseTo(deg, 6);
        }
      }
    }
  });

  it('does not modify the pose it measures', () => {
    const pose = synthPose(test, 'left', 30, cam);
    const copy = structuredClone(pose);
    measureHipRotation(pose, test, 'left');
    measureHipRotation(pose, test, 'left', { method: '3d-world' });
    expect(pose).toEqual(copy);
  });
});

describe('refusals: a reason, never NaN', () => {
  const cam = PLACEMENTS['seated-front']!;
  const pose = synthPose('seated', 'right', 30, cam);

  it('missing or low-score joints', () => {
    const { right_ankle: _drop, ...rest } = pose.joints;
    const m = measureHipRotation({ ...pose, joints: rest }, 'seated', 'right');
    expect(m).toEqual({ ok: false, reason: 'right ankle not found' });
    const low = {
      ...pose,
      joints: { ...pose.joints, right_knee: { ...pose.joints.right_knee!, score: 0.1 } },
    };
    expect(measureHipRotation(low, 'seated', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/right knee not clearly visible/),
    });
  });

  it('a side view (hips overlap) and a shank pointing at the camera', () => {
    const side = synthPose('seated', 'right', 30, { ...cam, yawDeg: 90 });
    expect(measureHipRotation(side, 'seated', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/side/),
    });
    const collapsed = { ...pose, joints: { ...pose.joints, right_ankle: pose.joints.right_knee! } };
    expect(measureHipRotation(collapsed, 'seated', 'right').ok).toBe(false);
  });

  it('a prone view whose keypoints are not a prone body (a thigh pointing down the picture)', () => {
    const prone = synthPose('prone', 'right', 20, PLACEMENTS['prone-head-end']!);
    expect(measureHipRotation(prone, 'prone', 'right').ok).toBe(true);
    const hip = prone.joints.left_hip!;
    const shank = Math.hypot(
      prone.joints.right_ankle!.x - prone.joints.right_knee!.x,
      prone.joints.right_ankle!.y - prone.joints.right_knee!.y,
    );
    const wrong = {
      ...prone,
      joints: { ...prone.joints, left_knee: { x: hip.x + 5, y: hip.y + shank, score: 0.9 } },
    };
    expect(measureHipRotation(wrong, 'prone', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/left thigh does not run up the picture/),
    });
  });

  it('the prone method on another test', () => {
    expect(measureHipRotation(pose, 'seated', 'right', { method: '2d-prone-head-end' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/prone test only/),
    });
  });

  it('a seated test filmed from the side: shoulders that overlap, or a thigh as long as the shank', () => {
    // The model's keypoints of a side view (dev bodies): shoulders 0.02–0.33 of the shank apart.
    const front = synthPose('seated', 'right', 30, cam);
    const j = front.joints;
    const mid = { x: (j.left_shoulder!.x + j.right_shoulder!.x) / 2, y: j.left_shoulder!.y };
    const narrow = {
      ...front,
      joints: {
        ...j,
        left_shoulder: { ...mid, x: mid.x + 8, score: 0.9 },
        right_shoulder: { ...mid, x: mid.x - 8, score: 0.9 },
      },
    };
    expect(measureHipRotation(front, 'seated', 'right').ok).toBe(true);
    expect(measureHipRotation(narrow, 'seated', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/shoulders overlap.*camera is at the side/),
    });
    // A front view whose knee the model put well down the shank (thigh/shank 0.72; true joints ≤ 0.35).
    const hip = j.right_hip!;
    const ankle = j.right_ankle!;
    const lostKnee = {
      ...front,
      joints: {
        ...j,
        right_knee: { x: hip.x + (ankle.x - hip.x) * 0.42, y: hip.y + (ankle.y - hip.y) * 0.42, score: 0.9 },
      },
    };
    expect(measureHipRotation(lostKnee, 'seated', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/knee was not found/),
    });
    // Without shoulders the thigh limit (0.6 × the shank) alone tells a side view.
    const { left_shoulder: _l, right_shoulder: _r, ...noShoulders } = j;
    const knee06 = { x: hip.x + (ankle.x - hip.x) * 0.42, y: hip.y + (ankle.y - hip.y) * 0.42, score: 0.9 };
    expect(
      measureHipRotation({ ...front, joints: { ...noShoulders, right_knee: knee06 } }, 'seated', 'right'),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/thigh is seen along its length/) });
  });

  it('a seated camera orbited 60° round the knees (the thigh seen along its length)', () => {
    const side = synthPose('seated', 'right', 30, { ...cam, yawDeg: 60 });
    expect(measureHipRotation(side, 'seated', 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/camera is at the side/),
    });
  });

  it('no 3D keypoints for a 2D model', () => {
    const { world: _w, ...flat } = pose;
    expect(measureHipRotation(flat, 'seated', 'right', { method: '3d-world' })).toMatchObject({ ok: false });
  });

  it('any finite joint positions give a finite value or a reason (property)', () => {
    const coord = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    const joint = fc.record({ x: coord, y: coord, score: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(joint, joint, joint, joint, (hip, knee, ankle, other) => {
        const p: Pose = {
          ...pose,
          joints: { right_hip: hip, right_knee: knee, right_ankle: ankle, left_hip: other },
        };
        for (const test of ['seated', 'prone', 'supine'] as const) {
          const m = measureHipRotation(p, test, 'right');
          if (m.ok) expect(Number.isFinite(m.valueDeg)).toBe(true);
          else expect(m.reason.length).toBeGreaterThan(5);
        }
      }),
    );
  });
});
