import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { DEG_TO_RAD } from './angles';
import { measureFppa } from './fppa';
import { medialKneeDisplacement } from './knee_displacement';
import { frontalSquatPose, SYNTH_LEG_PX } from '../../testing/synthetic_squat';

const value = (m: ReturnType<typeof medialKneeDisplacement>) => (m.ok ? m.value : NaN);
/** What the synthetic body puts there: the knee at mid-line, offset tan(φ/2)·half the hip–ankle distance. */
const expected = (fppaDeg: number, depth: number) => (Math.tan((fppaDeg / 2) * DEG_TO_RAD) * (1 - depth)) / 2;

describe('medialKneeDisplacement', () => {
  it('is 0 for a straight leg and positive toward the midline on both legs', () => {
    expect(value(medialKneeDisplacement(frontalSquatPose(), 'left', SYNTH_LEG_PX))).toBeCloseTo(0, 12);
    const p = frontalSquatPose({ depth: 0.3, fppaDeg: { left: 12, right: 20 } });
    expect(value(medialKneeDisplacement(p, 'left', SYNTH_LEG_PX))).toBeCloseTo(expected(12, 0.3), 12);
    expect(value(medialKneeDisplacement(p, 'right', SYNTH_LEG_PX))).toBeCloseTo(expected(20, 0.3), 12);
  });

  it('is negative for varus, with the same sign as FPPA', () => {
    const p = frontalSquatPose({ depth: 0.2, fppaDeg: { left: -10 } });
    const m = medialKneeDisplacement(p, 'left', SYNTH_LEG_PX);
    expect(value(m)).toBeCloseTo(expected(-10, 0.2), 12);
    const f = measureFppa(p, 'left');
    expect(f.ok && Math.sign(f.valueDeg)).toBe(-1);
  });

  it('keeps its sign seen from behind and under camera roll', () => {
    for (const spec of [
      { view: 'back' as const },
      { rollDeg: 25 },
      { view: 'back' as const, rollDeg: -40 },
    ]) {
      const p = frontalSquatPose({ ...spec, depth: 0.25, fppaDeg: { right: 15 } });
      expect(value(medialKneeDisplacement(p, 'right', SYNTH_LEG_PX))).toBeCloseTo(expected(15, 0.25), 9);
    }
  });

  it('divides by the current hip→knee→ankle path when no standing leg length is given', () => {
    const p = frontalSquatPose({ depth: 0.4, fppaDeg: { left: 30 } });
    // offset / (2·half / cos(φ/2)) = sin(φ/2) / 2, whatever the depth.
    expect(value(medialKneeDisplacement(p, 'left'))).toBeCloseTo(Math.sin(15 * DEG_TO_RAD) / 2, 12);
  });

  it('refuses a side view, missing or unclear joints, and leaves the pose untouched', () => {
    const p = frontalSquatPose({ depth: 0.2 });
    const frozen = structuredClone(p);
    const side: Pose = { ...p, joints: { ...p.joints, left_hip: p.joints.right_hip! } };
    expect(medialKneeDisplacement(side, 'right')).toMatchObject({ ok: false, reason: /frontal view/ });
    const { left_knee: _k, ...rest } = p.joints;
    expect(medialKneeDisplacement({ ...p, joints: rest }, 'left')).toEqual({
      ok: false,
      reason: 'left knee not found',
    });
    expect(medialKneeDisplacement(frontalSquatPose({ score: 0.1 }), 'left').ok).toBe(false);
    expect(medialKneeDisplacement(p, 'left', 0)).toMatchObject({ ok: false, reason: /leg length/ });
    expect(p).toEqual(frozen);
  });
});
