// The squat clip's schedule and the committed clip agreeing with it: timing, planted feet, sinking hips, and the
// FPPA truth the same as the app's own geometry reads from the true joint centres.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureFppa } from '../../src/lib/geometry/fppa';
import type { Pose } from '../../src/lib/types';
import { segmentAt } from './clip_timeline.mjs';
import {
  BOTTOM_MS,
  DEFAULT_REPS,
  DESCENT_MS,
  END_STAND_MS,
  RISE_MS,
  START_STAND_MS,
  buildSquatSchedule,
  fppaFromJoints,
  sampleSquatClip,
} from './squat_clip_timeline.mjs';

interface Keyframe {
  file: string;
  hipFlexDeg: number;
  depth: number;
  fppaDeg: { left: number; right: number };
  joints2d: Record<string, [number, number]>;
}
interface RepTruth {
  rep: number;
  startMs: number;
  bottomStartMs: number;
  bottomEndMs: number;
  endMs: number;
  hipFlexDeg: number;
  depth: number;
  fppaDeg: { left: number; right: number };
}

describe('the squat schedule', () => {
  const s = buildSquatSchedule();

  it('stands still first, then 5 reps: descent, hold at the bottom, rise, stand', () => {
    expect(s.reps).toHaveLength(DEFAULT_REPS.length);
    expect(s.reps[0]!.startMs).toBe(START_STAND_MS);
    for (const r of s.reps) {
      expect(r.bottomStartMs - r.startMs).toBe(DESCENT_MS);
      expect(r.bottomEndMs - r.bottomStartMs).toBe(BOTTOM_MS);
      expect(r.endMs - r.bottomEndMs).toBe(RISE_MS);
      expect(s.keyframes[segmentAt(s.timeline, r.bottomStartMs + BOTTOM_MS / 2).keyframe]!.name).toBe(
        `rep${r.rep}-bottom`,
      );
    }
    expect(s.durationMs).toBe(START_STAND_MS + 5 * (DESCENT_MS + BOTTOM_MS + RISE_MS + END_STAND_MS));
    expect(s.keyframes[s.timeline.at(-1)!.keyframe]!.name).toBe('stand');
  });

  it('has a contiguous timeline whose descents go steadily deeper', () => {
    s.timeline.forEach((seg: { startMs: number; endMs: number }, i: number) => {
      expect(seg.endMs).toBeGreaterThan(seg.startMs);
      if (i > 0) expect(seg.startMs).toBe(s.timeline[i - 1]!.endMs);
    });
    for (const r of s.reps) {
      const down = s.timeline.filter(
        (g: { startMs: number }) => g.startMs >= r.startMs && g.startMs <= r.bottomStartMs,
      );
      const flex = down.map((g: { keyframe: number }) => s.keyframes[g.keyframe]!.hipFlexDeg);
      expect(flex).toEqual([...flex].sort((a, b) => a - b));
      expect(flex).toHaveLength(5);
    }
  });
});

describe('committed squat clip', () => {
  const dir = new URL('../../test-fixtures/synth/clips/squat/', import.meta.url).pathname;
  const clip = JSON.parse(readFileSync(join(dir, 'clip.json'), 'utf8'));
  const keyframes = clip.keyframes as Keyframe[];
  const reps = clip.truth.reps as RepTruth[];

  it('matches the schedule, lists its frames and truth at its fps, and has every keyframe file', () => {
    const s = buildSquatSchedule();
    expect(clip.format).toBe('goniocam-clip/1');
    expect(clip.test).toBe('squat');
    expect(clip.timeline).toEqual(s.timeline);
    expect(keyframes.map((k) => k.hipFlexDeg)).toEqual(s.keyframes.map((k) => k.hipFlexDeg));
    const truthOf = (i: number) => ({ depth: keyframes[i]!.depth, fppaDeg: keyframes[i]!.fppaDeg });
    const { frames, series } = sampleSquatClip(clip, clip.fps, truthOf);
    expect(clip.frames).toEqual(frames);
    expect(clip.truth.series).toEqual(series);
    expect(reps.map((r) => r.rep)).toEqual([1, 2, 3, 4, 5]);
    for (const k of keyframes) expect(existsSync(join(dir, k.file))).toBe(true);
  });

  it('keeps the feet planted while the hips sink 0.2 of a leg at the bottom (45–55° hip flexion)', () => {
    const stand = keyframes[0]!.joints2d;
    for (const k of keyframes)
      for (const j of ['left_ankle', 'right_ankle', 'left_foot_index', 'right_foot_index']) {
        expect(Math.abs(k.joints2d[j]![0] - stand[j]![0])).toBeLessThan(1);
        expect(Math.abs(k.joints2d[j]![1] - stand[j]![1])).toBeLessThan(1);
      }
    for (const r of reps) {
      expect(r.hipFlexDeg).toBeGreaterThanOrEqual(45);
      expect(r.hipFlexDeg).toBeLessThanOrEqual(55);
      expect(r.depth).toBeGreaterThan(0.18);
    }
  });

  it('gives the left knee more valgus than the right at every bottom', () => {
    for (const r of reps) {
      expect(r.fppaDeg.left).toBeGreaterThan(10);
      expect(r.fppaDeg.right).toBeGreaterThan(1);
      expect(r.fppaDeg.left - r.fppaDeg.right).toBeGreaterThan(7);
    }
    const mean = (side: 'left' | 'right') => reps.reduce((a, r) => a + r.fppaDeg[side], 0) / reps.length;
    expect(clip.truth.meanFppaDeg.left).toBeCloseTo(mean('left'), 2);
    expect(clip.truth.meanFppaDeg.right).toBeCloseTo(mean('right'), 2);
  });

  it("has the FPPA truth the app's geometry reads from the true joint centres", () => {
    for (const k of keyframes) {
      const joints = Object.fromEntries(
        Object.entries(k.joints2d).map(([n, [x, y]]) => [n, { x, y, score: 1 }]),
      ) as Pose['joints'];
      const pose: Pose = {
        tMs: 0,
        width: clip.width,
        height: clip.height,
        joints,
        score: 1,
        model: 'blazepose-full',
      };
      for (const side of ['left', 'right'] as const) {
        const m = measureFppa(pose, side);
        expect(m.ok && m.valueDeg).toBeCloseTo(k.fppaDeg[side], 1);
        expect(fppaFromJoints(k.joints2d, side)).toBeCloseTo(k.fppaDeg[side], 1);
      }
    }
  });
});
