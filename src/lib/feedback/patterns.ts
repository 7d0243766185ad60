// What a combination of readings may mean (the clinical brief's causes, careful wording), the link
// between limited hip internal rotation and a knee that caves in during the squat, and `evaluateAll`,
// which combines every finding in order of importance. Hints, never diagnoses.
import type { Evidence, HipTestId, HipTestResult } from '../protocols/types';
import type { Finding, FindingLevel } from './types';
import { drillsFor } from './drills';
import { SIDES, TEST_NAMES, compare, deg, evDeg, makeFinding } from './format';
import { evaluateHip } from './hip_findings';
import { classifyRotation } from './pattern_rules';
import { NOT_DIAGNOSIS, capSide, valueOf } from './readings';
import { evaluateSquat, fppaOf, type SquatSummaryForFeedback } from './squat_findings';
import {
  FPPA,
  HIR,
  MEASUREMENT_ERROR_DEG,
  NORM_MARGIN_DEG,
  ROTATION_BALANCE_DEG,
  ROTATION_NORMS,
  ROUGH_MAE_DEG,
} from './thresholds';

export type { SquatSummaryForFeedback } from './squat_findings';

/** A sentence for tests whose readings are too rough to lean on for a pattern. */
function roughNote(test: HipTestId): string {
  const mae = MEASUREMENT_ERROR_DEG[test].maeDeg;
  if (mae !== null && mae <= ROUGH_MAE_DEG.value) return '';
  const how = mae === null ? 'is not established yet' : `is only about ±${deg(mae)}`;
  return ` goniocam's accuracy in ${TEST_NAMES[test]} ${how}, so confirm this with the seated test before acting on it.`;
}

