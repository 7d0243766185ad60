// The one place a finished result becomes an Outcome: the result with its findings. The live session,
// recorded video and the CLI all call these, so the findings a screen renders, a report stores and the CLI
// prints are the same list (ARCHITECTURE.md §13). Pure.
import { evaluateAll, orderFindings } from '../feedback/patterns';
import { squatResultFindings, squatSummaryForFeedback } from '../feedback/squat_result_findings';
import type { SquatResult } from '../protocols/squat_types';
import type { HipTestResult } from '../protocols/types';
import type { Side } from '../types';
import type { HipOutcome, SquatOutcome, TotalArc } from './analysis_types';

/** A hip test's findings; with a squat from the same session, the link between the two as well. */
export function hipOutcome(result: HipTestResult, squat: SquatResult | null = null): HipOutcome {
  const findings = evaluateAll({
    hip: [result],
    ...(squat ? { squat: squatSummaryForFeedback(squat) } : {}),
  });
  const arcs: Partial<Record<Side, TotalArc>> = {};
  for (const side of ['left', 'right'] as const) {
    const arc = totalArc(result, side);
    if (arc) arcs[side] = arc;
  }
  return { kind: 'hip', result, findings, arcs };
}

/** Total arc = IR + ER of one hip, when both were measured; its confidence is the weaker of the two. */
export function totalArc(result: HipTestResult, side: Side): TotalArc | null {
  const ir = result.sides[side]?.internal;
  const er = result.sides[side]?.external;
  return ir?.valueDeg != null && er?.valueDeg != null
    ? {
        deg: Math.round((ir.valueDeg + er.valueDeg) * 10) / 10,
        confidence: Math.min(ir.confidence, er.confidence),
      }
    : null;
}

/** A squat set's findings; with a hip test from the same session, the valgus + limited HIR link too. */
export function squatOutcome(result: SquatResult, hip: HipTestResult | null = null): SquatOutcome {
  const all = [
    ...squatResultFindings(result),
    ...evaluateAll({ hip: hip ? [hip] : [], squat: squatSummaryForFeedback(result) }),
  ];
  // One finding per id: both lists hold the knee rules.
  const findings = orderFindings(all.filter((f, i) => all.findIndex((g) => g.id === f.id) === i));
  return { kind: 'squat', result, findings };
}
