import { describe, expect, it } from 'vitest';
import { carPose } from '../../../testing/drill_script';
import { facingPelvisDeg, readCarFrame, swapSides } from './car_frame';

describe('a CAR frame', () => {
  const pose = carPose({ side: 'right', phase: 0.3, coneDeg: 35 });
  it('facing the camera, the right hip is on the picture’s left', () => {
    const r = readCarFrame(pose, 'right');
    if (!r.ok) throw new Error(r.reason);
    expect(Math.abs(Math.abs(r.frame.pelvisDeg) - facingPelvisDeg('right'))).toBeLessThan(5);
  });
  it('a pose with its sides swapped by the model reads the same as the true one', () => {
    const a = readCarFrame(pose, 'right', facingPelvisDeg('right'));
    const b = readCarFrame(swapSides(pose), 'right', facingPelvisDeg('right'));
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(b.swapped).toBe(true);
    expect(a.swapped).toBe(false);
    expect(b.frame.knee.x).toBeCloseTo(a.frame.knee.x, 6);
    expect(b.frame.knee.y).toBeCloseTo(a.frame.knee.y, 6);
  });
  it('says why when the trunk cannot be watched', () => {
    const { left_shoulder: _, ...joints } = pose.joints;
    const r = readCarFrame({ ...pose, joints }, 'right');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/shoulders/);
  });
});
