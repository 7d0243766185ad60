// A proportion (not an angle) that is either measured with a confidence or refused with a reason:
// knee displacement and hip drop are lengths divided by the person's leg length, so they stay
// comparable whatever the camera distance. Same never-NaN contract as result.ts.
import { refuse, type Refused } from './result';

export interface MeasuredRatio<T extends string = string> {
  readonly ok: true;
  /** Dimensionless: a length divided by the leg length in the same picture. */
  readonly value: number;
  /** 0..1, as in result.ts. */
  readonly confidence: number;
  readonly method: T;
}

export type RatioMeasurement<T extends string = string> = MeasuredRatio<T> | Refused;

export function measuredRatio<T extends string>(
  value: number,
  confidence: number,
  method: T,
): RatioMeasurement<T> {
  if (!Number.isFinite(value)) return refuse('the joints give no finite length');
  return { ok: true, value, confidence: Math.min(1, Math.max(0, confidence)), method };
}
