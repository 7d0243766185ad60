// Left/right comparison for one hip test and direction: flagged only when the difference exceeds BOTH the
// clinical 10° (Ellison et al. 1990) and goniocam's own error for a difference of two readings in that test.
import type { Direction, HipTestResult } from '../protocols/types';
import type { Side } from '../types';
import type { Finding } from './types';
import { drillsFor } from './drills';
import { TEST_NAMES, deg, evDeg, makeFinding, otherSide } from './format';
import { NOT_DIAGNOSIS, capSide, WORD, valueOf } from './readings';
import { ASYMMETRY, asymmetryLimitDeg, differenceErrorDeg } from './thresholds';

/** The left/right finding for one direction; empty when either side has no value. */
export function evaluateAsymmetry(result: HipTestResult, dir: Direction): Finding[] {
  const test = result.test;
  const l = valueOf(result, 'left', dir);
  const r = valueOf(result, 'right', dir);
  if (!l?.ok || !r?.ok) return [];
  const diff = Math.abs(l.valueDeg - r.valueDeg);
  const lower: Side = l.valueDeg < r.valueDeg ? 'left' : 'right';
  const lowV = Math.min(l.valueDeg, r.valueDeg);
  const highV = Math.max(l.valueDeg, r.valueDeg);
  const kind = dir === 'internal' ? 'hir' : 'er';
  const what = `turning ${WORD[dir]}`;
  const clinical = ASYMMETRY.clinicalDeg;
  const limit = asymmetryLimitDeg(test);
  const errDiff = differenceErrorDeg(test);
  const confidence = Math.min(l.confidence, r.confidence);
  const label = `left/right difference, ${dir} rotation`;
  const vs = `(${lower} ${deg(lowV)}, ${otherSide(lower)} ${deg(highV)})`;
  if (diff <= clinical.value) {
    return [
      makeFinding({
        id: `${kind}-symmetric-${test}`,
        level: 'ok',
        title: `Both hips alike ${what}`,
        text: `Your two hips differ by ${deg(diff)} ${what} in ${TEST_NAMES[test]} ${vs}, within the ${deg(clinical.value)} that counts as equal.`,
        evidence: [evDeg(label, diff, '≤', clinical.value, clinical.source)],
        confidence,
      }),
    ];
  }
  if (limit === null || errDiff === null || diff <= limit) {
    const because =
      errDiff === null
        ? `goniocam's accuracy in ${TEST_NAMES[test]} is not established yet, so it cannot say whether this is real`
        : `goniocam's readings of two sides in ${TEST_NAMES[test]} can differ by up to about ${deg(errDiff)} on their own, so this may be measurement error`;
    return [
      makeFinding({
        id: `${kind}-asymmetry-uncertain-${test}`,
        level: 'info',
        title: `Possible left/right difference ${what}`,
        text: `Your ${lower} hip measured ${deg(diff)} less ${what} than your ${otherSide(lower)} hip ${vs}. That is more than ${deg(clinical.value)}, but ${because}. Re-test both sides, ideally in the seated test.`,
        evidence: [
          evDeg(label, diff, '>', clinical.value, clinical.source),
          ...(errDiff === null ? [] : [evDeg(label, diff, '≤', errDiff, 'goniocam-accuracy')]),
        ],
        confidence,
      }),
    ];
  }
  return [
    makeFinding({
      id: `${kind}-asymmetry-${test}`,
      level: 'flag',
      title: `${capSide(lower)} hip turns ${WORD[dir]} less than the ${otherSide(lower)}`,
      text: `Your ${lower} hip turned ${deg(diff)} less ${WORD[dir]} than your ${otherSide(lower)} hip in ${TEST_NAMES[test]} ${vs}. That is more than ${deg(clinical.value)} and more than goniocam's error for comparing two sides in this test (about ${deg(errDiff)}). A one-sided difference is worth attention: ${dir === 'internal' ? `work on the ${lower} hip with the drills listed and re-test` : 're-test, and note which side feels stiffer'}. If it stays, or that side hurts, have a physiotherapist or doctor assess it. ${NOT_DIAGNOSIS}`,
      evidence: [
        evDeg(label, diff, '>', clinical.value, clinical.source),
        evDeg(label, diff, '>', errDiff, 'goniocam-accuracy'),
      ],
      confidence,
      drills: dir === 'internal' ? drillsFor('hir-asymmetry') : [],
    }),
  ];
}
