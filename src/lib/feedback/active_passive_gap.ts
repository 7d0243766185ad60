// The active–passive gap for one hip: how much of the inward rotation a hand (or gravity) can reach is not
// yet under the person's own control. Passive = the supine 90/90 test (the leg guided to end range); active =
// the seated test, or the best end range of the seated lift drill, from the same day. The gap is only called a
// gap when it is larger than the two readings can be off together: each reading's P95 error (thresholds.ts
// MEASUREMENT_ERROR_DEG), combined as independent errors (√(a² + b²)), as for left/right differences. Pure.
import type { Side } from '../types';
import { readingErrorDeg } from './thresholds';

export type IrSource = 'supine-test' | 'seated-test' | 'seated-lift';

export interface IrReading {
  readonly valueDeg: number;
  readonly confidence: number;
  readonly from: IrSource;
}

export type GapVerdict = 'clear-gap' | 'no-clear-gap' | 'active-above-passive';

export interface SideGap {
  readonly side: Side;
  readonly passive: IrReading | null;
  readonly active: IrReading | null;
  /** passive − active, degrees; null with `reason` when one side of it is missing. */
  readonly gapDeg: number | null;
  /** What the gap can be off by (95 %): the two readings' errors combined. */
  readonly errorDeg: number | null;
  readonly verdict: GapVerdict | null;
  readonly confidence: number;
  /** Plain words: the numbers, the verdict, what to do. */
  readonly message: string;
  readonly reason: string | null;
}

const TEST_OF: Record<IrSource, 'supine' | 'seated'> = {
  'supine-test': 'supine',
  'seated-test': 'seated',
  'seated-lift': 'seated',
};

export const SOURCE_NAMES: Record<IrSource, string> = {
  'supine-test': 'lying 90/90 test (passive)',
  'seated-test': 'seated test (active)',
  'seated-lift': 'best seated lift (active)',
};

const d = (x: number) => `${Math.round(x)}°`;

/** The higher active reading of the day: the most range the person showed they can control. */
export function bestActive(readings: readonly IrReading[]): IrReading | null {
  const a = readings.filter((r) => r.from !== 'supine-test');
  return a.length ? a.reduce((x, y) => (y.valueDeg > x.valueDeg ? y : x)) : null;
}

export function sideGap(side: Side, passive: IrReading | null, active: IrReading | null): SideGap {
  const base = { side, passive, active };
  if (!passive || !active) {
    const missing =
      !passive && !active
        ? 'no passive or active reading'
        : !passive
          ? 'no lying 90/90 (passive) test'
          : 'no seated test or seated lift (active)';
    return {
      ...base,
      gapDeg: null,
      errorDeg: null,
      verdict: null,
      confidence: 0,
      reason: `${missing} that day`,
      message: `No gap for the ${side} hip: ${missing} that day. Do both on the same day to see it.`,
    };
  }
  const ep = readingErrorDeg(TEST_OF[passive.from]);
  const ea = readingErrorDeg(TEST_OF[active.from]);
  const gapDeg = passive.valueDeg - active.valueDeg;
  const errorDeg = ep === null || ea === null ? null : Math.hypot(ep, ea);
  const confidence = Math.min(passive.confidence, active.confidence);
  const nums = `passive ${d(passive.valueDeg)} (${SOURCE_NAMES[passive.from]}), active ${d(active.valueDeg)} (${SOURCE_NAMES[active.from]})`;
  if (errorDeg === null)
    return {
      ...base,
      gapDeg,
      errorDeg,
      verdict: null,
      confidence,
      reason: 'the tests’ errors are not known',
      message: `${nums}; how far these can be off is not known, so no verdict.`,
    };
  if (Math.abs(gapDeg) <= errorDeg)
    return {
      ...base,
      gapDeg,
      errorDeg,
      verdict: 'no-clear-gap',
      confidence,
      reason: null,
      message: `${nums}: a difference of ${d(gapDeg)}, within the ±${d(errorDeg)} the two readings can be off together, so no clear gap. You control about the range you have.`,
    };
  if (gapDeg > 0)
    return {
      ...base,
      gapDeg,
      errorDeg,
      verdict: 'clear-gap',
      confidence,
      reason: null,
      message: `${nums}: ${d(gapDeg)} of inward rotation you reach with help but not yet on your own (more than the ±${d(errorDeg)} the readings can be off). That range is not yet under active control: do the active drills (seated lift, hip circles) straight after the passive ones.`,
    };
  return {
    ...base,
    gapDeg,
    errorDeg,
    verdict: 'active-above-passive',
    confidence,
    reason: null,
    message: `${nums}: the active reading is ${d(-gapDeg)} above the passive one, more than the readings can be off. The passive test probably did not reach end range: guide the leg further (gently) and repeat it.`,
  };
}
