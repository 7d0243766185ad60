import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pose } from '../src/lib/types';
import { cropToSource, cropTransform, legCrop, nearestLeg, sourceToCrop, withLegFrom } from './leg_crop';

const pose = (j: Record<string, [number, number, number?]>): Pose => ({
  tMs: 0,
  width: 640,
  height: 480,
  score: 1,
  model: 'movenet-thunder',
  joints: Object.fromEntries(Object.entries(j).map(([k, [x, y, s]]) => [k, { x, y, score: s ?? 0.9 }])),
});

describe('the leg crop (second look, accuracy tooling)', () => {
  it('turns the shank to point straight down the crop, the knee above the ankle', () => {
    const p = pose({ right_hip: [300, 200], right_knee: [310, 260], right_ankle: [380, 330] });
    const c = legCrop(p, 'right')!;
    const k = sourceToCrop(c, 310, 260);
    const a = sourceToCrop(c, 380, 330);
    expect(a.u - k.u).toBeCloseTo(0, 9);
    expect(a.v).toBeGreaterThan(k.v);
  });

  it('maps crop pixels to source pixels and back, and the transform agrees (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 256, noNaN: true }),
        fc.double({ min: 0, max: 256, noNaN: true }),
        (angle, scale, u, v) => {
          const c = { size: 256, cx: 320, cy: 240, scale, angle };
          const s = cropToSource(c, u, v);
          const back = sourceToCrop(c, s.x, s.y);
          expect(back.u).toBeCloseTo(u, 6);
          expect(back.v).toBeCloseTo(v, 6);
          const [a0, a1, a2, b0, b1, b2] = cropTransform(c);
          expect(a0 * u + a1 * v + a2).toBeCloseTo(s.x, 6);
          expect(b0 * u + b1 * v + b2).toBeCloseTo(s.y, 6);
        },
      ),
    );
  });

  it('has no crop for a leg the first pose did not find', () => {
    expect(legCrop(pose({ right_hip: [300, 200], right_knee: [310, 260] }), 'right')).toBeNull();
  });

  it("takes the second look's leg nearest the first pose's, whatever the crop named it", () => {
    const first = pose({
      right_knee: [100, 100],
      right_ankle: [100, 200],
      left_knee: [200, 100],
      left_ankle: [200, 200],
    });
    const second = pose({
      left_knee: [103, 98],
      left_ankle: [96, 205],
      right_knee: [300, 0],
      right_ankle: [300, 50],
    });
    expect(nearestLeg(first, second, 'right')).toBe('left');
    const merged = withLegFrom(first, second, 'right');
    expect(merged.joints.right_knee).toEqual(second.joints.left_knee);
    expect(merged.joints.left_knee).toEqual(first.joints.left_knee);
  });
});
