// The squat protocol's result (protocols/squat_types.ts) → the squat findings. The knee rules live in
// squat_findings.ts (FPPA per side vs Herrington 2014, left/right difference); this file maps the
// result onto what they read and adds what only the whole result knows: trunk lean, no counted reps.
import type { SquatResult } from '../protocols/squat_types';
import type { Side } from '../types';
import { deg, evDeg, makeFinding, noReading } from './format';
import { NOT_DIAGNOSIS } from './readings';
import { evaluateSquat, type SquatSummaryForFeedback } from './squat_findings';
import { SQUAT_COMPENSATION } from './thresholds';
import type { Finding } from './types';

/**
 * Per measured leg the mean, over the counted reps, of the FPPA at each rep's deepest measurable point
 * (a rep's peak, averaged over reps as Herrington's protocol averages trials); the reason where a leg
 * has none; the weaker leg's confidence (which already counts reps without a value against it).
 */
export function squatSummaryForFeedback(result: SquatResult): SquatSummaryForFeedback {
  const fppaDeg: Partial<Record<Side, number>> = {};
  const reason: Partial<Record<Side, string>> = {};
  const confidences: number[] = [];
  for (const [side, leg] of Object.entries(result.legs) as [Side, NonNullable<SquatResult['legs'][Side]>][]) {
    const s = leg.fppaDeg;
    if (s.mean !== null && Number.isFinite(s.mean)) {
      fppaDeg[side] = s.mean;
      confidences.push(s.confidence);
    } else reason[side] = s.reason ?? 'no rep gave a value';
  }
  return { fppaDeg, confidence: confidences.length ? Math.min(...confidences) : 0, reason };
}

/** All findings for a squat result. */
export function squatResultFindings(result: SquatResult): Finding[] {
  if (result.reps.length === 0) return [noReps(result)];
  const measured = Object.keys(result.legs);
  // A single-leg squat tests one leg: no "missing" finding for the leg that was not asked for.
  const knees = evaluateSquat(squatSummaryForFeedback(result)).filter(
    (f) => !/^squat-fppa-missing-/.test(f.id) || measured.some((s) => f.id.endsWith(`-${s}`)),
  );
  return [...knees, ...trunkLean(result)];
}

function noReps(result: SquatResult): Finding {
  const d = result.discarded;
  const why =
    d.tooShallow + d.tooFast + d.lost > 0
      ? `${d.tooShallow} too shallow, ${d.tooFast} too quick, ${d.lost} with you out of view`
      : 'none was finished';
  return makeFinding({
    id: 'squat-no-reps',
    level: 'info',
    title: 'No squat was counted',
    text: `goniocam counted no complete squat (${why}), so it has nothing to say about your knees yet. Stand facing the camera with your whole body in view, then squat down slowly and come all the way back up.`,
    evidence: [noReading('counted squat reps')],
    confidence: 1,
  });
}

function trunkLean(result: SquatResult): Finding[] {
  const s = result.trunkLeanDeg;
  if (s.mean === null || !Number.isFinite(s.mean)) return [];
  const limit = SQUAT_COMPENSATION.trunkLateralLeanDeg;
  const lean = Math.abs(s.mean);
  const toward = s.mean > 0 ? 'left' : 'right';
  const label = 'sideways trunk lean at the bottom (mean of reps)';
  if (lean <= limit.value) {
    return [
      makeFinding({
        id: 'squat-trunk-upright',
        level: 'ok',
        title: 'Upper body stays upright sideways',
        text: `At the bottom of your squats your upper body leaned ${deg(lean)} sideways on average, not more than ${deg(limit.value)}.`,
        evidence: [evDeg(label, lean, '≤', limit.value, limit.source)],
        confidence: s.confidence,
      }),
    ];
  }
  return [
    makeFinding({
      id: 'squat-trunk-lean',
      level: 'attention',
      title: `Upper body leans toward the ${toward} in the squat`,
      text:
        `At the bottom of your squats your upper body leaned on average ${deg(lean)} toward your ${toward} side (${s.n} of ${result.reps.length} reps measured). ` +
        `Leaning sideways can be a way of taking load off one leg, or of making up for a hip that does not move freely; it is worth watching. ` +
        `Try a few squats keeping your chest square to the camera. ${deg(limit.value)} is goniocam's own limit for calling it out, not a clinical cut-off. ${NOT_DIAGNOSIS}`,
      evidence: [evDeg(label, lean, '>', limit.value, limit.source)],
      confidence: s.confidence,
    }),
  ];
}
