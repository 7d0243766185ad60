// The trial clips' schedule, the committed clips agreeing with it, and a y4m built from one.
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLEAR_MS,
  CLEAR_SETTLE_MS,
  DEFAULT_PEAKS,
  HOLD_MS,
  OTHER_LEG_ABDUCTION_DEG,
  RAMP_MS,
  buildSchedule,
  sampleClip,
  segmentAt,
} from './clip_timeline.mjs';
import { clipY4m } from '../y4m.mjs';

interface Trial {
  side: 'left' | 'right';
  direction: 'internal' | 'external';
  trial: number;
  peakDeg: number;
  rampStartMs: number;
  holdStartMs: number;
  holdEndMs: number;
  returnedMs: number;
}

describe('the trial schedule', () => {
  const s = buildSchedule();

  it('runs right IR ×3, right ER ×3, left IR ×3, left ER ×3 with the given peaks', () => {
    expect(s.trials.map((t: Trial) => `${t.side} ${t.direction} ${t.trial}`)).toEqual(
      ['right', 'left'].flatMap((side) =>
        ['internal', 'external'].flatMap((d) => [1, 2, 3].map((n) => `${side} ${d} ${n}`)),
      ),
    );
    expect(s.trials.map((t: Trial) => t.peakDeg)).toEqual([
      ...DEFAULT_PEAKS.right.internal,
      ...DEFAULT_PEAKS.right.external,
      ...DEFAULT_PEAKS.left.internal,
      ...DEFAULT_PEAKS.left.external,
    ]);
  });

  it('holds each peak for the hold time after a ramp, and starts and ends in neutral', () => {
    for (const t of s.trials as Trial[]) {
      expect(t.holdStartMs - t.rampStartMs).toBe(RAMP_MS);
      expect(t.holdEndMs - t.holdStartMs).toBe(HOLD_MS);
      expect(t.returnedMs - t.holdEndMs).toBe(RAMP_MS);
      const held = segmentAt(s.timeline, t.holdStartMs + HOLD_MS / 2);
      expect(s.keyframes[held.keyframe]!.hipRotationDeg).toBe(t.peakDeg);
      expect(held.side).toBe(t.side);
    }
    expect(s.keyframes[s.timeline[0]!.keyframe]!.hipRotationDeg).toBe(0);
    expect(s.keyframes[s.timeline.at(-1)!.keyframe]!.hipRotationDeg).toBe(0);
    expect(s.trials[0]!.rampStartMs).toBeGreaterThanOrEqual(2500 + 1500);
  });

  it('has a contiguous timeline whose ramps move monotonically toward the peak', () => {
    s.timeline.forEach((seg: { startMs: number; endMs: number }, i: number) => {
      expect(seg.endMs).toBeGreaterThan(seg.startMs);
      if (i > 0) expect(seg.startMs).toBe(s.timeline[i - 1]!.endMs);
    });
    for (const t of s.trials as Trial[]) {
      const up = s.timeline.filter(
        (g: { startMs: number }) => g.startMs >= t.rampStartMs && g.startMs <= t.holdStartMs,
      );
      const degs = up.map((g: { keyframe: number }) => Math.abs(s.keyframes[g.keyframe]!.hipRotationDeg));
      expect(degs).toEqual([...degs].sort((a, b) => a - b));
    }
  });

  it('samples at any fps, and a range gives times relative to its start', () => {
    const at10 = sampleClip(s, 10);
    expect(at10.frames).toHaveLength(Math.floor(s.durationMs / 100));
    expect(at10.series[41]).toEqual({ tMs: 4100, side: 'right', hipRotationDeg: 8 });
    const part = sampleClip(s, 20, { startMs: 4000, endMs: 8100 });
    expect(part.series[0]!.tMs).toBe(0);
    expect(part.trials).toEqual([
      { ...s.trials[0], rampStartMs: 0, holdStartMs: 800, holdEndMs: 3300, returnedMs: 4100 },
    ]);
    expect(() => sampleClip(s, 0)).toThrow(/fps/);
    expect(() => sampleClip(s, 10, { startMs: 0, endMs: s.durationMs + 1 })).toThrow(/not inside/);
  });
});

