import { describe, expect, it } from 'vitest';
import type { Joint, Pose } from '../types';
import { kneeFlexion2D, measureFppa } from './fppa';

const j = (x: number, y: number, score = 0.9): Joint => ({ x, y, score });

/** Front view: the person's right leg is on image-left. Knee displaced by dx (image px) from the hip–ankle line. */
function frontal(kneeDxRight: number, kneeDxLeft = 0): Pose {
  return {
    tMs: 0,
    width: 640,
    height: 480,
    score: 0.9,
    model: 'movenet-lightning',
    joints: {
      right_hip: j(280, 200),
      left_hip: j(360, 200),
      right_knee: j(280 + kneeDxRight, 300),
      left_knee: j(360 + kneeDxLeft, 300),
      right_ankle: j(280, 400),
      left_ankle: j(360, 400),
    },
  };
}

const deg = (m: ReturnType<typeof measureFppa>) => (m.ok ? m.valueDeg : NaN);
const expected = (dx: number) => (2 * (Math.atan(Math.abs(dx) / 100) * 180)) / Math.PI;

describe('measureFppa', () => {
  it('is 0 for a straight leg', () => {
    expect(deg(measureFppa(frontal(0), 'right'))).toBeCloseTo(0, 9);
  });

  it('is positive when the knee moves toward the midline (valgus), on either side', () => {
    expect(deg(measureFppa(frontal(20), 'right'))).toBeCloseTo(expected(20), 9); // right knee moves image-right = medial
    expect(deg(measureFppa(frontal(0, -20), 'left'))).toBeCloseTo(expected(20), 9);
  });

  it('is negative for varus', () => {
    expect(deg(measureFppa(frontal(-15), 'right'))).toBeCloseTo(-expected(15), 9);
  });

  it('keeps its sign seen from behind (image mirrored)', () => {
    const p = frontal(20);
    const mirrored: Pose = {
      ...p,
      joints: Object.fromEntries(Object.entries(p.joints).map(([k, v]) => [k, { ...v, x: 640 - v.x }])),
    };
    expect(deg(measureFppa(mirrored, 'right'))).toBeCloseTo(expected(20), 9);
  });

  it('refuses an implausible FPPA with the value in the reason, and keeps one just inside the bound', () => {
    // dx = 100 · tan(22°) reads 44°; dx = 100 · tan(23°) reads 46°, past any knee's range.
    expect(deg(measureFppa(frontal(100 * Math.tan((22 * Math.PI) / 180)), 'right'))).toBeCloseTo(44, 9);
    expect(measureFppa(frontal(100 * Math.tan((23 * Math.PI) / 180)), 'right')).toEqual({
      ok: false,
      reason: "an FPPA of 46° is beyond any knee's range (±45°): a keypoint is misplaced",
    });
    expect(measureFppa(frontal(-100), 'right')).toMatchObject({ ok: false, reason: /FPPA of -90°/ });
  });

  it('refuses a side view and missing joints, never NaN', () => {
    const side = frontal(0);
    const collapsed: Pose = { ...side, joints: { ...side.joints, left_hip: side.joints.right_hip! } };
    expect(measureFppa(collapsed, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/frontal view/),
    });
    const { right_knee: _k, ...rest } = side.joints;
    expect(measureFppa({ ...side, joints: rest }, 'right')).toEqual({
      ok: false,
      reason: 'right knee not found',
    });
  });
});

describe('kneeFlexion2D', () => {
  it('is 0 straight and 90 at a right angle', () => {
    expect(kneeFlexion2D(frontal(0), 'right')).toMatchObject({ ok: true, valueDeg: 0 });
    const p = frontal(0);
    const bent: Pose = { ...p, joints: { ...p.joints, right_ankle: j(380, 300) } };
    const m = kneeFlexion2D(bent, 'right');
    expect(m.ok && m.valueDeg).toBeCloseTo(90, 9);
  });
});

describe('measureFppa foreshortening', () => {
  it('refuses when the thigh points at the camera', () => {
    const p = frontal(0);
    const deep: Pose = { ...p, joints: { ...p.joints, right_knee: j(285, 240) } };
    expect(measureFppa(deep, 'right')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/thigh points at the camera/),
    });
  });
});
