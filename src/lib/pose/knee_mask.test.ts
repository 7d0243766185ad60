import { describe, expect, it } from 'vitest';
import type { Joint, Pose } from '../types';
import { confirmKneesByMask, KNEE_MASK, kneeNeedsMask } from './knee_mask';
import { redrawSegment, type Mask } from './mask_midline';

const W = 320;
const H = 320;

/** A mask holding one bar of half-width 12 px from p to q. */
function bar(p: [number, number], q: [number, number]): Mask {
  const data = new Float32Array(W * H);
  const L = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const [ux, uy] = [(q[0] - p[0]) / L, (q[1] - p[1]) / L];
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const t = (x - p[0]) * ux + (y - p[1]) * uy;
      const d = Math.abs(-(x - p[0]) * uy + (y - p[1]) * ux);
      if (t >= 0 && t <= L && d <= 12) data[y * W + x] = 1;
    }
  return { width: W, height: H, data };
}

function pose(knee: Joint, ankle: Joint): Pose {
  return {
    tMs: 0,
    width: W,
    height: H,
    score: 0.6,
    model: 'movenet-thunder',
    joints: {
      right_hip: { x: 150, y: 40, score: 0.8 },
      right_knee: knee,
      right_ankle: ankle,
      left_knee: { x: 60, y: 100, score: 0.9 },
      left_ankle: { x: 60, y: 250, score: 0.9 },
    },
  };
}

// The shank as the mask shows it: from (150, 60) to (190, 270).
const SHANK = bar([150, 60], [190, 270]);

describe('confirmKneesByMask', () => {
  it('counts a low-scored knee whose shank the mask shows, on the mask line', () => {
    // Keypoints 3° off the bar's axis and a little to its side.
    const p = pose({ x: 154, y: 62, score: 0.2 }, { x: 184, y: 262, score: 0.7 });
    expect(kneeNeedsMask(p, 'right')).toBe(true);
    expect(kneeNeedsMask(p, 'left')).toBe(false);
    const { pose: out, confirmed } = confirmKneesByMask(p, SHANK);
    expect(confirmed).toEqual(['right']);
    const k = out.joints.right_knee!;
    const a = out.joints.right_ankle!;
    expect(k.score).toBe(KNEE_MASK.measureScore);
    expect(a.score).toBe(0.7);
    const axis = (Math.atan2(210, 40) * 180) / Math.PI;
    expect(Math.abs((Math.atan2(a.y - k.y, a.x - k.x) * 180) / Math.PI - axis)).toBeLessThan(1);
    // The well-scored other leg is left as the model gave it.
    expect(out.joints.left_knee).toBe(p.joints.left_knee);
  });

  it('leaves a knee the model did not find, or one scored well enough, alone', () => {
    for (const score of [0.05, 0.3, 0.8]) {
      const p = pose({ x: 154, y: 62, score }, { x: 184, y: 262, score: 0.7 });
      const r = confirmKneesByMask(p, SHANK);
      expect(r.confirmed).toEqual([]);
      expect(r.pose).toBe(p);
    }
  });

  it('refuses where the mask shows the leg at another angle than the keypoints', () => {
    // The keypoints' shank turned 12° about the knee from the bar's axis: the mask's line is found on every
    // cross-section, and it is the angle between the two that refuses.
    const axis = Math.atan2(210, 40) + (12 * Math.PI) / 180;
    const L = Math.hypot(40, 210);
    const knee = { x: 150, y: 60, score: 0.2 };
    const ankle = { x: 150 + L * Math.cos(axis), y: 60 + L * Math.sin(axis), score: 0.7 };
    const r = redrawSegment(SHANK, knee, ankle);
    expect(r?.mids.length).toBeGreaterThanOrEqual(KNEE_MASK.minSections);
    expect(confirmKneesByMask(pose(knee, ankle), SHANK).confirmed).toEqual([]);
    // 6° off, the same knee is counted.
    const near = Math.atan2(210, 40) + (6 * Math.PI) / 180;
    const ankle6 = { x: 150 + L * Math.cos(near), y: 60 + L * Math.sin(near), score: 0.7 };
    expect(confirmKneesByMask(pose(knee, ankle6), SHANK).confirmed).toEqual(['right']);
  });

  it('refuses where the mask shows no leg along the keypoints, or is not the frame the pose is in', () => {
    const p = pose({ x: 154, y: 62, score: 0.2 }, { x: 184, y: 262, score: 0.7 });
    expect(confirmKneesByMask(p, bar([280, 20], [300, 300])).confirmed).toEqual([]);
    expect(
      confirmKneesByMask(p, { width: W / 2, height: H / 2, data: new Float32Array((W * H) / 4).fill(1) })
        .confirmed,
    ).toEqual([]);
  });

  it('needs a scored ankle to measure by', () => {
    const p = pose({ x: 154, y: 62, score: 0.2 }, { x: 184, y: 262, score: 0.2 });
    expect(kneeNeedsMask(p, 'right')).toBe(false);
  });
});
