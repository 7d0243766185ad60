// The one place a finished result becomes an Outcome: the result with its findings. The live session,
// recorded video and the CLI all call these, so the findings a screen renders, a report stores and the CLI
// prints are the same list (ARCHITECTURE.md §13). Pure.
import { evaluateAll, orderFindings } from '../feedback/patterns';
import { squatResultFindings, squatSummaryForFeedback } from '../feedback/squat_result_findings';
import type { SquatResult } from '../protocols/squat_types';
import type { HipTestResult } from '../protocols/types';
import type { HipOutcome, SquatOutcome } from './analysis_types';

/** A hip test's findings; with a squat from the same session, the link between the two as well. */
export function hipOutcome(result: HipTestResult, squat: SquatResult | null = null): HipOutcome {
  const findings = evaluateAll({
    hip: [result],
    ...(squat ? { squat: squatSummaryForFeedback(squat) } : {}),
  });
  return { kind: 'hip', result, findings };
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
