import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { medianAngleDeg, wrapDeg } from './angles';

describe('medianAngleDeg', () => {
  it('takes directions either side of ±180° as the neighbours they are', () => {
    // A right leg's hip line jittering about −x: a plain median picks 179.68, an end of the cluster.
    expect(medianAngleDeg([-179.81, 179.89, -179.93, 179.68, 179.89])).toBeCloseTo(179.89, 6);
    expect(medianAngleDeg([-179, -178, 179, 178, 177])).toBeCloseTo(179, 6);
  });

  it('is the plain median away from the wrap, and NaN for none', () => {
    expect(medianAngleDeg([1, 5, 3])).toBe(3);
    expect(medianAngleDeg([10, 20])).toBe(15);
    expect(medianAngleDeg([])).toBeNaN();
  });

  it('turns with the directions: rotating every angle rotates the median', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 1, maxLength: 9 }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (offsets, turn) => {
          const plain = medianAngleDeg(offsets);
          const turned = medianAngleDeg(offsets.map((o) => wrapDeg(o + turn)));
          expect(Math.abs(wrapDeg(turned - (plain + turn)))).toBeLessThan(1e-6);
        },
      ),
    );
  });
});