/** The same trials and peaks as `plain`'s, each `delayOf(trial)` later. */
function expectShifted(trials: Trial[], plain: Trial[], delayOf: (t: Trial) => number) {
  trials.forEach((t, i) => {
    const p = plain[i]!;
    const d = delayOf(t);
    expect(t).toEqual({
      ...p,
      rampStartMs: p.rampStartMs + d,
      holdStartMs: p.holdStartMs + d,
      holdEndMs: p.holdEndMs + d,
      returnedMs: p.returnedMs + d,
    });
  });
}

describe('the trial schedule with the other leg cleared (clearOtherLeg)', () => {
  const plain = buildSchedule();
  const s = buildSchedule(undefined, { clearOtherLeg: true });
  const abdAt = (tMs: number) => s.keyframes[segmentAt(s.timeline, tMs).keyframe]!.otherAbductionDeg;

  it('moves the untested leg out before each side’s external trials and back after them, nowhere else', () => {
    const trials = s.trials as Trial[];
    for (const side of ['right', 'left']) {
      const ext = trials.filter((t) => t.side === side && t.direction === 'external');
      const int = trials.filter((t) => t.side === side && t.direction === 'internal');
      // Out (and settled) through every external trial, from its neutral to its return.
      for (const t of ext) {
        for (let ms = t.rampStartMs - 1400; ms < t.returnedMs; ms += 100)
          expect(abdAt(ms)).toBe(OTHER_LEG_ABDUCTION_DEG);
      }
      // Hanging through every internal trial.
      for (const t of int)
        for (let ms = t.rampStartMs; ms < t.returnedMs; ms += 100) expect(abdAt(ms)).toBe(0);
      // Settled before the first external trial's own neutral starts.
      const before = ext[0]!.rampStartMs - 1500 - CLEAR_SETTLE_MS;
      expect(abdAt(before)).toBe(OTHER_LEG_ABDUCTION_DEG);
      expect(abdAt(before - CLEAR_MS - 1)).toBe(0);
    }
    expect(abdAt(s.durationMs - 1)).toBe(0);
  });

  it('keeps the same trials and peaks, each one later by the moves before it', () => {
    // Each clearing adds the move out and the settle; each move back adds its own time.
    const out = CLEAR_MS + CLEAR_SETTLE_MS;
    const delay = {
      right: { internal: 0, external: out },
      left: { internal: out + CLEAR_MS, external: 2 * out + CLEAR_MS },
    };
    expectShifted(s.trials as Trial[], plain.trials as Trial[], (t) => delay[t.side][t.direction]);
    expect(s.durationMs).toBe(plain.durationMs + 2 * (out + CLEAR_MS));
  });
});

describe('the trial schedule with the other knee out for the whole side (otherLegAsideAll)', () => {
  const plain = buildSchedule();
  const s = buildSchedule(undefined, { clearOtherLeg: true, otherLegAsideAll: true });
  const abdAt = (tMs: number) => s.keyframes[segmentAt(s.timeline, tMs).keyframe]!.otherAbductionDeg;

  it('moves the untested leg out before each side starts and back after its last trial', () => {
    const trials = s.trials as Trial[];
    for (const side of ['right', 'left']) {
      const mine = trials.filter((t) => t.side === side);
      // Out through the side's start neutral and every trial, internal ones included.
      for (let ms = mine[0]!.rampStartMs - 2500; ms < mine.at(-1)!.returnedMs; ms += 100)
        expect(abdAt(ms)).toBe(OTHER_LEG_ABDUCTION_DEG);
    }
    expect(abdAt(0)).toBeGreaterThan(0);
    expect(abdAt(s.durationMs - 1)).toBe(0);
  });

  it('keeps the same trials and peaks, each side later by the moves before it', () => {
    const delay = { right: CLEAR_MS, left: 3 * CLEAR_MS };
    expectShifted(s.trials as Trial[], plain.trials as Trial[], (t) => delay[t.side]);
    expect(s.durationMs).toBe(plain.durationMs + 4 * CLEAR_MS);
  });
});

