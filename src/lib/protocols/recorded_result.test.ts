// A recording's trials → the result by the live rule, and the first-three rule for repeated trials.
import { describe, expect, it } from 'vitest';
import { applyTrialRule, EXCLUDED_AFTER_THIRD, recordedResult, VOIDED_AFTER_THIRD } from './recorded_result';
import type { RecordedTrial } from './recorded_types';

const trial = (startMs: number, valueDeg: number | null): RecordedTrial => ({
  side: 'right',
  direction: 'internal',
  attempt: 0,
  valueDeg,
  confidence: valueDeg === null ? 0 : 0.9,
  neutralDeg: 0,
  startMs,
  endMs: startMs + 4000,
  valid: valueDeg !== null,
  compensations: [],
  peakMs: startMs + 2000,
  peakDeg: valueDeg ?? 20,
});

describe('applyTrialRule', () => {
  // Out of time order on purpose: the rule numbers and counts trials by when they happened.
  const trials = applyTrialRule([
    trial(30000, 44),
    trial(0, 36),
    trial(6000, null),
    trial(12000, 38),
    trial(18000, 37),
    trial(24000, null),
  ]);

  it('counts the first three valid trials (and voided ones among them); later ones are excluded', () => {
    expect(trials.map((t) => [t.startMs, t.attempt, t.excluded ?? null])).toEqual([
      [0, 1, null],
      [6000, 2, null],
      [12000, 3, null],
      [18000, 4, null],
      [24000, 5, VOIDED_AFTER_THIRD],
      [30000, 6, EXCLUDED_AFTER_THIRD],
    ]);
  });

  it('the result is the mean of those three, as live, and lists the counted trials only', () => {
    const { result, missing } = recordedResult(
      'seated',
      '2d-hip-line',
      [{ side: 'right', direction: 'internal' }],
      trials,
      0,
      40000,
      {},
    );
    const dr = result.sides.right!.internal!;
    expect(dr.valueDeg).toBe(37);
    expect(dr.rule).toBe('mean of 3 trials');
    expect(dr.trials).toHaveLength(4);
    expect(missing).toEqual([]);
  });
});

describe('recordedResult: what the recording does not show', () => {
  const plan = [
    { side: 'left' as const, direction: 'internal' as const },
    { side: 'left' as const, direction: 'external' as const },
  ];

  it('a leg never seen: the reason is the geometry’s', () => {
    const { result, missing } = recordedResult('seated', 'x', plan, [], 0, 1, {
      left: 'the left ankle is not clearly visible (measurable in 3 % of frames)',
    });
    expect(missing).toHaveLength(2);
    expect(missing[0]!.reason).toMatch(
      /^the left leg could not be measured in this recording: the left ankle/,
    );
    expect(result.sides.left!.internal!.reason).toBe(missing[0]!.reason);
  });

  it('only voided trials: the live rule’s own reason', () => {
    const voided = applyTrialRule([{ ...trial(0, null), side: 'left' }]);
    const { missing } = recordedResult('seated', 'x', plan, voided, 0, 1, {});
    expect(missing.map((m) => m.reason)).toEqual([
      expect.stringMatching(/^no valid trial/),
      expect.stringMatching(/^no external rotation trial of the left leg/),
    ]);
  });
});
