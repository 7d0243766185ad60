import { describe, expect, it } from 'vitest';
import { meanBaseline, standingBaseline, type StandingBaseline } from './standing_baseline';
import { frontalSquatPose, SYNTH_LEG_PX, SYNTH_WIDTH } from '../../testing/synthetic_squat';

describe('standingBaseline', () => {
  it('finds the hip and ankle midpoints and the leg length of a standing body', () => {
    const b = standingBaseline(frontalSquatPose()) as StandingBaseline;
    expect(b.legLengthPx).toBeCloseTo(SYNTH_LEG_PX, 9);
    expect(b.hipMid.x).toBeCloseTo(SYNTH_WIDTH / 2, 9);
    expect(b.ankleMid.y - b.hipMid.y).toBeCloseTo(SYNTH_LEG_PX, 9);
    expect(b.confidence).toBeCloseTo(0.9, 9);
  });

  it('uses only the legs asked for (a single-leg stance) and says which joint is missing', () => {
    const p = frontalSquatPose({ omit: ['right_ankle'] });
    expect(standingBaseline(p)).toEqual({ reason: 'right ankle not found' });
    expect('legLengthPx' in standingBaseline(p, ['left'])).toBe(true);
    expect(standingBaseline(frontalSquatPose({ omit: ['left_hip'] }))).toMatchObject({ reason: /hips/ });
  });

  it('averages baselines, and has none for an empty list', () => {
    const a = standingBaseline(frontalSquatPose()) as StandingBaseline;
    const b = { ...a, hipMid: { x: a.hipMid.x + 10, y: a.hipMid.y }, legLengthPx: a.legLengthPx + 20 };
    const m = meanBaseline([a, b])!;
    expect(m.hipMid.x).toBeCloseTo(a.hipMid.x + 5, 9);
    expect(m.legLengthPx).toBeCloseTo(a.legLengthPx + 10, 9);
    expect(meanBaseline([])).toBeNull();
  });
});
