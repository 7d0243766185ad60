// What the guided hip tests say, per test, side and direction. Short enough to be spoken; plain words.
import type { Side } from '../types';
import { otherSide } from '../geometry/joints';
import type { Direction, HipTestId, Prompt } from './types';

const p = (id: string, text: string, tone: Prompt['tone'] = 'info', speak = true): Prompt => ({
  id,
  text,
  speak,
  tone,
});

export const TEST_NAMES: Record<HipTestId, string> = {
  seated: 'Seated',
  supine: 'Supine 90/90',
  prone: 'Prone',
};

export const DIRECTION_NAMES: Record<Direction, string> = {
  internal: 'internal rotation',
  external: 'external rotation',
};

/** How to get into the start position for this test and leg. */
export function setupPrompt(test: HipTestId, side: Side): Prompt {
  const text = {
    seated: `Sit tall on a high surface facing the camera, knees bent at 90 degrees, feet off the floor, and your ${otherSide(side)} knee out to the side so your feet cannot touch. We start with your ${side} leg.`,
    supine: `Lie on your back with the camera above your knees, the other leg straight on the table. Bend your ${side} hip and knee to 90 degrees, knee straight above the hip.`,
    prone: `Lie face down with the camera behind your head. Bend your ${side} knee to 90 degrees, foot toward the ceiling.`,
  }[test];
  return p('setup', text, 'action');
}

export function startPositionPrompt(test: HipTestId, side: Side): Prompt {
  const text = {
    seated: `Let your ${side} shin hang straight down to start.`,
    supine: `Point your ${side} shin straight toward your feet to start.`,
    prone: `Point your ${side} shin straight up to start.`,
  }[test];
  return p('start-position', text, 'action');
}

/** The words for the start position of each test, as the start-position prompt asks for it. */
const START_POSITION: Record<HipTestId, string> = {
  seated: 'hanging straight down',
  supine: 'pointing straight toward your feet',
  prone: 'pointing straight up',
};

/**
 * The start position was held still but read off for a while: taken as it is, with the number, and why it may be the
 * camera's reading rather than the person.
 */
export function startOffPrompt(test: HipTestId, side: Side, deg: number): Prompt {
  return p(
    'start-off',
    `Your ${side} shin reads ${Math.abs(deg).toFixed(0)} degrees off ${START_POSITION[test]} while you hold it still. If it is, the camera is misreading this leg: starting from here, and the results will say so.`,
    'warn',
  );
}

/** Seated, the tested knee is out to the side at the start (its hip turned out): bring it in front of the hip. */
export function testedKneePrompt(side: Side): Prompt {
  return p(
    'tested-knee',
    `Bring your ${side} knee back in front of your hip, the shin hanging straight down.`,
    'action',
  );
}

/** Seated, the untested knee still hangs beside the tested one: move it out of the foot's way. */
export function otherKneePrompt(side: Side): Prompt {
  return p(
    'other-knee',
    `Move your ${otherSide(side)} knee out to the side, so your ${side} foot can swing freely.`,
    'action',
  );
}

/** The trunk leans sideways at the start: sit tall (seated) or lie straight (supine, prone). */
export function posturePrompt(test: HipTestId, leanDeg: number): Prompt {
  const what =
    test === 'seated'
      ? 'Sit tall, shoulders over your hips'
      : 'Lie straight, shoulders in line with your hips';
  return p(
    'posture',
    `${what}: your upper body leans about ${Math.round(leanDeg)} degrees to the side.`,
    'action',
  );
}

export const holdStillPrompt = (again: boolean): Prompt =>
  p(again ? 'neutral-again' : 'neutral', again ? 'And again: hold still.' : 'Hold still.', 'action');

/** No still start yet, and the reading itself wobbles: how much, and what helps if the person is already still. */
export function unsteadyPrompt(test: HipTestId, side: Side, sdDeg: number, limitDeg: number): Prompt {
  const what = test === 'seated' ? `${side} shin` : `${side} leg`;
  return p(
    'unsteady',
    `Hold still. The reading of your ${what} wobbles by ${sdDeg.toFixed(1)} degrees and must settle within ${limitDeg}. If you are still, add light and wear shorts or fitted clothes so the camera sees the leg clearly.`,
    'warn',
  );
}

/** The movement itself: internal rotation moves the foot outward, external inward. */
export function movePrompt(test: HipTestId, side: Side, direction: Direction): Prompt {
  const out = direction === 'internal';
  const text = {
    seated: out
      ? `Keep your ${side} knee still and lift your foot outward, as far as is comfortable.`
      : `Keep your ${side} knee still and swing your foot inward, as far as is comfortable.`,
    supine: out
      ? `Keep the ${side} knee over the hip and guide your ankle outward, as far as is comfortable.`
      : `Keep the ${side} knee over the hip and guide your ankle inward, as far as is comfortable.`,
    // Both hips named: the camera behind the head cannot see the pelvis roll (feedback/compensation_coverage.ts).
    prone: out
      ? `Keep your ${side} knee and both hips on the table and let your foot fall outward, as far as is comfortable.`
      : `Keep your ${side} knee and both hips on the table and let your foot fall inward, as far as is comfortable.`,
  }[test];
  return p(`move-${direction}`, text, 'action');
}

/** A hold while the untested leg turned further: the wrong leg moved. */
export function otherLegMovedPrompt(side: Side, turnDeg: number): Prompt {
  return p(
    'other-leg',
    `Your ${otherSide(side)} leg turned ${Math.abs(turnDeg).toFixed(0)} degrees: keep it still, and back to the start with your ${side} leg.`,
    'warn',
  );
}

export function wrongWayPrompt(direction: Direction): Prompt {
  return p(
    'wrong-way',
    direction === 'internal'
      ? 'The other way: the foot goes outward.'
      : 'The other way: the foot goes inward.',
    'warn',
  );
}

export const holdPrompt = (): Prompt => p('hold', 'Hold…', 'action');

export const trialDonePrompt = (n: number, of: number): Prompt =>
  p('trial-done', `Done, ${n} of ${of}. Slowly back to the start.`, 'success');

export const repeatPrompt = (why: string): Prompt => p('repeat', `${why} Let's repeat that one.`, 'warn');

export function nextDirectionPrompt(test: HipTestId, side: Side, direction: Direction): Prompt {
  return p('next-direction', `Now ${DIRECTION_NAMES[direction]} of the ${side} hip. Hold still.`, 'action');
}

export function nextSidePrompt(test: HipTestId, side: Side): Prompt {
  const s = setupPrompt(test, side);
  return p(
    'next-side',
    `Now the ${side} leg. ${s.text.replace(/ We start with your \w+ leg\.$/, '')}`,
    'action',
  );
}

export const problemPrompt = (reason: string): Prompt => p('problem', `Can't measure: ${reason}.`, 'warn');

export const donePrompt = (): Prompt => p('done', 'All done. Your results are ready.', 'success');
