// Builders for protocol results in the feedback tests (data only; nothing here runs in the app).
import type {
  Compensation,
  Direction,
  DirectionResult,
  HipTestId,
  HipTestResult,
  Trial,
} from '../lib/protocols/types';
import type { Side } from '../lib/types';
import type { Finding } from '../lib/feedback/types';
import { isSourceId } from '../lib/sources';
import { drill } from '../lib/feedback/drills';

export interface DirSpec {
  value: number | null;
  confidence?: number;
  reason?: string | null;
  trials?: Trial[];
}
type SideSpec = Partial<Record<Direction, number | null | DirSpec>>;

export function trial(side: Side, direction: Direction, over: Partial<Trial> = {}): Trial {
  return {
    side,
    direction,
    attempt: 1,
    valueDeg: 30,
    confidence: 0.9,
    neutralDeg: 0,
    startMs: 0,
    endMs: 3000,
    valid: true,
    compensations: [],
    ...over,
  };
}

export function compensation(
  kind: Compensation['kind'],
  severity: Compensation['severity'],
  message: string,
): Compensation {
  return {
    kind,
    severity,
    message,
    evidence: {
      label: kind,
      value: 1,
      unit: 'ratio',
      threshold: 0.5,
      comparator: '>',
      source: 'goniocam-engineering',
    },
    tMs: 1000,
  };
}

export function dirResult(side: Side, direction: Direction, spec: number | null | DirSpec): DirectionResult {
  const s: DirSpec = typeof spec === 'object' && spec !== null ? spec : { value: spec };
  return {
    side,
    direction,
    trials: s.trials ?? (s.value === null ? [] : [trial(side, direction, { valueDeg: s.value })]),
    valueDeg: s.value,
    rule: 'median of valid trials',
    confidence: s.confidence ?? 0.9,
    reason: s.reason === undefined ? (s.value === null ? 'no valid trial' : null) : s.reason,
  };
}

export function hipResult(test: HipTestId, sides: Partial<Record<Side, SideSpec>>): HipTestResult {
  const out: Partial<Record<Side, Partial<Record<Direction, DirectionResult>>>> = {};
  for (const side of ['left', 'right'] as const) {
    const spec = sides[side];
    if (!spec) continue;
    const dirs: Partial<Record<Direction, DirectionResult>> = {};
    for (const dir of ['internal', 'external'] as const) {
      const v = spec[dir];
      if (v !== undefined) dirs[dir] = dirResult(side, dir, v);
    }
    out[side] = dirs;
  }
  return { test, method: '2d-hip-line', sides: out, startedMs: 0, endedMs: 60_000 };
}

export const ids = (fs: readonly Finding[]): string[] => fs.map((f) => f.id);
export const byId = (fs: readonly Finding[], id: string): Finding | undefined => fs.find((f) => f.id === id);

/** The invariants every finding must keep; returns the problems found (empty = fine). */
export function findingProblems(f: Finding): string[] {
  const p: string[] = [];
  const words = `${f.title} ${f.text} ${f.evidence.map((e) => e.label).join(' ')}`;
  if (/NaN|undefined|Infinity|\[object/.test(words)) p.push(`${f.id}: bad word in text`);
  if (f.evidence.length === 0) p.push(`${f.id}: no evidence`);
  for (const e of f.evidence) {
    if (!isSourceId(e.source)) p.push(`${f.id}: unknown source ${e.source}`);
    if (!Number.isFinite(e.value) || !Number.isFinite(e.threshold)) p.push(`${f.id}: evidence not finite`);
    const holds =
      e.comparator === '<'
        ? e.value < e.threshold
        : e.comparator === '>'
          ? e.value > e.threshold
          : e.comparator === '≤'
            ? e.value <= e.threshold
            : e.value >= e.threshold;
    if (!holds)
      p.push(`${f.id}: evidence "${e.label}" ${e.value} ${e.comparator} ${e.threshold} does not hold`);
  }
  if (!(f.confidence >= 0 && f.confidence <= 1)) p.push(`${f.id}: confidence ${f.confidence}`);
  for (const d of f.drills) if (!drill(d)) p.push(`${f.id}: unknown drill ${d}`);
  if (f.title.trim() === '' || f.text.trim() === '') p.push(`${f.id}: empty text`);
  return p;
}
