// Progress and grouping over many records: the value each session reported per test and side over time
// (hip tests: internal rotation; squat: knee FPPA), clients grouped by label, and each client's latest
// values side by side. Pure; the charts and tables render these.
import type { TestId } from '../protocols/types';
import type { Side } from '../types';
import { reportModel, type ValueKind } from './report_model';
import type { SessionRecord } from './session_record';

export interface ProgressPoint {
  readonly id: string;
  /** Epoch ms of the session. */
  readonly tMs: number;
  readonly deg: number;
  readonly confidence: number;
}

export type ProgressSeries = Readonly<Record<Side, readonly ProgressPoint[]>>;

/** The value each test is followed by over time. */
export const PROGRESS_KIND: Readonly<Record<TestId, ValueKind>> = {
  seated: 'internal-rotation',
  supine: 'internal-rotation',
  prone: 'internal-rotation',
  squat: 'knee-fppa',
};

/** Per side, the sessions of one test that gave a value, oldest first. */
export function progressSeries(records: readonly SessionRecord[], test: TestId): ProgressSeries {
  const out: Record<Side, ProgressPoint[]> = { left: [], right: [] };
  for (const r of records) {
    if (r.context.test !== test) continue;
    for (const row of reportModel(r).values) {
      if (row.kind !== PROGRESS_KIND[test] || row.valueDeg === null) continue;
      out[row.side].push({
        id: r.id,
        tMs: Date.parse(r.createdAt),
        deg: row.valueDeg,
        confidence: row.confidence,
      });
    }
  }
  for (const s of ['left', 'right'] as const) out[s].sort((a, b) => a.tMs - b.tMs);
  return out;
}

/** The tests present in a list of records, in the app's order. */
export function testsIn(records: readonly SessionRecord[]): TestId[] {
  const present = new Set(records.map((r) => r.context.test));
  return (['seated', 'supine', 'prone', 'squat'] as const).filter((t) => present.has(t));
}

export interface ClientGroup {
  readonly client: string;
  /** Oldest first. */
  readonly records: readonly SessionRecord[];
}

/** Records grouped by client label (case and spacing as written; '' = no label), labels in order. */
export function groupByClient(records: readonly SessionRecord[]): ClientGroup[] {
  const groups = new Map<string, SessionRecord[]>();
  for (const r of records) {
    const key = r.client?.label ?? '';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([client, rs]) => ({ client, records: rs.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }));
}

/** Each client's most recent value per test and side: the side-by-side comparison. */
export function latestValues(
  group: ClientGroup,
): Partial<Record<TestId, Partial<Record<Side, ProgressPoint>>>> {
  const out: Partial<Record<TestId, Partial<Record<Side, ProgressPoint>>>> = {};
  for (const test of testsIn(group.records)) {
    const series = progressSeries(group.records, test);
    for (const side of ['left', 'right'] as const) {
      const last = series[side].at(-1);
      if (last) (out[test] ??= {})[side] = last;
    }
  }
  return out;
}
