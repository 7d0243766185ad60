import { describe, expect, it } from 'vitest';
import { defaultEvery, TARGET_INFERRED_FPS } from './inference_rate';

describe('defaultEvery', () => {
  it('infers every frame of the rig clips and phone clips up to 22 fps', () => {
    expect(defaultEvery(670, 67)).toBe(1); // seated.mp4, 10 fps
    expect(defaultEvery(777, 64.8)).toBe(1); // seated-phone.mp4, ≈ 12 fps variable
    expect(defaultEvery(65, 13)).toBe(1); // the peer's pose_squats.mp4, 5 fps
    expect(defaultEvery(22 * 60, 60)).toBe(1);
  });

  it(`brings faster clips near ${TARGET_INFERRED_FPS} poses a second`, () => {
    expect(defaultEvery(1800, 60)).toBe(2); // 30 fps
    expect(defaultEvery(1500, 60)).toBe(2); // 25 fps
    expect(defaultEvery(3600, 60)).toBe(4); // 60 fps
    expect(defaultEvery(7200, 60)).toBe(8); // 120 fps slow motion
    for (const fps of [24, 25, 29.97, 30, 48, 50, 59.94, 60, 120, 240]) {
      const inferred = fps / defaultEvery(fps * 10, 10);
      expect(inferred, `${fps} fps`).toBeGreaterThanOrEqual(10);
      expect(inferred, `${fps} fps`).toBeLessThanOrEqual(1.5 * TARGET_INFERRED_FPS);
    }
  });

  it('infers every frame when the container does not say its rate', () => {
    expect(defaultEvery(null, 60)).toBe(1);
    expect(defaultEvery(1800, null)).toBe(1);
    expect(defaultEvery(0, 0)).toBe(1);
    expect(defaultEvery(Number.NaN, 60)).toBe(1);
  });
});
