// One excursion of a recording → a trial: what is kept as a person's voided attempt, and what is the model
// misreading the leg for a frame or two. On numeric series (src/testing/angle_series.ts).
import { describe, expect, it } from 'vitest';
import { angleSeries } from '../../testing/angle_series';
import { legExcursions, type LegReading } from './hip_segments';
import { MIN_ATTEMPT_MS, recordedTrial } from './recorded_trial';

/** Readings whose frames in [fromMs, toMs] read `deg` with the knee keypoint 80 px (0.8 shank) off. */
function misread(r: LegReading[], fromMs: number, toMs: number, deg: number): LegReading[] {
  return r.map((x) =>
    x.frame && x.tMs >= fromMs && x.tMs <= toMs
      ? { ...x, frame: { ...x.frame, deg, knee: { x: x.frame.knee.x + 80, y: x.frame.knee.y } } }
      : x,
  );
}

const trials = (r: LegReading[]) =>
  legExcursions('right', r).flatMap((ex) => recordedTrial(ex, r, 'prone')?.trial ?? []);

describe('recordedTrial', () => {
  const clean = angleSeries(0, [
    [3000, 0],
    [800, 30],
    [2000, 30],
    [800, 0],
    [2000, 0],
  ]);

  it('a clean trial: its value from its start position, nothing voided', () => {
    expect(trials(clean).map((t) => [t.direction, t.valueDeg, t.valid])).toEqual([['internal', 30, true]]);
  });

  it(`the knee keypoint jumping for 0.3 s in the start position is no attempt (shorter than ${MIN_ATTEMPT_MS} ms)`, () => {
    const r = misread(clean, 1500, 1700, -25);
    expect(trials(r).map((t) => [t.direction, t.valueDeg, t.valid])).toEqual([['internal', 30, true]]);
  });

  it('a turn of a second with the knee moving and no hold is kept as a voided attempt', () => {
    // 1 s out to −25° with the knee moving, back, then the clean trial.
    const r = misread(clean, 1000, 1900, -25);
    const ts = trials(r);
    expect(ts.map((t) => [t.direction, t.valid])).toEqual([
      ['external', false],
      ['internal', true],
    ]);
    expect(ts[0]!.compensations.map((c) => c.kind)).toContain('knee-moved');
  });

  it('a leg read 20° off at rest: its trial counts from there, flagged, worth half', () => {
    // The model misreads this leg at rest (the live test takes such a start after a wait, flagged, too).
    const r = angleSeries(20, [
      [3000, 20],
      [800, 50],
      [2000, 50],
      [800, 20],
      [2000, 20],
    ]);
    const [t, ...rest] = trials(r);
    expect(rest).toEqual([]);
    expect(t!.valueDeg).toBe(30);
    expect(t!.compensations.map((c) => `${c.kind}:${c.severity}`)).toEqual(['start-off:flag']);
    expect(t!.confidence).toBeLessThanOrEqual(0.45);
    expect(trials(clean)[0]!.confidence).toBeGreaterThan(0.8);
  });

  it('a leg read 40° off at rest is no start: no trial', () => {
    const r = angleSeries(40, [
      [3000, 40],
      [800, 70],
      [2000, 70],
      [800, 40],
      [2000, 40],
    ]);
    expect(trials(r)).toEqual([]);
  });
});
