import { describe, expect, it } from 'vitest';
import { hipRecord } from '../../testing/report_fixtures';
import { liftRecord, supineHoldRecord, supineTestRecord } from '../../testing/drill_fixtures';
import { drillSeries, gapsByDay, latestGaps, planFrom } from './drill_progress';
import { restoreDrillRecord } from './drill_record';

const day1 = new Date('2026-11-20T10:00:00Z');
const day2 = new Date('2026-11-27T10:00:00Z');

describe('drill progress', () => {
  // Scripted hip tests: right IR 40°, left IR 28° (supine = passive, seated = active).
  const supine1 = hipRecord('supine', { id: 's1', createdAt: day1 });
  const seated1 = hipRecord('seated', { id: 't1', createdAt: day1 });
  const supine2 = hipRecord('supine', { id: 's2', createdAt: day2 });
  const lift2 = liftRecord('right', [18, 20], { id: 'l2', createdAt: new Date('2026-11-27T10:30:00Z') });

  it('per day and side: the same-day passive and best active, with the verdict', () => {
    const days = gapsByDay([supine1, seated1, supine2], [lift2]);
    expect(days.map((d) => d.day)).toEqual(['2026-11-20', '2026-11-27']);
    const [a, b] = days;
    // Same person in both tests: no clear gap on day 1.
    expect(a!.sides.left.verdict).toBe('no-clear-gap');
    expect(a!.sides.right.verdict).toBe('no-clear-gap');
    // Day 2: passive 40° right, the best lift 20°: a clear gap; no active reading on the left.
    expect(b!.sides.right.verdict).toBe('clear-gap');
    expect(b!.sides.right.active?.from).toBe('seated-lift');
    expect(b!.sides.right.gapDeg).toBeGreaterThan(15);
    expect(b!.sides.left.gapDeg).toBeNull();
    expect(latestGaps(days)?.day).toBe('2026-11-27');
  });
  it('the plan follows the latest gap: active work first on the right', () => {
    const plan = planFrom([supine1, seated1, supine2], [lift2]);
    expect(plan.headline).toBe('Active control first');
    expect(plan.steps[0]).toMatchObject({ drillId: 'seated-ir-lift', side: 'right' });
  });
  it('drill sessions over time, and records that restore', () => {
    const hold = supineHoldRecord('right', 30, 5, { id: 'h1', createdAt: day1 });
    expect(hold.completed).toBe(true);
    const series = drillSeries([hold], 'supine-passive-ir');
    expect(series.right[0]!.amount).toBeGreaterThan(4.8);
    expect(Math.abs(series.right[0]!.value! - 30)).toBeLessThan(3);
    expect(drillSeries([lift2], 'seated-ir-lift').right[0]!.amount).toBe(2);
    for (const r of [hold, lift2])
      expect(restoreDrillRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, record: r });
    const bad = restoreDrillRecord({ ...lift2, side: 'middle' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/side/);
  });
  it('a stored passive test of a chosen range (the e2e seed) reads that range', () => {
    const r = supineTestRecord({ right: 58 }, { id: 'p', createdAt: day2 });
    const days = gapsByDay([r], []);
    expect(Math.abs(days[0]!.sides.right.passive!.valueDeg - 58)).toBeLessThan(3);
    expect(days[0]!.sides.left.passive).toBeNull();
  });
});
