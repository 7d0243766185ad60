// Every measurement either has a value it can stand behind, or says why not. Never NaN.

export interface Measured<T extends string = string> {
  readonly ok: true;
  readonly valueDeg: number;
  /** 0..1: how much the inputs allow trusting the value (joint scores, geometry of the view). */
  readonly confidence: number;
  readonly method: T;
}

export interface Refused {
  readonly ok: false;
  /** Human-readable, completes "can't measure: …". */
  readonly reason: string;
}

export type Measurement<T extends string = string> = Measured<T> | Refused;

export const refuse = (reason: string): Refused => ({ ok: false, reason });

export function measured<T extends string>(valueDeg: number, confidence: number, method: T): Measurement<T> {
  if (!Number.isFinite(valueDeg)) return refuse('the joints give no finite angle');
  return { ok: true, valueDeg, confidence: Math.min(1, Math.max(0, confidence)), method };
}
