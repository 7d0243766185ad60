// Findings for the squat screen: knee FPPA per side against the single-leg-squat reference (Herrington
// 2014) and the left/right difference. The squat protocol's result is mapped to `SquatSummaryForFeedback`.
import type { Side } from '../types';
import type { Finding } from './types';
import { SIDES, TEST_NAMES, deg, errorSentence, evDeg, makeFinding, noReading, otherSide } from './format';
import { NOT_DIAGNOSIS, capSide } from './readings';
import { FPPA, differenceErrorDeg, fppaAsymmetryLimitDeg } from './thresholds';

/** What feedback needs from a squat result: the peak knee FPPA per side (degrees, + = knee inward). */
export interface SquatSummaryForFeedback {
  readonly fppaDeg: Readonly<Partial<Record<Side, number>>>;
  /** 0..1 for the whole squat result. */
  readonly confidence: number;
  /** Why a side has no value, when known. */
  readonly reason?: Readonly<Partial<Record<Side, string>>>;
}

/** The FPPA of one side, or null when missing or not a number. */
export function fppaOf(squat: SquatSummaryForFeedback, side: Side): number | null {
  const v = squat.fppaDeg[side];
  return v !== undefined && Number.isFinite(v) ? v : null;
}

const REFERENCE = `For comparison, women without knee pain averaged about ${deg(FPPA.singleLegSquatHealthyMeanDeg.value)} in a single-leg squat (spread about ${deg(FPPA.singleLegSquatHealthySdDeg.value)}), and men usually show less; treat these numbers as a rough guide for other squats.`;

function sideFinding(squat: SquatSummaryForFeedback, side: Side): Finding {
  const v = fppaOf(squat, side);
  const flag = FPPA.valgusFlagDeg;
  if (v === null) {
    const why = squat.reason?.[side]?.trim() || 'no usable frame of that knee';
    return makeFinding({
      id: `squat-fppa-missing-${side}`,
      level: 'info',
      title: `${capSide(side)} knee: squat angle not measured`,
      text: `goniocam has no knee angle for your ${side} leg in the squat: ${why}. Repeat the squat facing the camera with both legs in view.`,
      evidence: [noReading(`${side} knee FPPA readings`)],
      confidence: squat.confidence,
    });
  }
  if (v > flag.value) {
    const pfp = FPPA.singleLegSquatPfpMeanDeg;
    const nearPfp = v >= pfp.value;
    return makeFinding({
      id: `squat-valgus-${side}`,
      level: 'flag',
      title: `${capSide(side)} knee moves inward in the squat`,
      text:
        `In the squat your ${side} knee moved inward: its angle (FPPA) reached ${deg(v)}, above ${deg(flag.value)}, one spread above the average of people without knee pain. ${REFERENCE} ` +
        (nearPfp
          ? `Your value is as high as the average (${deg(pfp.value)}) seen in women with pain at the front of the knee. `
          : '') +
        `A knee that caves in can come from the hip not turning inward enough, among other causes: if you have not done the hip tests, do them. ${errorSentence('squat')} ${NOT_DIAGNOSIS} If your knee hurts, have a physiotherapist or doctor look at it.`,
      evidence: [
        evDeg(`${side} knee FPPA`, v, '>', flag.value, flag.source),
        ...(nearPfp ? [evDeg(`${side} knee FPPA`, v, '≥', pfp.value, pfp.source)] : []),
      ],
      confidence: squat.confidence,
    });
  }
  return makeFinding({
    id: `squat-fppa-ok-${side}`,
    level: 'ok',
    title: `${capSide(side)} knee tracks well in the squat`,
    text: `Your ${side} knee's angle (FPPA) in the squat was ${deg(v)}, not above ${deg(flag.value)}. ${REFERENCE}`,
    evidence: [evDeg(`${side} knee FPPA`, v, '≤', flag.value, flag.source)],
    confidence: squat.confidence,
  });
}

function asymmetry(squat: SquatSummaryForFeedback): Finding[] {
  const l = fppaOf(squat, 'left');
  const r = fppaOf(squat, 'right');
  if (l === null || r === null) return [];
  const diff = Math.abs(l - r);
  const limit = fppaAsymmetryLimitDeg();
  const errDiff = differenceErrorDeg('squat');
  const label = 'left/right difference, knee FPPA';
  if (diff <= limit) return [];
  const more: Side = l > r ? 'left' : 'right';
  return [
    makeFinding({
      id: 'squat-fppa-asymmetry',
      level: 'attention',
      title: `${capSide(more)} knee moves inward more than the ${otherSide(more)}`,
      text: `In ${TEST_NAMES.squat} your ${more} knee moved inward ${deg(diff)} more than your ${otherSide(more)} knee (${deg(Math.max(l, r))} vs ${deg(Math.min(l, r))}). In people without knee problems the two knees usually show about the same angle, and this difference is larger than what repeat video measurements differ by (${deg(limit)}). Check the ${more} hip in the hip tests and repeat the squat. ${NOT_DIAGNOSIS}`,
      evidence: [
        evDeg(label, diff, '>', FPPA.asymmetryDeg.value, FPPA.asymmetryDeg.source),
        ...(errDiff === null ? [] : [evDeg(label, diff, '>', errDiff, 'goniocam-accuracy')]),
      ],
      confidence: squat.confidence,
    }),
  ];
}

/** All squat findings: per side, then the left/right difference. */
export function evaluateSquat(squat: SquatSummaryForFeedback): Finding[] {
  return [...SIDES.map((s) => sideFinding(squat, s)), ...asymmetry(squat)];
}
