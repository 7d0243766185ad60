// The drills beside the tests over time: the active–passive gap per day and side (passive from that day's
// lying 90/90 test, active the best of that day's seated test and seated lifts), each drill's number per
// session, and the plan from the latest results. Days are UTC calendar days of the records' timestamps.
// Pure; the history and drills screens render these.
import { bestActive, sideGap, type IrReading, type SideGap } from '../feedback/active_passive_gap';
import { drillPlan, type DrillPlan } from '../feedback/drill_plan';
import type { DrillId } from '../protocols/drills/drill_types';
import type { Side } from '../types';
import type { DrillRecord } from './drill_record';
import { reportModel } from './report_model';
import type { SessionRecord } from './session_record';

const SIDES: readonly Side[] = ['left', 'right'];
const dayOf = (iso: string) => iso.slice(0, 10);

export interface DayGap {
  readonly day: string;
  readonly sides: Readonly<Record<Side, SideGap>>;
}

interface Dated extends IrReading {
  readonly at: string;
  readonly side: Side;
}

function readings(records: readonly SessionRecord[], drills: readonly DrillRecord[]): Dated[] {
  const out: Dated[] = [];
  for (const r of records) {
    const test = r.context.test;
    if (test !== 'supine' && test !== 'seated') continue;
    for (const row of reportModel(r).values)
      if (row.kind === 'internal-rotation' && row.valueDeg !== null)
        out.push({
          at: r.createdAt,
          side: row.side,
          valueDeg: row.valueDeg,
          confidence: row.confidence,
          from: test === 'supine' ? 'supine-test' : 'seated-test',
        });
  }
  for (const d of drills)
    if (d.summary.kind === 'reps' && d.summary.best.ok)
      out.push({
        at: d.createdAt,
        side: d.side,
        valueDeg: d.summary.best.valueDeg,
        confidence: d.summary.best.confidence,
        from: 'seated-lift',
      });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Per day with any passive or active reading, oldest first: the gap per side (or why there is none). */
export function gapsByDay(records: readonly SessionRecord[], drills: readonly DrillRecord[]): DayGap[] {
  const byDay = new Map<string, Dated[]>();
  for (const x of readings(records, drills)) byDay.set(dayOf(x.at), [...(byDay.get(dayOf(x.at)) ?? []), x]);
  return [...byDay].map(([day, xs]) => {
    const sides = Object.fromEntries(
      SIDES.map((side) => {
        const mine = xs.filter((x) => x.side === side);
        // The day's latest passive test; the best active reading of the day.
        const passive = mine.filter((x) => x.from === 'supine-test').at(-1) ?? null;
        return [side, sideGap(side, passive, bestActive(mine))];
      }),
    ) as Record<Side, SideGap>;
    return { day, sides };
  });
}

/** The most recent day's gaps that show a gap on at least one side; else the most recent day's. */
export function latestGaps(days: readonly DayGap[]): DayGap | null {
  return (
    [...days].reverse().find((d) => SIDES.some((s) => d.sides[s].gapDeg !== null)) ?? days.at(-1) ?? null
  );
}

export interface DrillPoint {
  readonly id: string;
  readonly tMs: number;
  /** The drill's number: the angle held, the best end range, or the mean circle size (thigh lengths). */
  readonly value: number | null;
  readonly unit: '°' | 'thigh lengths';
  readonly confidence: number;
  /** Hold time (s), reps or circles done. */
  readonly amount: number;
  readonly amountUnit: 's' | 'reps' | 'circles';
  readonly reason: string | null;
}

/** One drill's sessions per side over time, oldest first. */
export function drillSeries(drills: readonly DrillRecord[], drill: DrillId): Record<Side, DrillPoint[]> {
  const out: Record<Side, DrillPoint[]> = { left: [], right: [] };
  for (const d of drills) {
    if (d.drill !== drill) continue;
    const s = d.summary;
    const base = { id: d.id, tMs: Date.parse(d.createdAt) };
    if (s.kind === 'hold')
      out[d.side].push({
        ...base,
        value: s.angle.ok ? s.angle.valueDeg : null,
        unit: '°',
        confidence: s.angle.ok ? s.angle.confidence : 0,
        amount: s.heldMs / 1000,
        amountUnit: 's',
        reason: s.angle.ok ? null : s.angle.reason,
      });
    else if (s.kind === 'reps')
      out[d.side].push({
        ...base,
        value: s.best.ok ? s.best.valueDeg : null,
        unit: '°',
        confidence: s.best.ok ? s.best.confidence : 0,
        amount: s.reps.length,
        amountUnit: 'reps',
        reason: s.best.ok ? null : s.best.reason,
      });
    else {
      const n = s.loops.length;
      out[d.side].push({
        ...base,
        value: n ? s.loops.reduce((a, l) => a + l.radiusThighs, 0) / n : null,
        unit: 'thigh lengths',
        confidence: n ? s.loops.reduce((a, l) => a + l.confidence, 0) / n : 0,
        amount: n,
        amountUnit: 'circles',
        reason: n ? null : 'no circle counted',
      });
    }
  }
  for (const s of SIDES) out[s].sort((a, b) => a.tMs - b.tMs);
  return out;
}

/** The plan from the latest hip test's findings and the latest gaps. */
export function planFrom(records: readonly SessionRecord[], drills: readonly DrillRecord[]): DrillPlan {
  const hip = [...records]
    .filter((r) => r.outcome.kind === 'hip')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  const latest = latestGaps(gapsByDay(records, drills));
  const gaps = latest ? SIDES.map((s) => latest.sides[s]) : SIDES.map((s) => sideGap(s, null, null));
  return drillPlan(hip?.outcome.findings ?? [], gaps);
}
