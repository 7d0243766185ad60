// Reading a protocol's DirectionResult: the value, or a plain reason why there is none. Shared by the
// hip findings, the left/right comparison and the pattern hints.
import type { Direction, DirectionResult, HipTestResult } from '../protocols/types';
import type { Side } from '../types';

/** A measured value, or why there is none; null from `readDirection` = that direction was not tested. */
export type Reading =
  | { readonly ok: true; readonly valueDeg: number; readonly confidence: number }
  | { readonly ok: false; readonly why: string; readonly confidence: number };

export const NOT_DIAGNOSIS = 'This is a screening result, not a diagnosis.';
export const PAIN =
  'If turning the hip hurts, or you feel a sharp pinch in the groin, stop and have a physiotherapist or doctor look at it.';
export const WORD: Readonly<Record<Direction, string>> = { internal: 'inward', external: 'outward' };

export function readDirection(dr: DirectionResult | undefined): Reading | null {
  if (!dr) return null;
  if (dr.valueDeg !== null && Number.isFinite(dr.valueDeg)) {
    return { ok: true, valueDeg: dr.valueDeg, confidence: dr.confidence };
  }
  if (dr.valueDeg !== null) return { ok: false, why: 'the reading was not a valid number', confidence: 0 };
  return { ok: false, why: dr.reason?.trim() || whyNoTrial(dr), confidence: dr.confidence };
}

/** Value of one side and direction, or null. */
export function valueOf(result: HipTestResult, side: Side, dir: Direction): Reading | null {
  return readDirection(result.sides[side]?.[dir]);
}

function whyNoTrial(dr: DirectionResult): string {
  if (dr.trials.length === 0) return 'no attempt was recorded';
  const voided = dr.trials.filter((t) => !t.valid);
  if (voided.length === dr.trials.length) {
    const msgs = [...new Set(voided.flatMap((t) => t.compensations.map((c) => c.message.trim())))]
      .filter((m) => m.length > 0)
      .slice(0, 2);
    const n = voided.length;
    const base = `all ${n} attempt${n === 1 ? ' was' : 's were'} set aside`;
    return msgs.length > 0 ? `${base} (${msgs.join('; ')})` : base;
  }
  return 'no attempt gave a reading that could be kept';
}

/** Compensations flagged (not voiding) in the trials that were kept, for the trainer. */
export function flaggedNote(dr: DirectionResult | undefined): string {
  const msgs = [
    ...new Set(
      (dr?.trials ?? [])
        .filter((t) => t.valid)
        .flatMap((t) =>
          t.compensations
            .filter((c) => c.severity === 'flag')
            .map((c) => c.message.trim().replace(/\.$/, '')),
        ),
    ),
  ].filter((m) => m.length > 0);
  return msgs.length > 0 ? ` Noted during the test: ${msgs.slice(0, 2).join('; ')}.` : '';
}

/** "Left" / "Right", for titles. */
export const capSide = (side: Side): string => (side === 'left' ? 'Left' : 'Right');