/** Pattern hints for one hip test, per side with internal and external rotation measured. */
export function hipPatterns(result: HipTestResult): Finding[] {
  const test = result.test;
  const norm = ROTATION_NORMS[test];
  const m = NORM_MARGIN_DEG;
  const out: Finding[] = [];
  for (const side of SIDES) {
    const ir = valueOf(result, side, 'internal');
    if (!ir?.ok) continue;
    const er = valueOf(result, side, 'external');
    const irLow = ir.valueDeg < HIR.functionalMinDeg.value;
    // Only used when IR is under the functional minimum (the anteversion hint builds its own).
    const irEv = evDeg(
      `${side} internal rotation`,
      ir.valueDeg,
      '<',
      HIR.functionalMinDeg.value,
      HIR.functionalMinDeg.source,
    );
    const where = `your ${side} hip in ${TEST_NAMES[test]}`;
    const id = (kind: string) => `${kind}-${test}-${side}`;
    if (!er?.ok) {
      if (irLow) {
        out.push(
          makeFinding({
            id: id('pattern-needs-er'),
            level: 'info',
            title: `${capSide(side)} hip: measure outward rotation too`,
            text: `To tell a stiff hip from one that is shaped to turn less inward, goniocam also needs the outward turn of ${where}. Run the external-rotation part of the test for this side.`,
            evidence: [irEv],
            confidence: ir.confidence,
          }),
        );
      }
      continue;
    }
    const i = ir.valueDeg;
    const e = er.valueDeg;
    const c = classifyRotation(test, i, e);
    const { erLow, erHigh, arcLow, arcDeg: arc } = c;
    const erMean = norm.erMeanDeg;
    const arcMean = norm.totalArcMeanDeg;
    const confidence = Math.min(ir.confidence, er.confidence);
    const erEv: Evidence[] = [
      evDeg(`${side} external rotation`, e, compare(e, erMean.value), erMean.value, erMean.source),
      evDeg(
        `${side} external rotation: distance from the healthy mean`,
        Math.abs(e - erMean.value),
        erLow || erHigh ? '>' : '≤',
        m.value,
        m.source,
      ),
    ];
    const arcEv: Evidence[] = [
      evDeg(`${side} total rotation`, arc, compare(arc, arcMean.value), arcMean.value, arcMean.source),
      evDeg(
        `${side} total rotation: distance from the healthy mean`,
        Math.abs(arc - arcMean.value),
        arcLow ? '>' : '≤',
        m.value,
        m.source,
      ),
    ];
    const nums = `${deg(i)} inward, ${deg(e)} outward, ${deg(arc)} in total; healthy adults average about ${deg(erMean.value)} outward and ${deg(arcMean.value)} in total ${norm.position}`;
    const rough = roughNote(test);
    const push = (
      kind: string,
      level: FindingLevel,
      title: string,
      text: string,
      evidence: Evidence[],
      drills: string[],
    ) => out.push(makeFinding({ id: id(kind), level, title, text, evidence, confidence, drills }));

    if (c.pattern === 'soft-tissue') {
      push(
        'pattern-soft-tissue',
        'attention',
        `${capSide(side)} hip: looks stiff rather than differently shaped`,
        `${capSide(side)} hip in ${TEST_NAMES[test]}: ${nums}. ` +
          (erLow
            ? 'It is limited turning both inward and outward. '
            : 'Its whole range of turning is smaller than usual, mostly on the inward side. ') +
          `That fits tight soft tissue, such as the muscles that turn the hip outward or the capsule at the back of the joint, more than bone shape, and that kind of limit often improves with regular practice. Start with the passive drills (the 90/90 stretch with the back leg turned in, and the lying passive inward rotation), then straight after do active control (the seated inward-rotation lift and hip circles), and re-test. ${NOT_DIAGNOSIS}${rough}`,
        [irEv, ...(erLow ? erEv : arcEv)],
        drillsFor('pattern-soft-tissue'),
      );
    } else if (c.pattern === 'structural') {
      push(
        'pattern-structural',
        'attention',
        `${capSide(side)} hip: range shifted outward, bone shape possible`,
        `${capSide(side)} hip in ${TEST_NAMES[test]}: ${nums}. It turns inward little but outward ${erHigh ? 'more than usual' : 'much more than inward'}. ${arcLow ? 'Its total range is smaller than usual, but what there is leans outward.' : 'Its total range is about normal, so the range looks shifted outward rather than lost.'} That can come from the shape of the thigh bone, for example femoral retroversion (the neck of the thigh bone angled backward), which exercise cannot change and only imaging can confirm. Set realistic goals: drills can keep the range you have under control, but do not force the inward turn, and stop at any sharp pinch in the groin. If you want to know the cause, or the hip hurts, ask a physiotherapist or doctor to assess it. ${NOT_DIAGNOSIS}${rough}`,
        [
          irEv,
          ...(erHigh
            ? erEv
            : [
                arcEv[1] as Evidence,
                evDeg(
                  `${side} external minus internal rotation`,
                  e - i,
                  '>',
                  ROTATION_BALANCE_DEG.value,
                  ROTATION_BALANCE_DEG.source,
                ),
              ]),
        ],
        drillsFor('pattern-structural'),
      );
    } else if (c.pattern === 'anteversion') {
      push(
        'pattern-anteversion',
        'attention',
        `${capSide(side)} hip: turns in a lot, out little`,
        `${capSide(side)} hip in ${TEST_NAMES[test]}: ${nums}. It turns inward more than usual and outward less. That can come from the shape of the thigh bone, for example femoral anteversion (the neck of the thigh bone angled forward), which exercise does not change. It is not a problem in itself, and stretching inward rotation is not what this hip needs. If the hip hurts or your feet turn in when you walk, ask a physiotherapist or doctor to assess it. ${NOT_DIAGNOSIS}${rough}`,
        [evDeg(`${side} internal rotation`, i, '>', HIR.normHighDeg.value, HIR.normHighDeg.source), ...erEv],
        drillsFor('pattern-anteversion'),
      );
    }
  }
  return out;
}

