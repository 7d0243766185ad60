import { describe, expect, it } from 'vitest';
import { forwardHinge, ninetyNinetyPosture } from './ninety_ninety';
import { ninetyNinetyPose } from '../../testing/drill_script';

describe('ninetyNinetyPosture (overhead)', () => {
  for (const backSide of ['left', 'right'] as const) {
    it(`textbook 90/90, ${backSide} leg back: knees 90°, back foot straight behind, front shin across`, () => {
      const r = ninetyNinetyPosture(ninetyNinetyPose({ backSide }), backSide);
      if ('reason' in r) throw new Error(r.reason);
      expect(r.backKneeDeg).toBeCloseTo(90, 0);
      expect(r.frontKneeDeg).toBeCloseTo(90, 0);
      expect(r.backShankOffDeg).toBeLessThan(3);
      expect(r.frontShankOffDeg).toBeLessThan(3);
      expect(r.thighsDeg).toBeCloseTo(90, 0);
    });
  }
  it('a back foot tucked forward (the hip turned out) reads far from straight back', () => {
    const r = ninetyNinetyPosture(ninetyNinetyPose({ backSide: 'right', backShankTurnDeg: 150 }), 'right');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.backShankOffDeg).toBeGreaterThan(140);
  });
  it('read with the legs the other way round, the shins point the wrong ways', () => {
    const r = ninetyNinetyPosture(ninetyNinetyPose({ backSide: 'right' }), 'left');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.backShankOffDeg).toBeGreaterThan(60);
  });
  it('a straighter back knee reads as such', () => {
    const r = ninetyNinetyPosture(ninetyNinetyPose({ backSide: 'left', backKneeDeg: 130 }), 'left');
    if ('reason' in r) throw new Error(r.reason);
    expect(r.backKneeDeg).toBeCloseTo(130, -1);
  });
  it('forward hinge: upright ≈ 0°, a 25° hinge reads 25° ± 6° (trunk length assumed)', () => {
    const up = forwardHinge(ninetyNinetyPose({ backSide: 'right' }), 'right');
    const hinged = forwardHinge(ninetyNinetyPose({ backSide: 'right', hingeDeg: 25 }), 'right');
    if (!up.ok || !hinged.ok) throw new Error('refused');
    expect(Math.abs(up.valueDeg)).toBeLessThan(4);
    expect(Math.abs(hinged.valueDeg - 25)).toBeLessThan(6);
    expect(hinged.confidence).toBeLessThanOrEqual(0.6);
  });
});
