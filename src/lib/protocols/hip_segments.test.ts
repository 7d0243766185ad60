// Segmenting one leg's angle series into trials, on numeric series (src/testing/angle_series.ts): the
// orders and habits of a person no prompt is guiding.
import { describe, expect, it } from 'vitest';
import { angleSeries } from '../../testing/angle_series';
import { legExcursions, MAX_EXCURSION_MS, videoMs, type Excursion, type LegReading } from './hip_segments';

const summary = (xs: readonly Excursion[]) =>
  xs.map((x) => ({
    direction: x.direction,
    neutral: Math.round(x.neutral.meanDeg),
    hold: x.hold ? Math.round(x.hold.meanDeg) : null,
  }));

describe('legExcursions', () => {
  it('neutral → turn → hold → back is one trial: its neutral before it, its hold at end range', () => {
    const r = angleSeries(0, [
      [2000, 0],
      [800, 30],
      [2000, 30],
      [800, 0],
      [2000, 0],
    ]);
    const [x, ...rest] = legExcursions('right', r);
    expect(rest).toEqual([]);
    expect(summary([x!])).toEqual([{ direction: 'internal', neutral: 0, hold: 30 }]);
    expect(x!.hold!.durationMs).toBeGreaterThanOrEqual(1900);
    expect(r[x!.startFrame]!.tMs).toBeGreaterThan(x!.neutral.endMs);
    expect(r[x!.endFrame]!.tMs).toBeGreaterThan(x!.hold!.endMs);
  });

  it('external before internal, swinging straight through neutral: two trials from the same neutral', () => {
    const r = angleSeries(0, [
      [2000, 0],
      [800, -30],
      [2000, -30],
      [1200, 30],
      [2000, 30],
      [800, 0],
      [1500, 0],
    ]);
    const xs = legExcursions('left', r);
    expect(summary(xs)).toEqual([
      { direction: 'external', neutral: 0, hold: -30 },
      { direction: 'internal', neutral: 0, hold: 30 },
    ]);
    // The second starts where the first came back, not at the neutral they share, and with no rest between them it
    // counts from the first's start position.
    expect(xs[1]!.startFrame).toBeGreaterThanOrEqual(xs[0]!.endFrame);
    expect(xs[1]!.start).toEqual(xs[0]!.start);
    expect(xs[1]!.start.deg).toBeCloseTo(0, 5);
  });

  it('a hold of 15 frames at 10 fps is 1.5 s of video (1.4 s from the first frame to the last)', () => {
    const hold = (frames: number) =>
      legExcursions(
        'right',
        angleSeries(0, [
          [2000, 0],
          [300, 30],
          [(frames - 1) * 100, 30],
          [300, 0],
          [2000, 0],
        ]),
      )[0]!.hold;
    expect(hold(15)).toMatchObject({ count: 15, durationMs: 1400 });
    expect(videoMs(hold(15)!)).toBe(1500);
    expect(hold(14)).toBeNull();
  });

  it('a false start (no still hold) and a pause are excursions without a hold, or nothing', () => {
    const r = angleSeries(0, [
      [2000, 0],
      [500, 20],
      [500, 0],
      [8000, 0],
    ]);
    expect(summary(legExcursions('right', r))).toEqual([{ direction: 'internal', neutral: 0, hold: null }]);
  });

  it('a limited range (12° held) is a trial, and coming back from it is not an external one', () => {
    const r = angleSeries(0, [
      [1500, 0],
      [500, 12],
      [2000, 12],
      [500, 0],
      [1500, 0],
      [500, 13],
      [2000, 13],
      [500, 0],
      [1500, 0],
    ]);
    expect(summary(legExcursions('right', r))).toEqual([
      { direction: 'internal', neutral: 0, hold: 12 },
      { direction: 'internal', neutral: 0, hold: 13 },
    ]);
  });

  it('stopping part-way and then turning further: one trial, held at the farther position', () => {
    const r = angleSeries(0, [
      [1500, 0],
      [500, 20],
      [1800, 20],
      [500, 35],
      [1800, 35],
      [800, 0],
      [1500, 0],
    ]);
    expect(summary(legExcursions('right', r))).toEqual([{ direction: 'internal', neutral: 0, hold: 35 }]);
  });

  it('a leg that settles from a crooked rest toward zero: that is its new neutral, not a trial', () => {
    const r = angleSeries(10, [
      [2000, 10],
      [500, 2],
      [2000, 2],
      [800, 32],
      [2000, 32],
      [800, 2],
      [1500, 2],
    ]);
    expect(summary(legExcursions('left', r))).toEqual([{ direction: 'internal', neutral: 2, hold: 32 }]);
  });

  it('a leg that moves to a new position and stays there is no trial; trials from there are found', () => {
    const r = angleSeries(0, [
      [2000, 0],
      [500, 8],
      [MAX_EXCURSION_MS + 2000, 8],
      [800, 38],
      [2000, 38],
      [800, 8],
      [1500, 8],
    ]);
    expect(summary(legExcursions('right', r))).toEqual([{ direction: 'internal', neutral: 8, hold: 38 }]);
  });

  it('a person who settles and turns 0.8 s later: that still is the neutral, and the trial is found', () => {
    // The clip opens with the leg swinging to rest (no earlier neutral to fall back on), still for 9 frames
    // (0.9 s of video at 10 fps), then an external rotation.
    const r = angleSeries(20, [
      [600, 0],
      [800, 0],
      [800, -35],
      [2000, -35],
      [800, 0],
      [1500, 0],
    ]);
    expect(summary(legExcursions('left', r))).toEqual([{ direction: 'external', neutral: 0, hold: -35 }]);
  });

  it("after moving the other leg the tested one reads 4° off: its short new still is the trial's neutral", () => {
    // Still at 4° for 9 frames (0.9 s of video) before turning; the 0° still before it is the old neutral.
    const r = angleSeries(0, [
      [3000, 0],
      [100, 4],
      [800, 4],
      [800, -35],
      [2000, -35],
      [800, 4],
      [1500, 4],
    ]);
    const [x, ...rest] = legExcursions('left', r);
    expect(rest).toEqual([]);
    expect(summary([x!])).toEqual([{ direction: 'external', neutral: 4, hold: -35 }]);
    expect(x!.neutral).toMatchObject({ startMs: 3100, endMs: 3900 });
  });

  it('still for less than 0.8 s is not a neutral', () => {
    const r = angleSeries(20, [
      [600, 0],
      [600, 0],
      [800, -35],
      [2000, -35],
      [800, 0],
      [1500, 0],
    ]);
    // 7 frames (0.7 s) before the turn: no neutral, so no trial; the still after it starts nothing.
    expect(legExcursions('left', r)).toEqual([]);
  });

  it('a clip that ends mid-hold has no trial (a trial comes back)', () => {
    const r = angleSeries(0, [
      [2000, 0],
      [800, 30],
      [3000, 30],
    ]);
    expect(legExcursions('right', r)).toEqual([]);
  });

  it('a leg lost for 1.5 s during the hold: the excursion is kept, without a hold, for the dropout check', () => {
    const r = angleSeries(
      0,
      [
        [2000, 0],
        [800, 30],
        [2000, 30],
        [800, 0],
        [1500, 0],
      ],
      { gaps: [[3000, 4500]] },
    );
    const [x] = legExcursions('right', r);
    expect(x!.hold).toBeNull();
    expect(x!.direction).toBe('internal');
  });

  describe('each trial counts from the start position just before it', () => {
    /** The readings with single-frame misreads (the model's knee keypoint jumping) at these times. */
    const withSpikes = (r: LegReading[], spikes: Record<number, number>) =>
      r.map((x) => (x.frame && x.tMs in spikes ? { ...x, frame: { ...x.frame, deg: spikes[x.tMs]! } } : x));

    it('a long rest read at +8° (prone: the leg lying flat), then 1 s at the start position: it counts from there', () => {
      // 4 s of rest, then the knee bent up to the start position (read −2°, with a misread frame) for 1 s, turned.
      const r = withSpikes(
        angleSeries(8, [
          [4000, 8],
          [100, -2],
          [900, -2],
          [800, 28],
          [1800, 28],
          [800, -2],
          [2000, -2],
        ]),
        { 4300: -30 },
      );
      // (Bending the knee up from the rest reads as a turn without a hold: a false start, no trial.)
      const [x, ...rest] = legExcursions('left', r).filter((e) => e.hold);
      expect(rest).toEqual([]);
      expect(x!.neutral.meanDeg).toBeCloseTo(8, 0); // found from the rest …
      expect(x!.start.deg).toBeCloseTo(-2, 5); // … counted from the start position
      expect(x!.start.frames.map((i) => r[i]!.tMs)).not.toContain(4300); // the misread frame left out
      expect(r[x!.startFrame]!.tMs).toBeGreaterThan(r[x!.start.toFrame]!.tMs);
    });

    it('trials a second apart after that rest: every one is found, each from its own start', () => {
      // The rest at +8°; between trials the leg sits at 0° (then +2°) for 1 s only: never a 0.8 s still window.
      const r = angleSeries(8, [
        [4000, 8],
        [100, 0],
        [900, 0],
        [800, 27],
        [1800, 27],
        [800, 0],
        [1000, 0],
        [800, 29],
        [1800, 29],
        [800, 2],
        [1000, 2],
        [800, -40],
        [1800, -40],
        [800, 2],
        [1000, 2],
        [800, -38],
        [1800, -38],
        [800, 0],
        [2000, 0],
      ]);
      const xs = legExcursions('left', r);
      expect(xs.map((x) => [x.direction, Math.round(x.start.deg), Math.round(x.hold!.meanDeg)])).toEqual([
        ['internal', 0, 27],
        ['internal', 0, 29],
        ['external', 2, -40],
        ['external', 2, -38],
      ]);
    });
  });
});
