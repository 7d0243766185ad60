// A test never loops forever: when the same compensation voids a side and direction several times in a
// row, the guided hip test stops asking for repeats, says what keeps voiding it with the evidence, and
// offers a way on: try again (after changing the set-up), accept the compensation flagged, or skip. Pure.
import { acceptPrompt, choiceReminderPrompt, retryPrompt, skipNote, stuckPrompt } from './hip_choice_prompts';
import { to, type HipChoice, type HipState, type VoidStreak } from './hip_state';
import { MOVEMENT, STILLNESS, TIMING, TRIALS } from './limits';
import type { Speaker } from './speaker';
import { sdOf } from './stillness';
import type { Compensation, CompensationKind } from './types';

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

/**
 * Nothing measured for TIMING.stallMs: say what is in the way, with the evidence, and wait for a choice (try again or
 * skip; nothing to accept). What is in the way: frames the camera cannot read, a start read off, a reading that never
 * settles, a leg that never reads back at its start.
 */
export function askStall(s: HipState, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  const waited = tMs - (s.progressMs ?? s.phaseSinceMs);
  const evidence = {
    label: 'Time with nothing measured',
    value: Math.round(waited),
    unit: 'ms' as const,
    threshold: TIMING.stallMs.value,
    comparator: '≥' as const,
    source: TIMING.stallMs.source,
  };
  const recent = s.samples.filter((x) => x.tMs >= tMs - 2 * TIMING.neutralMs.value).map((x) => x.deg);
  const sd = recent.length >= 3 ? sdOf(recent) : 0;
  const leg = `${cur.side} leg`;
  const [kind, message]: [CompensationKind, string] = s.problem
    ? ['out-of-frame', `The camera could not read the ${leg}: ${s.problem}.`]
    : s.phase === 'setup' && s.liveDeg !== null && Math.abs(s.liveDeg) > MOVEMENT.neutralMaxDeg.value
      ? ['start-off', `The ${leg} read ${Math.abs(s.liveDeg).toFixed(0)}° off the start position.`]
      : sd > STILLNESS.sdDeg.value
        ? ['unsteady', `The reading of the ${leg} wobbled by ${sd.toFixed(1)}° and never settled.`]
        : s.phase === 'return'
          ? ['start-off', `The ${leg} never read back at its start position.`]
          : ['unsteady', `The ${leg} never held still long enough to be measured.`];
  const streak: VoidStreak = {
    kind,
    count: 0,
    inRow: 0,
    last: { kind, severity: 'invalid', message, evidence, tMs },
    stalledMs: waited,
  };
  const choices: HipChoice[] = ['retry', 'skip'];
  sp.say(stuckPrompt(cur.side, cur.direction, streak, choices));
  return { ...to(s, 'choice', tMs), streak, choices, compensations: [] };
}

/** Whether the current step has got nowhere for too long (hip_guided.ts asks then). */
export const isStalled = (s: HipState, tMs: number): boolean =>
  s.phase !== 'choice' &&
  s.phase !== 'done' &&
  tMs - (s.progressMs ?? s.phaseSinceMs) >= TIMING.stallMs.value;

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
  // After a stall, back to where it stood: the set-up if no start was ever taken, else a fresh start position.
  const phase = streak.stalledMs === undefined ? 'return' : s.neutral ? 'neutral' : 'setup';
  return {
    ...to(s, phase, tMs),
    progressMs: tMs,
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
