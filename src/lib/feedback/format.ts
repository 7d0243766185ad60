// Small text helpers shared by the feedback rules: numbers, sides, test names, the finding builder.
// Every number that reaches a text goes through `deg`, so no text can read "NaN" or "undefined".
import type { Evidence, HipTestId, TestId } from '../protocols/types';
import type { Side } from '../types';
import type { Finding, FindingLevel } from './types';
import { MEASUREMENT_ERROR_DEG } from './thresholds';

export const SIDES: readonly Side[] = ['left', 'right'];

export const otherSide = (side: Side): Side => (side === 'left' ? 'right' : 'left');

/** "34.6°", "35°"; a value that is not a finite number reads "an unknown angle". */
export function deg(x: number): string {
  if (!Number.isFinite(x)) return 'an unknown angle';
  const r = Math.round(x * 10) / 10;
  return `${Number.isInteger(r) ? r.toFixed(0) : r.toFixed(1)}°`;
}

export const TEST_NAMES: Readonly<Record<TestId, string>> = {
  seated: 'the seated test',
  supine: 'the lying-on-your-back (90/90) test',
  prone: 'the lying-face-down test',
  squat: 'the squat',
};

/** One sentence on how far goniocam's readings can be trusted in this test. */
export function errorSentence(test: HipTestId | 'squat'): string {
  const e = MEASUREMENT_ERROR_DEG[test];
  if (e.maeDeg === null || e.p95Deg === null) {
    return `How accurate goniocam is in ${TEST_NAMES[test]} has not been established yet, so treat this reading with care.`;
  }
  return `In ${TEST_NAMES[test]} goniocam's readings are typically off by about ${deg(e.maeDeg)} (95 % within ${deg(e.p95Deg)}).`;
}

export const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** The one way rules build a finding: confidence clamped to 0..1, evidence copied. */
export function makeFinding(f: {
  id: string;
  level: FindingLevel;
  title: string;
  text: string;
  evidence: readonly Evidence[];
  confidence: number;
  drills?: readonly string[];
}): Finding {
  return {
    id: f.id,
    level: f.level,
    title: f.title,
    text: f.text,
    evidence: [...f.evidence],
    confidence: clamp01(f.confidence),
    drills: [...(f.drills ?? [])],
  };
}

/** Drop float noise (13.600000000000001 → 13.6) without moving a value across any real threshold. */
const tidy = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Evidence in degrees. Values keep their precision (rounding to 0.1° could make 34.96 < 35 read "35 < 35"); UIs round. */
export function evDeg(
  label: string,
  value: number,
  comparator: Evidence['comparator'],
  threshold: number,
  source: string,
): Evidence {
  return { label, value: tidy(value), unit: '°', threshold: tidy(threshold), comparator, source };
}

/** The comparator that holds between a value and a threshold (for evidence of "how it compares"). */
export function compare(value: number, threshold: number): Evidence['comparator'] {
  if (value < threshold) return '<';
  if (value > threshold) return '>';
  return '≥';
}

/** Evidence for "no value": fewer than one valid reading (a count, goniocam's own rule). */
export function noReading(label: string): Evidence {
  return { label, value: 0, unit: 'score', threshold: 1, comparator: '<', source: 'goniocam-engineering' };
}
