import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { MAX_LENGTHEN, OTHER_SHANK_SEEN, otherShankPx, pivotKnee } from './shank_pivot';
import { cross, length, sub } from './vec2';

const point = fc.record({
  x: fc.double({ min: -500, max: 500, noNaN: true }),
  y: fc.double({ min: -500, max: 500, noNaN: true }),
});

describe('pivotKnee', () => {
  it('moves the knee up its own shank line, to the other shank length, never shortening, at most MAX_LENGTHEN', () => {
    fc.assert(
      fc.property(point, point, fc.double({ min: 0, max: 2000, noNaN: true }), (knee, ankle, other) => {
        const own = length(sub(knee, ankle));
        fc.pre(own > 1);
        const p = pivotKnee(knee, ankle, other);
        const now = length(sub(p, ankle));
        // On the ankle → knee line, on the knee's side of the ankle.
        expect(Math.abs(cross(sub(p, ankle), sub(knee, ankle))) / own).toBeLessThan(1e-6 * Math.max(1, now));
        expect(now).toBeGreaterThanOrEqual(own - 1e-9);
        expect(now).toBeCloseTo(Math.min(Math.max(own, other / OTHER_SHANK_SEEN), MAX_LENGTHEN * own), 6);
      }),
    );
  });

  it("puts a knee placed low back where it is when the other shank looks as the abduction's depth makes it", () => {
    // A 100 px shank whose knee the model put 20 px down it; the untested shank, out to the side, looks 95 px (its
    // knee swung back, away from the camera): the pivot goes back to the true knee, not 5 px short of it.
    const p = pivotKnee({ x: 0, y: 20 }, { x: 0, y: 100 }, 100 * OTHER_SHANK_SEEN);
    expect(p.y).toBeCloseTo(0, 6);
    // An other shank that looks shorter still leaves a well-placed knee where it is.
    expect(pivotKnee({ x: 0, y: 0 }, { x: 0, y: 100 }, 92)).toEqual({ x: 0, y: 0 });
  });

  it('leaves the knee where it is without the other shank', () => {
    const knee = { x: 10, y: 20 };
    expect(pivotKnee(knee, { x: 12, y: 120 }, null)).toBe(knee);
    expect(pivotKnee(knee, { x: 12, y: 120 }, undefined)).toBe(knee);
    expect(pivotKnee(knee, { x: 12, y: 120 }, Number.NaN)).toBe(knee);
  });
});

describe('otherShankPx', () => {
  const pose = synthPose('seated', 'right', 0, PLACEMENTS['seated-front']!);

  it("is the untested leg's knee → ankle length in the picture", () => {
    const j = pose.joints;
    expect(otherShankPx(pose, 'right')).toBeCloseTo(length(sub(j.left_ankle!, j.left_knee!)), 9);
    expect(otherShankPx(pose, 'left')).toBeCloseTo(length(sub(j.right_ankle!, j.right_knee!)), 9);
  });

  it('is not read from a joint the model hardly saw', () => {
    const faint = {
      ...pose,
      joints: { ...pose.joints, left_ankle: { ...pose.joints.left_ankle!, score: 0.1 } },
    };
    expect(otherShankPx(faint, 'right')).toBeNull();
  });
});
