// Findings for one hip test result, per side: internal rotation against the healthy band and the 35°
// functional minimum, external rotation and the total arc when measured, left/right differences, and a
// plain reason wherever a value is missing. Screening language, never a diagnosis.
import type { DirectionResult, HipTestId, HipTestResult } from '../protocols/types';
import type { Side } from '../types';
import type { Finding } from './types';
import { evaluateAsymmetry } from './asymmetry';
import { drillsFor } from './drills';
import {
  SIDES,
  TEST_NAMES,
  compare,
  deg,
  errorSentence,
  evDeg,
  makeFinding,
  noReading,
  otherSide,
} from './format';
import { classifyRotation } from './pattern_rules';
import { NOT_DIAGNOSIS, PAIN, capSide, flaggedNote, readDirection } from './readings';
import { HIR, NORM_MARGIN_DEG, ROTATION_NORMS } from './thresholds';

function irFinding(
  test: HipTestId,
  side: Side,
  dr: DirectionResult | undefined,
  erDr: DirectionResult | undefined,
): Finding {
  const r = readDirection(dr);
  const where = `${side} hip in ${TEST_NAMES[test]}`;
  if (r === null || !r.ok) {
    const why = r === null ? 'this direction was not tested' : r.why;
    return makeFinding({
      id: `hir-missing-${test}-${side}`,
      level: 'info',
      title: `${capSide(side)} hip: inward rotation not measured`,
      text: `goniocam has no inward-rotation reading for your ${where}: ${why}. Repeat the test when you can; until then this side cannot be judged or compared with the other.`,
      evidence: [noReading('valid readings')],
      confidence: r?.confidence ?? 0,
    });
  }
  const v = r.valueDeg;
  const min = HIR.functionalMinDeg;
  const lo = HIR.normLowDeg;
  const hi = HIR.normHighDeg;
  const note = `${errorSentence(test)}${flaggedNote(dr)}`;
  if (v < min.value) {
    const below = v < lo.value;
    // A range that looks shifted by bone shape should not be stretched: only controlled active work.
    const er = readDirection(erDr);
    const shifted = er?.ok === true && classifyRotation(test, v, er.valueDeg).pattern === 'structural';
    const todo = shifted
      ? 'Your outward turn suggests the range may be shifted by the shape of the bone (see the note on hip shape), so forcing the inward turn is unlikely to help; the controlled hip circles keep the range you have.'
      : 'The drills listed can help: passive ones first, then active control right after. Re-test after a period of regular practice.';
    return makeFinding({
      id: `hir-below-minimum-${test}-${side}`,
      level: 'flag',
      title: `${capSide(side)} hip: inward rotation below ${deg(min.value)}`,
      text:
        `Your ${where} turned inward ${deg(v)}. ` +
        (below
          ? `That is below the healthy range of ${deg(lo.value)}–${deg(hi.value)} and under the ${deg(min.value)} many everyday movements need. `
          : `That is inside the broad healthy range of ${deg(lo.value)}–${deg(hi.value)} but under the ${deg(min.value)} many everyday movements need. `) +
        `When the hip cannot turn inward enough, the knee or lower back often make up for it. ${todo} ${note} ${NOT_DIAGNOSIS} ${PAIN}`,
      evidence: [
        evDeg(`${side} internal rotation`, v, '<', min.value, min.source),
        ...(below ? [evDeg(`${side} internal rotation`, v, '<', lo.value, lo.source)] : []),
      ],
      confidence: r.confidence,
      drills: drillsFor(shifted ? 'pattern-structural' : 'hir-below-minimum'),
    });
  }
  if (v > hi.value) {
    return makeFinding({
      id: `hir-above-range-${test}-${side}`,
      level: 'info',
      title: `${capSide(side)} hip: inward rotation above the usual range`,
      text: `Your ${where} turned inward ${deg(v)}, more than the usual ${deg(lo.value)}–${deg(hi.value)}. That is not a problem by itself; some hips are simply built to turn inward further. If its outward turn is low, see the note on hip shape. ${note}`,
      evidence: [evDeg(`${side} internal rotation`, v, '>', hi.value, hi.source)],
      confidence: r.confidence,
    });
  }
  return makeFinding({
    id: `hir-in-range-${test}-${side}`,
    level: 'ok',
    title: `${capSide(side)} hip: inward rotation ${deg(v)}, in the healthy range`,
    text: `Your ${where} turned inward ${deg(v)}: within the healthy range of ${deg(lo.value)}–${deg(hi.value)} and at or above the ${deg(min.value)} many everyday movements need. ${note}`,
    evidence: [
      evDeg(`${side} internal rotation`, v, '≥', min.value, min.source),
      evDeg(`${side} internal rotation`, v, '≤', hi.value, hi.source),
    ],
    confidence: r.confidence,
  });
}

