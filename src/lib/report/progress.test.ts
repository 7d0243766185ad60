import { describe, expect, it } from 'vitest';
import { hipRecord, squatRecord } from '../../testing/report_fixtures';
import { groupByClient, latestValues, progressSeries, testsIn } from './progress';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 9));
const a1 = hipRecord('seated', { id: 'a1', client: 'Ana', createdAt: day(3) });
const a2 = hipRecord('seated', { id: 'a2', client: 'Ana', createdAt: day(10) });
const b1 = hipRecord('prone', { id: 'b1', client: 'Ben', createdAt: day(5) });
const own = squatRecord({ id: 's1' });

describe('progress', () => {
  it('follows internal rotation per side over time, oldest first, for one test only', () => {
    const s = progressSeries([a2, b1, a1, own], 'seated');
    expect(s.left.map((p) => p.id)).toEqual(['a1', 'a2']);
    expect(s.right.map((p) => p.id)).toEqual(['a1', 'a2']);
    expect(s.left[0]!.deg).toBeLessThan(35);
    expect(s.right[0]!.deg).toBeGreaterThan(35);
    expect(s.left[0]!.tMs).toBe(day(3).getTime());
  });

  it('follows knee FPPA for the squat', () => {
    const s = progressSeries([own], 'squat');
    expect(s.left[0]!.deg).toBeCloseTo(18, 0);
  });

  it('lists the tests present and groups clients by label, each oldest first', () => {
    expect(testsIn([own, b1, a1])).toEqual(['seated', 'prone', 'squat']);
    const g = groupByClient([a2, b1, own, a1]);
    expect(g.map((x) => x.client)).toEqual(['', 'Ana', 'Ben']);
    expect(g[1]!.records.map((r) => r.id)).toEqual(['a1', 'a2']);
    const latest = latestValues(g[1]!);
    expect(latest.seated?.left?.id).toBe('a2');
    expect(latest.prone).toBeUndefined();
  });
});
