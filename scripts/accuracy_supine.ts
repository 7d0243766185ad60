// npx tsx scripts/accuracy_supine.ts --set DIR --poses FILE.json [--set DIR2 --poses FILE2.json …] [--model movenet-thunder]
// Supine overhead on poses saved by scripts/accuracy_poses.ts, scored with the app's own measureStill: per set, with
// and without hands on the leg (rig cases with `handsOnLeg`, generate.mjs --hands-on-leg), and per body — MAE, P95,
// max and mean signed error of measured proper views, proper views refused (with the reasons) and wrong views
// (supine-foot-end) measured. Markdown tables, for docs/accuracy.md.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureStill } from '../src/lib/pipeline/measure_still';
import type { Pose, Side } from '../src/lib/types';

interface Case {
  id: string;
  test: string;
  side: Side;
  body?: { id: string };
  handsOnLeg?: unknown;
  expectMeasurable: boolean;
  truth: { hipRotationDeg: number | null };
}
interface Row {
  c: Case;
  set: string;
  value: number | null;
  reason: string | null;
}

const { values } = parseArgs({
  options: {
    set: { type: 'string', multiple: true },
    poses: { type: 'string', multiple: true },
    model: { type: 'string', default: 'movenet-thunder' },
  },
});
const sets = values.set ?? [];
const poses = values.poses ?? [];
if (!sets.length || sets.length !== poses.length)
  throw new Error('usage: --set DIR --poses FILE.json [--set DIR2 --poses FILE2.json …]');

const rows: Row[] = sets.flatMap((dir, k) => {
  const m = JSON.parse(readFileSync(join(resolve(dir), 'manifest.json'), 'utf8')) as { cases: Case[] };
  const saved = (
    JSON.parse(readFileSync(poses[k]!, 'utf8')) as {
      poses: Record<string, Record<string, { pose: Pose | null }>>;
    }
  ).poses;
  return m.cases
    .filter((c) => c.test === 'supine')
    .map((c) => {
      const byModel = saved[c.id] ?? {};
      const pose = (byModel[values.model!] ?? Object.values(byModel)[0])?.pose ?? null;
      const r = measureStill(pose, 'supine', c.side);
      return { c, set: dir, value: r.measurable ? r.hipRotationDeg : null, reason: r.reason };
    });
});

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]! : NaN;
};
const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

function line(label: string, rs: Row[]): string {
  const proper = rs.filter((r) => r.c.expectMeasurable);
  const wrong = rs.filter((r) => !r.c.expectMeasurable);
  const signed = proper.filter((r) => r.value !== null).map((r) => r.value! - r.c.truth.hipRotationDeg!);
  const abs = signed.map(Math.abs);
  const refused = proper.length - signed.length;
  return (
    `| ${label} | ${proper.length} | ${signed.length} | ${f(mean(abs))} | ${f(pct(abs, 0.95))} | ${f(Math.max(...abs))} | ` +
    `${f(mean(signed))} | ${refused}/${proper.length} (${proper.length ? Math.round((100 * refused) / proper.length) : 0} %) | ` +
    `${wrong.filter((r) => r.value !== null).length}/${wrong.length} |`
  );
}
const HEAD =
  '| {} | proper views | measured | MAE ° | P95 ° | max ° | mean signed ° | refused, should measure | measured, should refuse |\n|---|---|---|---|---|---|---|---|---|';
const hands = (r: Row) => r.c.handsOnLeg !== undefined;

console.log(`supine overhead (${values.model}), the app's measureStill\n`);
console.log(HEAD.replace('{}', 'set'));
for (const s of sets)
  console.log(
    line(
      s,
      rows.filter((r) => r.set === s),
    ),
  );
console.log(
  line(
    'no hands',
    rows.filter((r) => !hands(r)),
  ),
);
console.log(line('hands on the leg', rows.filter(hands)));
console.log(line('all', rows));
for (const [label, pick] of [
  ['no hands', (r: Row) => !hands(r)],
  ['hands on the leg', hands],
] as const) {
  const part = rows.filter(pick);
  if (!part.length) continue;
  console.log(`\nper body, ${label}\n`);
  console.log(HEAD.replace('{}', 'body'));
  for (const b of [...new Set(part.map((r) => r.c.body?.id ?? '-'))].sort())
    console.log(
      line(
        b,
        part.filter((r) => (r.c.body?.id ?? '-') === b),
      ),
    );
  const reasons: Record<string, number> = {};
  for (const r of part.filter((x) => x.c.expectMeasurable && x.value === null)) {
    const k = r.reason!.replace(/ \(score [0-9.]+\)/, '').replace(/ \(\d+ px for a \d+ px trunk\)/, '');
    reasons[k] = (reasons[k] ?? 0) + 1;
  }
  console.log(
    `\nrefusals of proper views (${label}): ` +
      Object.entries(reasons)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${n}× "${k}"`)
        .join('; '),
  );
  const wrongMeasured = part.filter((r) => !r.c.expectMeasurable && r.value !== null);
  if (wrongMeasured.length)
    console.log(
      `wrong views measured (${label}): ${wrongMeasured.map((r) => `${r.c.id} → ${r.value}°`).join('; ')}`,
    );
}
