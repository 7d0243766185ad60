// A simple plan from the latest results: what to do next, in order, and why. Rules from the brief: limited
// inward rotation → the passive drills, then the active lift straight after; a range that looks shifted by
// bone shape → realistic goals, control within the range there is; a clear active–passive gap → active
// work first. Pure.
import type { Side } from '../types';
import type { SideGap } from './active_passive_gap';
import { drill } from './drills';
import type { Finding } from './types';

export interface PlanStep {
  readonly drillId: string;
  readonly name: string;
  readonly side: Side | 'both';
  readonly why: string;
}

export interface DrillPlan {
  readonly headline: string;
  readonly steps: readonly PlanStep[];
  /** Extra words that set goals (bone shape) or say what the plan could not use. */
  readonly notes: readonly string[];
}

const has = (findings: readonly Finding[], kind: string, side: Side) =>
  findings.some((f) => f.id.startsWith(kind) && f.id.endsWith(`-${side}`));

const step = (drillId: string, side: Side | 'both', why: string): PlanStep => ({
  drillId,
  name: drill(drillId)?.name ?? drillId,
  side,
  why,
});

/** The plan for the latest findings (any hip test) and the latest gaps per side. */
export function drillPlan(findings: readonly Finding[], gaps: readonly SideGap[]): DrillPlan {
  const sides: Side[] = ['left', 'right'];
  const structural = sides.filter((s) => has(findings, 'pattern-structural', s));
  const limited = sides.filter(
    (s) =>
      !structural.includes(s) &&
      (has(findings, 'hir-below-minimum', s) ||
        has(findings, 'pattern-soft-tissue', s) ||
        has(findings, 'hir-asymmetry', s)),
  );
  const gapped = gaps.filter((g) => g.verdict === 'clear-gap').map((g) => g.side);
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  for (const s of gapped)
    steps.push(
      step(
        'seated-ir-lift',
        s,
        `A clear gap on the ${s} side: you can be moved further than you can move yourself. Active work first.`,
      ),
      step('hip-cars', s, 'Own the whole range with slow controlled circles.'),
    );
  for (const s of limited) {
    steps.push(
      step(
        'modified-90-90',
        s,
        `Inward rotation is limited on the ${s} side: gain range with a passive stretch.`,
      ),
      step('supine-passive-ir', s, 'A second passive drill for the capsule at the back of the hip.'),
    );
    if (!gapped.includes(s))
      steps.push(
        step('seated-ir-lift', s, 'Straight after the passive drills, so the new range becomes yours.'),
      );
  }
  for (const s of structural) {
    if (!gapped.includes(s))
      steps.push(step('hip-cars', s, `Control the range the ${s} hip has, without forcing it.`));
    notes.push(
      `The ${s} hip's range looks shifted by the shape of the bone: drills will not change that shape. Set a realistic goal (control and comfort in the range you have) and do not force the inward turn.`,
    );
  }
  if (gaps.every((g) => g.verdict === null))
    notes.push(
      'Do the lying 90/90 test and the seated test (or the seated lift) on the same day to see the active–passive gap.',
    );
  if (steps.length === 0) {
    steps.push(
      step('hip-cars', 'both', 'Nothing limited showed up: keep the range with a few slow circles a day.'),
    );
    return { headline: 'Keep what you have', steps, notes };
  }
  const headline =
    gapped.length > 0
      ? 'Active control first'
      : limited.length > 0
        ? 'Passive drills, then the active lift'
        : 'Realistic goals: control the range you have';
  return { headline, steps, notes };
}
