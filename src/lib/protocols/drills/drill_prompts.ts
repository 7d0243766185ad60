// What the drill coach says. Stable ids (de-duplication keys on them); short, plain words.
import type { Side } from '../../types';
import { otherSide } from '../../geometry/joints';
import type { Prompt } from '../types';

const p = (id: string, text: string, tone: Prompt['tone'], speak = true): Prompt => ({
  id,
  text,
  speak,
  tone,
});
const sec = (ms: number) => Math.round(ms / 1000);

export const DRILL_PROMPTS = {
  findPerson: () => p('drill-find-person', 'Move into the picture so the camera sees your legs.', 'action'),
  fix: (problem: string) => p('drill-fix', `Adjust your position: ${problem}.`, 'warn'),
  // Hold drills.
  holdStart: () => p('drill-hold-start', 'Good position. Hold it and breathe.', 'success'),
  holdLost: () => p('drill-hold-lost', 'Position lost: the timer has stopped.', 'warn'),
  holdProgress: (ms: number) => p(`drill-hold-${sec(ms)}`, `${sec(ms)} seconds.`, 'info'),
  holdDone: (ms: number) =>
    p('drill-hold-done', `Done: ${sec(ms)} seconds held. Now the other side.`, 'success'),
  setup9090: (back: Side) =>
    p(
      'drill-9090-setup',
      `Sit with both knees bent to a right angle, the ${back} leg turned in at your side with its foot behind you, the other leg in front.`,
      'action',
    ),
  swapped9090: (back: Side) =>
    p(
      'drill-9090-swapped',
      `Switch legs: this round stretches the ${back} hip, so the ${back} leg goes at the back.`,
      'warn',
    ),
  hinge: () => p('drill-9090-hinge', 'Now lean your chest slowly forward over the front shin.', 'action'),
  setupSupine: (side: Side) =>
    p(
      'drill-supine-setup',
      `Lie on your back, ${side} hip and knee bent to a right angle, knee above the hip. Guide the ankle outward with your hand.`,
      'action',
    ),
  // Seated lift.
  setupLift: (side: Side) =>
    p(
      'drill-lift-setup',
      `Sit with your feet off the floor and your ${otherSide(side)} knee out to the side. Let the ${side} leg hang still for a moment.`,
      'action',
    ),
  liftGo: () =>
    p('drill-lift-go', 'Lift the foot outward and up, keep the knee still, then lower it slowly.', 'action'),
  rep: (n: number, deg: number) => p(`drill-rep-${n}`, `${n}: ${Math.round(deg)} degrees.`, 'success'),
  repLost: () => p('drill-rep-lost', 'That one did not count: I could not see your leg.', 'warn'),
  repKnee: () => p('drill-rep-knee', 'That one did not count: keep the knee still.', 'warn'),
  repFast: () => p('drill-rep-fast', 'That one did not count: lift and lower more slowly.', 'warn'),
  liftDone: (n: number, best: number | null) =>
    p(
      'drill-lift-done',
      `Done: ${n} lifts${best === null ? '' : `, best ${Math.round(best)} degrees`}.`,
      'success',
    ),
  // CARs.
  setupCars: (side: Side) =>
    p(
      'drill-cars-setup',
      `Stand facing the camera, hold something steady, and stand still on your ${side === 'left' ? 'right' : 'left'} leg.`,
      'action',
    ),
  carsGo: () =>
    p(
      'drill-cars-go',
      'Knee up, out to the side, back, and down: the biggest circle you can, trunk still.',
      'action',
    ),
  loop: (n: number) => p(`drill-loop-${n}`, `Circle ${n}.`, 'success'),
  loopTrunk: () => p('drill-loop-trunk', 'Keep your trunk still: only the hip moves.', 'warn'),
  loopPelvis: () => p('drill-loop-pelvis', 'Keep your hips level.', 'warn'),
  loopLost: () => p('drill-loop-lost', 'That circle did not count: I lost sight of your leg.', 'warn'),
  carsDone: (n: number) => p('drill-cars-done', `Done: ${n} circles.`, 'success'),
} as const;

/** How long the same correction waits before it is said again. */
export const REPROMPT_MS = 6000;
