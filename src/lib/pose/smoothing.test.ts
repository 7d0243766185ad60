import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { PoseSmoother } from './smoothing';

const at = (tMs: number, x: number, score = 0.9): Pose => ({
  tMs,
  width: 640,
  height: 480,
  score: 0.9,
  model: 'movenet-lightning',
  joints: { left_knee: { x, y: 200, score } },
});

/** A deterministic jitter sequence (no Math.random in tests). */
const jitter = (i: number) => ((i * 7919) % 13) - 6;

describe('PoseSmoother (One Euro)', () => {
  it('reduces jitter on a still joint', () => {
    const s = new PoseSmoother();
    const out: number[] = [];
    for (let i = 0; i < 60; i++) out.push(s.smooth(at(i * 33.3, 300 + jitter(i))).joints.left_knee!.x);
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const rawSpread = spread(Array.from({ length: 30 }, (_, i) => 300 + jitter(i + 30)));
    expect(spread(out.slice(30))).toBeLessThan(rawSpread / 2);
  });

  it('follows a fast movement with little lag', () => {
    const s = new PoseSmoother();
    let x = 0;
    for (let i = 0; i < 30; i++) x = s.smooth(at(i * 33.3, i < 10 ? 100 : 400)).joints.left_knee!.x;
    expect(x).toBeGreaterThan(390);
  });

  it('passes low-score joints through untouched', () => {
    const s = new PoseSmoother();
    s.smooth(at(0, 100));
    expect(s.smooth(at(33, 500, 0.05)).joints.left_knee!.x).toBe(500);
  });

  it('restarts when time goes backwards (a seek) and does not modify its input', () => {
    const s = new PoseSmoother();
    s.smooth(at(0, 100));
    s.smooth(at(33, 100));
    const input = at(10, 400);
    const copy = structuredClone(input);
    expect(s.smooth(input).joints.left_knee!.x).toBe(400);
    expect(input).toEqual(copy);
  });

  it('smooths world keypoints (metres) too, with the speed gain scaled to their units', () => {
    const s = new PoseSmoother();
    const xs: number[] = [];
    for (let i = 0; i < 60; i++) {
      const p = at(i * 33.3, 300);
      const w = { left_knee: { x: 0.1 + jitter(i) * 0.002, y: 0.4, z: 0, score: 0.9 } };
      xs.push(s.smooth({ ...p, world: w }).world!.left_knee!.x);
    }
    const tail = xs.slice(30);
    expect(Math.max(...tail) - Math.min(...tail)).toBeLessThan(0.012);
    expect(tail.every((x) => Math.abs(x - 0.1) < 0.01)).toBe(true);
  });

  it('takes custom parameters: a high cutoff passes the signal almost raw', () => {
    const loose = new PoseSmoother({ minCutoff: 1000 });
    const tight = new PoseSmoother();
    loose.smooth(at(0, 100));
    tight.smooth(at(0, 100));
    expect(loose.smooth(at(33, 110)).joints.left_knee!.x).toBeGreaterThan(109.9);
    expect(tight.smooth(at(33, 110)).joints.left_knee!.x).toBeLessThan(108);
  });

  it('reset() forgets the history', () => {
    const s = new PoseSmoother();
    s.smooth(at(0, 100));
    s.reset();
    expect(s.smooth(at(33, 300)).joints.left_knee!.x).toBe(300);
  });
});
