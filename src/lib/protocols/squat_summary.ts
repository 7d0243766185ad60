// Reps → mean and spread per leg, depth, trunk lean, and the left/right FPPA difference. Pure.
import type { Side } from '../types';
import { SQUAT_LIMITS } from './squat_limits';
import type { FppaAsymmetry, LegRep, LegSummary, RepValue, SquatRep, Spread } from './squat_types';

/** Mean, sample SD, range and confidence of the values that exist; the commonest reason when none do. */
export function spread(values: readonly RepValue[]): Spread {
  const ok = values.flatMap((v) => (v.ok ? [v] : []));
  if (ok.length === 0) {
    return {
      n: 0,
      mean: null,
      sd: null,
      min: null,
      max: null,
      confidence: 0,
      reason: commonestReason(values),
    };
  }
  const xs = ok.map((v) => v.value);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length < 2 ? null : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  const conf = ok.reduce((a, v) => a + v.confidence, 0) / ok.length;
  return {
    n: ok.length,
    mean,
    sd,
    min: Math.min(...xs),
    max: Math.max(...xs),
    confidence: conf * (ok.length / values.length),
    reason: null,
  };
}

function commonestReason(values: readonly RepValue[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (!v.ok) counts.set(v.reason, (counts.get(v.reason) ?? 0) + 1);
  let best: [string, number] = ['no reps were counted', 0];
  for (const e of counts) if (e[1] > best[1]) best = e;
  return best[0];
}

export function legSummary(reps: readonly SquatRep[], side: Side): LegSummary {
  const of = (key: 'fppaDeg' | 'medialKneeDisplacement' | 'footTurnOutDeg' | 'kneeIn') =>
    spread(
      reps.map(
        (r) =>
          (r.legs[side] as LegRep | undefined)?.[key] ?? { ok: false, reason: `${side} leg not measured` },
      ),
    );
  return {
    fppaDeg: of('fppaDeg'),
    medialKneeDisplacement: of('medialKneeDisplacement'),
    footTurnOutDeg: of('footTurnOutDeg'),
    kneeIn: of('kneeIn'),
  };
}

/** Both knees' mean knee-in across reps (reps from before knee-in existed count as not measured). */
export function kneeInSummary(reps: readonly SquatRep[]): Spread {
  return spread(reps.map((r) => r.kneeIn ?? { ok: false, reason: 'knee-in not measured' }));
}

/**
 * Left − right mean FPPA, when both legs have at least one rep's value. Not for a body turned to the camera
 * (`reps` whose knees shifted the same way past SQUAT_LIMITS.turnedKneeShift): the turn correction takes the knees'
 * common shift out, and half the left/right difference goes with it, so the legs read alike whatever they did.
 */
export function fppaAsymmetry(
  legs: Readonly<Partial<Record<Side, LegSummary>>>,
  reps: readonly SquatRep[] = [],
): FppaAsymmetry {
  const l = legs.left?.fppaDeg;
  const r = legs.right?.fppaDeg;
  if (!l || !r) return { ok: false, reason: 'needs both legs (a double-leg squat)' };
  const turned = reps.filter(
    (x) => x.kneeCommonShift.ok && Math.abs(x.kneeCommonShift.value) > SQUAT_LIMITS.turnedKneeShift.value,
  ).length;
  if (turned > 0)
    return {
      ok: false,
      reason:
        `the body was turned to the camera in ${turned} of ${reps.length} reps: the correction for the turn ` +
        'also takes out half the left/right difference, so it is not measured',
    };
  if (l.mean === null) return { ok: false, reason: `no left FPPA: ${l.reason}` };
  if (r.mean === null) return { ok: false, reason: `no right FPPA: ${r.reason}` };
  return { ok: true, leftMinusRightDeg: l.mean - r.mean, confidence: Math.min(l.confidence, r.confidence) };
}
