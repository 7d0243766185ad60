import { describe, expect, it } from 'vitest';
import { initRepCounter, stepRepCounter, validateThresholds, type RepFrame } from './rep_counter';

const T = { upDeg: 15, downDeg: 7, holdBandDeg: 3, minRepMs: 600, kneeMovedInvalid: 0.25 };
const ok = (deg: number, kneeMove: number | null = 0.02): RepFrame => ({
  ok: true,
  deg,
  confidence: 0.9,
  kneeMove,
});
const hidden: RepFrame = { ok: false, reason: 'right ankle not found' };

function run(frames: RepFrame[], dt = 100) {
  let s = initRepCounter();
  frames.forEach((f, i) => (s = stepRepCounter(s, f, i * dt, T).state));
  return s;
}
const lift = (peak: number, hold = 10): RepFrame[] => [
  ok(0),
  ok(10),
  ok(20),
  ok(peak - 1),
  ...Array.from({ length: hold }, () => ok(peak)),
  ok(20),
  ok(10),
  ok(3),
  ok(0),
];

describe('rep counter', () => {
  it('counts a lift with its peak and hold time', () => {
    const s = run([...lift(35), ...lift(42, 5)]);
    expect(s.reps.map((r) => r.peakDeg)).toEqual([35, 42]);
    // 10 frames at the peak + the one 1° below it = 11 frames = 1000 ms.
    expect(s.reps[0]!.holdMs).toBe(1000);
    expect(s.reps[1]!.holdMs).toBe(500);
  });
  it('noise around one threshold never counts twice (hysteresis)', () => {
    const s = run([ok(0), ...Array.from({ length: 20 }, (_, i) => ok(i % 2 ? 14 : 16)), ok(0)]);
    expect(s.reps).toHaveLength(1);
  });
  it('never counts while the leg cannot be seen', () => {
    const frames = lift(35);
    frames[6] = hidden;
    const s = run(frames);
    expect(s.reps).toHaveLength(0);
    expect(s.discarded[0]!.why).toBe('leg-not-seen');
    expect(s.discarded[0]!.detail).toMatch(/ankle not found/);
  });
  it('a leg out of view at rest changes nothing', () => {
    expect(run([hidden, hidden, ...lift(30)]).reps).toHaveLength(1);
  });
  it('a moving knee voids the rep with its evidence', () => {
    const frames = lift(35).map((f) => (f.ok && f.deg > 30 ? ok(f.deg, 0.4) : f));
    const s = run(frames);
    expect(s.reps).toHaveLength(0);
    expect(s.discarded[0]!.detail).toMatch(/40 %/);
  });
  it('a swing too quick is not counted', () => {
    const s = run([ok(0), ok(30), ok(0)]);
    expect(s.discarded[0]!.why).toBe('too-fast');
  });
  it('one stray frame does not set the end range', () => {
    const frames = lift(35);
    frames[8] = ok(60);
    expect(run(frames).reps[0]!.peakDeg).toBe(35);
  });
  it('rejects thresholds without a gap', () => {
    expect(() => validateThresholds({ ...T, downDeg: 20 })).toThrow(/downDeg 20/);
  });
});
