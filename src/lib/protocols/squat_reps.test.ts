import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/synthetic_squat';
import {
  DOUBLE_LEG_REPS,
  initRepDetector,
  stepRepDetector,
  type RepDetectorState,
  type RepEvent,
} from './squat_reps';

/** A depth curve: standing, then each dip as (down ms, bottom depth, up ms), standing `restMs` between. */
function curve(dips: readonly [number, number, number][], restMs = 1000, fps = 30) {
  const samples: { tMs: number; depth: number }[] = [];
  const bottoms: number[] = [];
  const dt = 1000 / fps;
  let t = 0;
  const rest = () => {
    for (const end = t + restMs; t < end; t += dt) samples.push({ tMs: t, depth: 0 });
  };
  rest();
  for (const [down, depth, up] of dips) {
    bottoms.push(t + down);
    // Half-cosine down and up: smooth like a person, the bottom at t0 + down.
    for (const t0 = t; t < t0 + down; t += dt)
      samples.push({ tMs: t, depth: (depth * (1 - Math.cos((Math.PI * (t - t0)) / down))) / 2 });
    for (const t0 = t; t < t0 + up; t += dt)
      samples.push({ tMs: t, depth: (depth * (1 + Math.cos((Math.PI * (t - t0)) / up))) / 2 });
    rest();
  }
  return Object.assign(samples, { bottoms });
}

function run(samples: readonly { tMs: number; depth: number | null }[], opts = DOUBLE_LEG_REPS) {
  let state: RepDetectorState = initRepDetector();
  const events: RepEvent[] = [];
  for (const s of samples) {
    const before = structuredClone(state);
    const out = stepRepDetector(state, s.depth, s.tMs, opts);
    expect(state).toEqual(before); // never mutates its input
    state = out.state;
    if (out.event) events.push(out.event);
  }
  return { state, events, reps: events.flatMap((e) => (e.kind === 'rep' ? [e.rep] : [])) };
}

const fiveReps = curve(Array.from({ length: 5 }, () => [1200, 0.4, 1000] as [number, number, number]));

describe('stepRepDetector', () => {
  it('counts clean reps and records each bottom', () => {
    const { reps, events, state } = run(fiveReps);
    expect(reps.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(state.count).toBe(5);
    expect(events.filter((e) => e.kind === 'discarded')).toEqual([]);
    for (const [i, r] of reps.entries()) {
      expect(Math.abs(r.bottom.tMs - fiveReps.bottoms[i]!)).toBeLessThanOrEqual(34); // within a frame
      expect(r.bottom.depth).toBeCloseTo(0.4, 2);
      expect(r.endMs - r.startMs).toBeGreaterThan(1700); // 2200 ms, less the ends within standDepth
    }
    // Each rep is announced in order: descent, bottom, rep.
    expect(events.slice(0, 3).map((e) => e.kind)).toEqual(['descent', 'bottom', 'rep']);
  });

  it('is not fooled by noise (±0.025 of a leg on every sample)', () => {
    const rng = seededRandom(7);
    const noisy = fiveReps.map((s) => ({ ...s, depth: s.depth + (rng() * 2 - 1) * 0.025 }));
    const { reps, events } = run(noisy);
    expect(reps).toHaveLength(5);
    expect(events.filter((e) => e.kind === 'discarded')).toEqual([]);
  });

  it('survives dropped frames and short gaps with no person', () => {
    const rng = seededRandom(3);
    const sparse = fiveReps
      .filter(() => rng() > 0.4) // 40% of frames never arrive
      .map((s) => (s.tMs % 3200 > 1900 && s.tMs % 3200 < 2300 ? { ...s, depth: null } : s)); // 400 ms hidden
    const { reps } = run(sparse);
    expect(reps).toHaveLength(5);
  });

  it('does not count a half rep, a bounce, or a rep that never comes back up', () => {
    const samples = curve([
      [700, 0.11, 700], // deeper than the descent threshold, shallower than a rep
      [150, 0.3, 150], // a 300 ms bounce
      [1000, 0.35, 900], // a real one
    ]);
    const unfinished = curve([[1000, 0.4, 800]]).filter((s) => s.tMs < 1000 + 1000 + 400);
    const last = samples.at(-1)!.tMs;
    const { reps, events, state } = run([
      ...samples,
      ...unfinished.map((s) => ({ ...s, tMs: s.tMs + last + 33 })),
    ]);
    expect(reps).toHaveLength(1);
    const discarded = events.flatMap((e) => (e.kind === 'discarded' ? [e.reason] : []));
    expect(discarded).toEqual(['too-shallow', 'too-fast']);
    expect(state.phase).toBe('ascent'); // the last one is still on its way up
  });

  it('abandons a rep when the person is gone for longer than maxGapMs, null frames or none at all', () => {
    const samples = curve([[1000, 0.4, 1000]]);
    const withNulls = samples.map((s) => (s.tMs > 1500 && s.tMs < 2800 ? { ...s, depth: null } : s));
    const a = run(withNulls);
    expect(a.reps).toHaveLength(0);
    expect(a.events.at(-1)).toMatchObject({ kind: 'discarded', reason: 'lost' });
    const b = run(samples.filter((s) => !(s.tMs > 1500 && s.tMs < 2800)));
    expect(b.reps).toHaveLength(0);
    expect(b.events.some((e) => e.kind === 'discarded' && e.reason === 'lost')).toBe(true);
  });

  it('treats a second dip before standing up as one rep with the deeper bottom', () => {
    const down = curve([[800, 0.3, 0]], 1000).filter((s) => s.tMs <= 1800);
    const bob = [0.26, 0.22, 0.2, 0.24, 0.3, 0.36, 0.42, 0.45, 0.43, 0.38].map((depth, i) => ({
      tMs: 1833 + i * 33,
      depth,
    }));
    const up = Array.from({ length: 30 }, (_, i) => ({ tMs: 2200 + i * 33, depth: 0.38 * (1 - i / 20) }));
    const { reps, events } = run([
      ...down,
      ...bob,
      ...up.map((s) => ({ ...s, depth: Math.max(0, s.depth) })),
    ]);
    expect(reps).toHaveLength(1);
    expect(reps[0]!.bottom.depth).toBeCloseTo(0.45, 9);
    expect(events.filter((e) => e.kind === 'bottom').length).toBe(2);
  });
});
