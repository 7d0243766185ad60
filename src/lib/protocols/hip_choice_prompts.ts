// What the guided hip test says when the same void keeps coming back: what keeps voiding it (with the
// evidence), what to change in the set-up or clothing, and the three ways on. Short enough to be spoken.
import type { Side } from '../types';
import type { HipChoice, VoidStreak } from './hip_state';
import { TRIALS } from './limits';
import type { CompensationKind, Direction, Evidence, HipTestId, Prompt } from './types';

const KIND_WORDS: Record<CompensationKind, string> = {
  'knee-moved': 'the knee moved',
  'pelvis-tilt': 'the pelvis tilted or lifted',
  'trunk-lean': 'the trunk leaned',
  'out-of-frame': 'the leg left the picture',
  'low-confidence': 'the keypoints were uncertain',
  'start-off': 'the start position read off',
  unsteady: 'the reading wobbled',
};

export const kindWords = (kind: CompensationKind): string => KIND_WORDS[kind];

/**
 * How many voided in a row and why: "3 … in a row were voided: the knee moved", or, where the reasons varied (or the
 * leg turned the wrong way), "6 … in a row were voided, the last because the pelvis tilted or lifted".
 */
export function streakWords(streak: VoidStreak, attempts = 'attempts'): string {
  if (streak.stalledMs !== undefined)
    return `Nothing could be measured for ${Math.round(streak.stalledMs / 1000)} s`;
  return oneReason(streak)
    ? `${streak.count} ${attempts} in a row were voided: ${kindWords(streak.kind)}`
    : `${streak.inRow} ${attempts} in a row were voided, the last because ${kindWords(streak.kind)}`;
}

/** Whether the streak stopped the test by one reason repeating (else by voids in a row of mixed reasons). */
const oneReason = (streak: VoidStreak): boolean => streak.count >= TRIALS.voidsBeforeChoice.value;

/** "Knee movement … 0.31 > 0.25": the number a trainer can check. */
export function evidenceText(e: Evidence): string {
  const unit = e.unit === '°' ? '°' : e.unit === 'ratio' || e.unit === 'score' ? '' : ` ${e.unit}`;
  return `${e.label}: ${e.value}${unit} ${e.comparator} ${e.threshold}${unit}`;
}

/** What to change so the same void does not come back, per compensation and test. */
export function adviceFor(kind: CompensationKind, test: HipTestId): string {
  switch (kind) {
    case 'knee-moved':
      return test === 'seated'
        ? 'Keep the thigh still: a rolled towel under it or a helper’s hand on the knee helps. Loose or bulky trousers can make the knee look as if it moved: shorts or fitted trousers help the camera.'
        : 'Keep the knee in place: a helper can steady the thigh. Loose or bulky trousers can make the knee look as if it moved: shorts or fitted trousers help the camera.';
    case 'pelvis-tilt':
      return test === 'seated'
        ? 'Sit square on both sit bones and hold the edge of the seat with both hands. A belt or a loose top at the hips can hide where the hips are.'
        : 'Keep both hips down; a helper or a strap over the pelvis helps. A belt or a loose top at the hips can hide where the hips are.';
    case 'trunk-lean':
      return test === 'seated'
        ? 'Sit tall with your arms crossed over your chest, or your back against a wall.'
        : 'Lie straight with your arms by your sides.';
    case 'out-of-frame':
      return 'Keep the whole leg in the picture: move the camera back, add light, and wear clothes that stand out from the background.';
    case 'low-confidence':
      return 'Add light, move the camera a little closer, and wear clothes that stand out from the background.';
    case 'start-off':
      return 'Check the start position, and that the camera sees the whole leg from where the test asks.';
    case 'unsteady':
      return 'Add light, and wear shorts or fitted clothes so the camera sees the leg clearly.';
  }
}

const CHOICE_WORDS: Record<HipChoice, string> = {
  retry: 'R to try again',
  accept: 'A to accept it flagged',
  skip: 'S to skip',
};

function choiceList(choices: readonly HipChoice[]): string {
  const words = choices.map((c) => CHOICE_WORDS[c]);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}` : (words[0] ?? '');
}

const p = (id: string, text: string, tone: Prompt['tone']): Prompt => ({ id, text, speak: true, tone });

/** The test stops asking for repeats: what keeps voiding it, and the ways on. */
export function stuckPrompt(
  side: Side,
  direction: Direction,
  streak: VoidStreak,
  choices: readonly HipChoice[],
): Prompt {
  if (streak.stalledMs !== undefined)
    return p(
      'stuck',
      `${streakWords(streak)} in ${direction} rotation of the ${side} hip. ${streak.last.message} Press ${choiceList(choices)}.`,
      'warn',
    );
  return p(
    'stuck',
    `${streakWords(streak, `${direction} rotation attempts of the ${side} hip`)}. Press ${choiceList(choices)}.`,
    'warn',
  );
}

/** Nobody chose yet: the choices again, and what happens if nobody does. */
export function choiceReminderPrompt(choices: readonly HipChoice[], waitS: number): Prompt {
  return p(
    'choice-reminder',
    `Press ${choiceList(choices)}. With no choice, this step is skipped after ${waitS} seconds.`,
    'action',
  );
}

export function retryPrompt(kind: CompensationKind, test: HipTestId): Prompt {
  return p(
    'choice-retry',
    `Trying again. ${adviceFor(kind, test)} Back to the start and hold still.`,
    'action',
  );
}

export function acceptPrompt(kind: CompensationKind): Prompt {
  return p(
    'choice-accept',
    `Going on: when ${kindWords(kind)} the trial is kept and flagged. Back to the start and hold still.`,
    'action',
  );
}

/** The result's reason for a direction skipped after repeated voids (and who skipped it). */
export function skipNote(streak: VoidStreak, byTimeout: boolean): string {
  const done = byTimeout ? '; no choice was made' : '';
  if (streak.stalledMs !== undefined)
    return `skipped after ${Math.round(streak.stalledMs / 1000)} s with nothing measured: ${streak.last.message.replace(/\.$/, '')} (${evidenceText(streak.last.evidence)})${done}`;
  const why = oneReason(streak)
    ? `${streak.count} voided attempts in a row, ${kindWords(streak.kind)}`
    : `${streak.inRow} voided attempts in a row, the last because ${kindWords(streak.kind)}`;
  return `skipped after ${why} (${evidenceText(streak.last.evidence)})${done}`;
}