/** Mean absolute error of a test, Infinity when unknown (for "which test to believe"). */
const errorRank = (test: HipTestId) => MEASUREMENT_ERROR_DEG[test].maeDeg ?? Infinity;

/** Limited HIR on a side together with that knee caving in during the squat: the compensation link. */
export function squatHirLink(hip: readonly HipTestResult[], squat: SquatSummaryForFeedback): Finding[] {
  const out: Finding[] = [];
  const flag = FPPA.valgusFlagDeg;
  for (const side of SIDES) {
    const fppa = fppaOf(squat, side);
    if (fppa === null || fppa <= flag.value) continue;
    const best = hip
      .map((r) => ({ test: r.test, ir: valueOf(r, side, 'internal') }))
      .filter((x) => x.ir?.ok)
      .sort((a, b) => errorRank(a.test) - errorRank(b.test))[0];
    if (!best?.ir?.ok || best.ir.valueDeg >= HIR.functionalMinDeg.value) continue;
    const ir = best.ir.valueDeg;
    out.push(
      makeFinding({
        id: `squat-valgus-with-limited-hir-${side}`,
        level: 'attention',
        title: `${capSide(side)} knee caves in and the ${side} hip turns in little`,
        text: `In the squat your ${side} knee moved inward (knee angle ${deg(fppa)}, above ${deg(flag.value)}), and in ${TEST_NAMES[best.test]} the same hip turned inward only ${deg(ir)}, under ${deg(HIR.functionalMinDeg.value)}. When the hip cannot turn inward enough during a squat, the knee often caves in to make up for it. Work on the hip's inward rotation with the drills listed (passive first, then active), then repeat the squat to see whether the knee tracks straighter. A knee can cave in for other reasons too, so treat this as a link to check, not a certainty. ${NOT_DIAGNOSIS}${roughNote(best.test)}`,
        evidence: [
          evDeg(`${side} knee FPPA (squat)`, fppa, '>', flag.value, flag.source),
          evDeg(
            `${side} internal rotation (${best.test})`,
            ir,
            '<',
            HIR.functionalMinDeg.value,
            HIR.functionalMinDeg.source,
          ),
        ],
        confidence: Math.min(best.ir.confidence, squat.confidence),
        drills: drillsFor('squat-valgus-with-limited-hir'),
      }),
    );
  }
  return out;
}

const LEVEL_RANK: Readonly<Record<FindingLevel, number>> = { flag: 0, attention: 1, info: 2, ok: 3 };
/** Within a level: links and patterns first, then the numbers behind them, then context. */
const KIND_RANK = [
  'squat-valgus-with-limited-hir',
  'pattern-',
  'hir-below-minimum',
  'hir-asymmetry',
  'squat-valgus',
  'squat-fppa-asymmetry',
  'er-asymmetry',
  'hir-',
  'rotation-arc',
  'er-',
  'squat-',
];
const kindRank = (id: string) => {
  const i = KIND_RANK.findIndex((p) => id.startsWith(p));
  return i < 0 ? KIND_RANK.length : i;
};

/** Most important first: level, kind, confidence (higher first), then id for a stable order. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
      kindRank(a.id) - kindRank(b.id) ||
      b.confidence - a.confidence ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Everything goniocam can say about a session. One result per hip test: a later one replaces an earlier. */
export function evaluateAll(input: {
  readonly hip?: readonly HipTestResult[];
  readonly squat?: SquatSummaryForFeedback;
}): Finding[] {
  const latest = new Map<HipTestId, HipTestResult>();
  for (const r of input.hip ?? []) latest.set(r.test, r);
  const hip = [...latest.values()];
  const all = [
    ...hip.flatMap((r) => [...evaluateHip(r), ...hipPatterns(r)]),
    ...(input.squat ? [...evaluateSquat(input.squat), ...squatHirLink(hip, input.squat)] : []),
  ];
  const seen = new Set<string>();
  return orderFindings(all.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true))));
}
