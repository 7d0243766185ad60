import { describe, expect, it } from 'vitest';
import type { Compensation, Trial } from '../../lib/protocols/types';
import { attemptChips } from './attempt_chips';

const knee: Compensation = {
  kind: 'knee-moved',
  severity: 'invalid',
  message: 'The right knee moved.',
  evidence: { label: 'Knee', value: 0.3, unit: 'ratio', threshold: 0.25, comparator: '>', source: 'x' },
  tMs: 0,
};
const trial = (attempt: number, valueDeg: number | null, comps: Compensation[] = []): Trial => ({
  side: 'right',
  direction: 'internal',
  attempt,
  valueDeg,
  confidence: valueDeg === null ? 0 : 0.9,
  neutralDeg: 0,
  startMs: 0,
  endMs: 0,
  valid: valueDeg !== null,
  compensations: comps,
});

describe('attemptChips', () => {
  it('one chip per kept trial, flagged ones marked, with the value rounded', () => {
    const chips = attemptChips([trial(1, 31.6), trial(2, 30.2, [{ ...knee, severity: 'flag' }])]);
    expect(chips.map((c) => [c.text, c.tone])).toEqual([
      ['32°', 'ok'],
      ['30°', 'flag'],
    ]);
    expect(chips[1]!.title).toMatch(/30.2° — The right knee moved/);
  });

  it('folds a run of voided attempts into one chip with its count and reason', () => {
    const many = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((a) => trial(a, null, [knee]));
    const chips = attemptChips([...many, trial(10, 28)]);
    expect(chips).toHaveLength(2);
    expect(chips[0]).toMatchObject({ text: '✕9', tone: 'void' });
    expect(chips[0]!.title).toBe('9 voided attempts: The right knee moved.');
    expect(new Set(chips.map((c) => c.key)).size).toBe(chips.length);
  });

  it('keeps the order: voids between kept trials stay between them', () => {
    const chips = attemptChips([trial(1, null, [knee]), trial(2, 30), trial(3, null), trial(4, 31)]);
    expect(chips.map((c) => c.text)).toEqual(['✕', '30°', '✕', '31°']);
  });
});