describe('the trial schedule with a compensation (clips.mjs --compensate)', () => {
  const plain = buildSchedule();
  const s = buildSchedule(undefined, { compensation: { kind: 'pelvis', deg: 20 } });
  const at = (tMs: number) => s.keyframes[segmentAt(s.timeline, tMs).keyframe]!;

  it('keeps the timing and the truth, and compensates in step with the turn: none at neutral, the most at the hold', () => {
    expect(s.durationMs).toBe(plain.durationMs);
    expect(s.trials.map((t) => ({ ...t, compensation: undefined }))).toEqual(
      plain.trials.map((t) => ({ ...t, compensation: undefined })),
    );
    for (const t of s.trials) {
      const mean = Math.abs(DEFAULT_PEAKS[t.side][t.direction].reduce((a, b) => a + b, 0) / 3);
      expect(t.compensation).toEqual({
        kind: 'pelvis',
        deg: expect.closeTo((20 * Math.abs(t.peakDeg)) / mean, 1),
      });
      expect(at(t.rampStartMs - 100).compensation?.deg ?? 0).toBe(0);
      expect(at(t.holdStartMs + 100).compensation).toEqual(t.compensation);
      const midRamp = at((t.rampStartMs + t.holdStartMs) / 2).compensation!.deg;
      expect(midRamp).toBeGreaterThan(0);
      expect(midRamp).toBeLessThan(t.compensation!.deg);
    }
  });

  it('renders each compensated pose apart from the plain one at the same rotation', () => {
    const keys = s.keyframes.map((k) => `${k.side}:${k.hipRotationDeg}:${k.compensation?.deg}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(s.keyframes.filter((k) => k.hipRotationDeg === 0).every((k) => k.compensation?.deg === 0)).toBe(
      true,
    );
  });
});

describe.each(['seated', 'supine', 'prone'])('committed %s clip', (test) => {
  const dir = new URL(`../../test-fixtures/synth/clips/${test}/`, import.meta.url).pathname;
  const clip = JSON.parse(readFileSync(join(dir, 'clip.json'), 'utf8'));

  it('matches the schedule, lists its frames at its fps, and has every keyframe file', () => {
    // The seated clip has the untested knee out to the side for each whole side (clips.mjs).
    const s = buildSchedule(undefined, {
      clearOtherLeg: test === 'seated',
      otherLegAsideAll: test === 'seated',
    });
    expect(clip.format).toBe('goniocam-clip/1');
    expect(clip.timeline).toEqual(s.timeline);
    expect(clip.truth.trials).toEqual(s.trials);
    const { frames, series } = sampleClip(clip, clip.fps);
    expect(clip.frames).toEqual(frames);
    expect(clip.truth.series).toEqual(series);
    for (const k of clip.keyframes) expect(existsSync(join(dir, k.file))).toBe(true);
  });

  it('keeps the tested knee put while the rotation changes (truth joints)', () => {
    for (const side of ['left', 'right']) {
      const ks = clip.keyframes.filter((k: { side: string }) => k.side === side);
      const knees = ks.map((k: { joints2d: Record<string, number[]> }) => k.joints2d[`${side}_knee`]!);
      for (const [x, y] of knees) {
        expect(Math.abs(x - knees[0][0])).toBeLessThan(0.5);
        expect(Math.abs(y - knees[0][1])).toBeLessThan(0.5);
      }
    }
  });
});

describe('clipY4m', () => {
  it('writes the sampled frames of a clip range as a y4m and returns their truth', async () => {
    const clipPath = new URL('../../test-fixtures/synth/clips/seated/clip.json', import.meta.url).pathname;
    const out = join(mkdtempSync(join(tmpdir(), 'goniocam-clip-')), 'part.y4m');
    // The first internal trial: its ramp starts 4.6 s in (the other leg out first, 0.6 s).
    const r = await clipY4m(clipPath, out, { fps: 10, width: 160, height: 120, startMs: 4500, endMs: 8900 });
    expect(r.frames).toBe(44);
    expect(r.series.slice(0, 12).map((p) => p.hipRotationDeg)).toEqual([
      0, 8, 8, 16, 16, 24, 24, 31.5, 31.5, 40, 40, 40,
    ]);
    expect(r.trials).toEqual([
      expect.objectContaining({
        side: 'right',
        direction: 'internal',
        trial: 1,
        peakDeg: 40,
        rampStartMs: 100,
        holdStartMs: 900,
      }),
    ]);
    const header = Buffer.alloc(64);
    const fd = openSync(out, 'r');
    readSync(fd, header, 0, 64, 0);
    closeSync(fd);
    expect(header.toString('latin1').split('\n')[0]).toBe('YUV4MPEG2 W160 H120 F10:1 Ip A1:1 C420jpeg');
    const headerLen = header.indexOf(0x0a) + 1;
    expect(statSync(out).size).toBe(headerLen + 44 * ('FRAME\n'.length + 160 * 120 * 1.5));
  });
});
