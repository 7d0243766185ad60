// A test never loops forever: when the same compensation voids a side and direction several times in a
// row, the guided hip test stops asking for repeats, says what keeps voiding it with the evidence, and
// offers a way on: try again (after changing the set-up), accept the compensation flagged, or skip. Pure.
import { acceptPrompt, choiceReminderPrompt, retryPrompt, skipNote, stuckPrompt } from './hip_choice_prompts';
import { to, type HipChoice, type HipState, type VoidStreak } from './hip_state';
import { TIMING, TRIALS } from './limits';
import type { Speaker } from './speaker';
import type { Compensation } from './types';

/** The key a skip note is filed under (hip_result.ts reads it back). */
export const stepKey = (side: string, direction: string): string => `${side} ${direction}`;

/**
 * One more void for `c`'s reason: the streak it makes. A void while the leg turned the wrong way (`sameReason`
 * false) is no evidence that this reason keeps the person from the movement, so it only adds to the voids in a row.
 */
export function nextStreak(prev: VoidStreak | null, c: Compensation, sameReason = true): VoidStreak {
  const inRow = (prev?.inRow ?? 0) + 1;
  const count = prev && prev.kind === c.kind ? prev.count : 0;
  return { kind: c.kind, count: sameReason ? count + 1 : count, inRow, last: c };
}

/** Whether the test must now stop and ask: the same void too often, or too many voids of any kind. */
export const isStuck = (streak: VoidStreak): boolean =>
  streak.count >= TRIALS.voidsBeforeChoice.value || streak.inRow >= TRIALS.voidsInRowBeforeChoice.value;

/** Stop repeating: say what keeps voiding it and wait for a choice. */
export function askChoice(s: HipState, streak: VoidStreak, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  // Accepting a trial flagged needs a trial to keep: with the leg out of the picture there is none.
  const choices: HipChoice[] =
    streak.kind === 'out-of-frame' ? ['retry', 'skip'] : ['retry', 'accept', 'skip'];
  sp.say(stuckPrompt(cur.side, cur.direction, streak, choices));
  return { ...to(s, 'choice', tMs), streak, choices, compensations: [] };
}

/** While waiting: remind now and then; with no choice at all, skip so a hands-free test still ends. */
export function waitChoice(
  s: HipState,
  tMs: number,
  sp: Speaker,
  advance: (s: HipState, tMs: number, sp: Speaker) => HipState,
): HipState {
  if (tMs - s.phaseSinceMs >= TIMING.choiceWaitMs.value) return skipStuck(s, tMs, sp, true, advance);
  if (tMs - s.phaseSinceMs >= TIMING.repromptMs.value)
    sp.say(
      choiceReminderPrompt(s.choices, Math.round(TIMING.choiceWaitMs.value / 1000)),
      TIMING.repromptMs.value,
    );
  return s;
}

/** Skip the stuck direction, filing why for the result. */
export function skipStuck(
  s: HipState,
  tMs: number,
  sp: Speaker,
  byTimeout: boolean,
  advance: (s: HipState, tMs: number, sp: Speaker) => HipState,
): HipState {
  const cur = s.plan[s.stepIdx]!;
  const note = s.streak ? skipNote(s.streak, byTimeout) : 'skipped';
  return advance({ ...s, skipNotes: { ...s.skipNotes, [stepKey(cur.side, cur.direction)]: note } }, tMs, sp);
}

/** The person's answer: go on with this direction (as it was, or with the compensation only flagged). */
export function resume(s: HipState, choice: 'retry' | 'accept', tMs: number, sp: Speaker): HipState {
  const streak = s.streak;
  if (s.phase !== 'choice' || !streak || !s.choices.includes(choice)) return s;
  const cur = s.plan[s.stepIdx]!;
  const valid = s.trials.filter(
    (t) => t.valid && t.side === cur.side && t.direction === cur.direction,
  ).length;
  // Going on earns the attempts a fresh direction would have, so the cap does not cut the new tries short.
  const attemptLimit = Math.max(
    s.attemptLimit,
    s.attempt + (s.trialsPerDirection - valid) + TRIALS.extraAttempts.value,
  );
  sp.say(choice === 'retry' ? retryPrompt(streak.kind, s.test) : acceptPrompt(streak.kind));
  return {
    ...to(s, 'return', tMs),
    streak: null,
    choices: [],
    attemptLimit,
    accepted: choice === 'accept' ? [...s.accepted, streak.kind] : s.accepted,
  };
}

/** Accepted compensations flag instead of voiding, and say so in their message. */
export function acceptedAsFlags(
  comps: readonly Compensation[],
  accepted: readonly Compensation['kind'][],
): Compensation[] {
  return comps.map((c) =>
    c.severity === 'invalid' && accepted.includes(c.kind)
      ? { ...c, severity: 'flag', message: `${c.message} Kept, flagged, as you chose after repeated voids.` }
      : c,
  );
}
