// Which rotation pattern a hip's readings fit (the clinical brief's causes), as one pure rule shared by
// the pattern hints (patterns.ts) and the drill choice of the internal-rotation finding (hip_findings.ts).
import type { HipTestId } from '../protocols/types';
import { HIR, NORM_MARGIN_DEG, ROTATION_BALANCE_DEG, ROTATION_NORMS } from './thresholds';

export type RotationPattern =
  /** IR limited with ER limited, or a reduced total arc: tight soft tissue / posterior capsule fits. */
  | 'soft-tissue'
  /** IR limited while ER is high, or the arc is normal but leans outward: bone shape (retroversion) possible. */
  | 'structural'
  /** IR above the band with ER low: femoral anteversion possible. */
  | 'anteversion';

export interface RotationClass {
  readonly pattern: RotationPattern | null;
  readonly irLow: boolean;
  readonly erLow: boolean;
  readonly erHigh: boolean;
  readonly arcLow: boolean;
  /** ER exceeds IR by more than the balance tolerance. */
  readonly erLeads: boolean;
  readonly arcDeg: number;
}

/**
 * IR < 35° and
 *   ER low                          → soft tissue ("limited both ways")
 *   ER high, or arc normal + ER > IR + 10° → structural (range shifted outward)
 *   arc low (ER typical)            → soft tissue (range lost, mostly inward)
 *   otherwise                       → none (mildly low IR, balanced normal arc)
 * IR > 45° and ER low               → anteversion.
 * "Low/high/normal" = more than NORM_MARGIN_DEG from the healthy mean of this test position.
 */
export function classifyRotation(test: HipTestId, irDeg: number, erDeg: number): RotationClass {
  const norm = ROTATION_NORMS[test];
  const m = NORM_MARGIN_DEG.value;
  const arcDeg = irDeg + erDeg;
  const irLow = irDeg < HIR.functionalMinDeg.value;
  const erLow = erDeg < norm.erMeanDeg.value - m;
  const erHigh = erDeg > norm.erMeanDeg.value + m;
  const arcLow = arcDeg < norm.totalArcMeanDeg.value - m;
  const erLeads = erDeg - irDeg > ROTATION_BALANCE_DEG.value;
  let pattern: RotationPattern | null = null;
  if (irLow && erLow) pattern = 'soft-tissue';
  else if (irLow && (erHigh || (!arcLow && erLeads))) pattern = 'structural';
  else if (irLow && arcLow) pattern = 'soft-tissue';
  else if (irDeg > HIR.normHighDeg.value && erLow) pattern = 'anteversion';
  return { pattern, irLow, erLow, erHigh, arcLow, erLeads, arcDeg };
}
