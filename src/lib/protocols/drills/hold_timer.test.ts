import { describe, expect, it } from 'vitest';
import { allBouts, heldAngle, initHoldTimer, stepHoldTimer, type HoldFrame } from './hold_timer';

const inPos = (deg: number): HoldFrame => ({
  inPosition: true,
  angleDeg: deg,
  confidence: 0.8,
  reason: null,
});
const out: HoldFrame = { inPosition: false, angleDeg: null, confidence: 0, reason: 'knee off the floor' };

function run(frames: (HoldFrame | null)[], dt = 100, maxGap = 500) {
  let s = initHoldTimer();
  frames.forEach((f, i) => (s = stepHoldTimer(s, f, i * dt, maxGap)));
  return s;
}

describe('hold timer', () => {
  it('counts only between in-position frames', () => {
    const s = run([...Array(11).fill(inPos(30)), out, out, ...Array(6).fill(inPos(40))]);
    expect(s.heldMs).toBe(1000 + 500);
    const bouts = allBouts(s);
    expect(bouts.map((b) => b.heldMs)).toEqual([1000, 500]);
    const a = heldAngle(bouts);
    expect(a.ok && a.valueDeg).toBeCloseTo((30 * 1000 + 40 * 500) / 1500, 6);
  });
  it('nobody in view stops the clock with a reason', () => {
    const s = run([inPos(30), inPos(30), null]);
    expect(s.heldMs).toBe(100);
    expect(s.reason).toBe('nobody in view');
    expect(s.open).toBeNull();
  });
  it('a gap longer than maxGapMs between frames is not counted', () => {
    let s = initHoldTimer();
    s = stepHoldTimer(s, inPos(30), 0, 500);
    s = stepHoldTimer(s, inPos(30), 100, 500);
    s = stepHoldTimer(s, inPos(30), 2100, 500);
    s = stepHoldTimer(s, inPos(30), 2200, 500);
    expect(s.heldMs).toBe(200);
  });
  it('never held: the angle says why', () => {
    const a = heldAngle(allBouts(run([out, out])));
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/never held/);
  });
});
