// The chips of one side and direction in the trial panel: one per kept trial, and a run of voided
// attempts folded into one chip with its count, so the panel stays inside its box however many attempts
// there are. Pure.
import type { Trial } from '../../lib/protocols/types';

export interface AttemptChip {
  readonly key: string;
  readonly text: string;
  readonly tone: 'ok' | 'flag' | 'void';
  /** The value with its compensations, or why the attempts were voided. */
  readonly title: string;
}

const messages = (t: Trial) => t.compensations.map((c) => c.message).join(' ');

export function attemptChips(trials: readonly Trial[]): AttemptChip[] {
  const out: AttemptChip[] = [];
  let voids: Trial[] = [];
  const flush = () => {
    if (voids.length === 0) return;
    const why = [...new Set(voids.map(messages).filter((m) => m !== ''))].join(' ');
    out.push({
      key: `void-${voids[0]!.attempt}`,
      text: voids.length === 1 ? '✕' : `✕${voids.length}`,
      tone: 'void',
      title: `${voids.length} voided attempt${voids.length > 1 ? 's' : ''}${why ? `: ${why}` : ''}`,
    });
    voids = [];
  };
  for (const t of trials) {
    if (!t.valid || t.valueDeg === null) {
      voids.push(t);
      continue;
    }
    flush();
    const flagged = t.compensations.length > 0;
    out.push({
      key: `trial-${t.attempt}`,
      text: `${Math.round(t.valueDeg)}°`,
      tone: flagged ? 'flag' : 'ok',
      title: `${t.valueDeg}°${flagged ? ` — ${messages(t)}` : ''}`,
    });
  }
  flush();
  return out;
}