/** Where a value sits against a healthy mean: the comparison and, if beyond the margin, the margin. */
function againstMean(label: string, v: number, mean: { value: number; source: string }) {
  const diff = v - mean.value;
  const m = NORM_MARGIN_DEG;
  const state: 'low' | 'typical' | 'high' = diff < -m.value ? 'low' : diff > m.value ? 'high' : 'typical';
  const evidence = [evDeg(label, v, compare(v, mean.value), mean.value, mean.source)];
  if (state !== 'typical') {
    evidence.push(evDeg(`${label}: distance from the healthy mean`, Math.abs(diff), '>', m.value, m.source));
  } else {
    evidence.push(evDeg(`${label}: distance from the healthy mean`, Math.abs(diff), '≤', m.value, m.source));
  }
  return { state, evidence };
}

const STATE_WORDS = { low: 'on the low side', typical: 'about typical', high: 'on the high side' } as const;

function erFindings(test: HipTestId, side: Side, dirs: HipTestResult['sides'][Side]): Finding[] {
  const dr = dirs?.external;
  if (!dr) return [];
  const r = readDirection(dr);
  const norm = ROTATION_NORMS[test];
  const where = `${side} hip in ${TEST_NAMES[test]}`;
  if (r === null || !r.ok) {
    return [
      makeFinding({
        id: `er-missing-${test}-${side}`,
        level: 'info',
        title: `${capSide(side)} hip: outward rotation not measured`,
        text: `goniocam has no outward-rotation reading for your ${where}: ${r?.ok === false ? r.why : 'not tested'}. Without it, goniocam cannot tell what may be behind a limited inward turn.`,
        evidence: [noReading('valid readings')],
        confidence: r?.confidence ?? 0,
      }),
    ];
  }
  const er = r.valueDeg;
  const a = againstMean(`${side} external rotation`, er, norm.erMeanDeg);
  const out = [
    makeFinding({
      id: `er-reading-${test}-${side}`,
      level: 'info',
      title: `${capSide(side)} hip: outward rotation ${deg(er)}`,
      text: `Your ${where} turned outward ${deg(er)}. Healthy adults average about ${deg(norm.erMeanDeg.value)} ${norm.position}, so this is ${STATE_WORDS[a.state]}. ${errorSentence(test)}`,
      evidence: a.evidence,
      confidence: r.confidence,
    }),
  ];
  const ir = readDirection(dirs?.internal);
  if (ir?.ok) {
    const arc = ir.valueDeg + er;
    const b = againstMean(`${side} total rotation (inward + outward)`, arc, norm.totalArcMeanDeg);
    out.push(
      makeFinding({
        id: `rotation-arc-${test}-${side}`,
        level: 'info',
        title: `${capSide(side)} hip: total rotation ${deg(arc)}`,
        text: `In total your ${where} turned through ${deg(arc)} (${deg(ir.valueDeg)} inward + ${deg(er)} outward). Healthy adults average about ${deg(norm.totalArcMeanDeg.value)} ${norm.position}, so the total is ${STATE_WORDS[b.state]}.`,
        evidence: b.evidence,
        confidence: Math.min(ir.confidence, r.confidence),
      }),
    );
  }
  return out;
}

/** All findings for one hip test: per side IR (and ER, arc when measured), then left/right differences. */
export function evaluateHip(result: HipTestResult): Finding[] {
  const out: Finding[] = [];
  for (const side of SIDES) {
    const dirs = result.sides[side];
    if (!dirs || (!dirs.internal && !dirs.external)) {
      out.push(
        makeFinding({
          id: `side-not-tested-${result.test}-${side}`,
          level: 'info',
          title: `${capSide(side)} hip not tested`,
          text: `Your ${side} hip was not tested in ${TEST_NAMES[result.test]}, so goniocam cannot judge it or compare it with the ${otherSide(side)} side. Run the test for that side when you can.`,
          evidence: [noReading(`${side} side readings`)],
          confidence: 1,
        }),
      );
      continue;
    }
    out.push(irFinding(result.test, side, dirs.internal, dirs.external));
    out.push(...erFindings(result.test, side, dirs));
  }
  out.push(...evaluateAsymmetry(result, 'internal'), ...evaluateAsymmetry(result, 'external'));
  return out;
}
