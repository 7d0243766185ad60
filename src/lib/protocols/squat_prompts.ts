// What the squat screen says. Stable ids (tests and de-duplication key on them); short, plain words.
import type { Side } from '../types';
import type { Prompt } from './types';
import type { SquatVariant } from './squat_types';

const p = (id: string, text: string, tone: Prompt['tone'], speak = true): Prompt => ({
  id,
  text,
  speak,
  tone,
});

const standingLeg = (v: SquatVariant): Side | null =>
  v === 'single-left' ? 'left' : v === 'single-right' ? 'right' : null;

export const SQUAT_PROMPTS = {
  findPerson: () => p('squat-find-person', 'Step into the picture so your whole body shows.', 'action'),
  showBody: (missing: string) =>
    p('squat-show-body', `Move so the camera sees all of you: ${missing} not in view.`, 'warn'),
  faceCamera: () => p('squat-face-camera', 'Face the camera, feet about hip-width apart.', 'action'),
  standStill: () => p('squat-stand-still', 'Stand tall and still for a moment.', 'action'),
  start: (v: SquatVariant, reps: number) => {
    const leg = standingLeg(v);
    return p(
      'squat-start',
      leg
        ? `Stand on your ${leg} leg and squat down slowly, ${reps} times. Touch something for balance if you need to.`
        : `Squat down slowly and stand back up, ${reps} times.`,
      'action',
    );
  },
  repDone: (n: number) => p(`squat-rep-done-${n}`, `Rep ${n} done.`, 'success'),
  deeper: () => p('squat-deeper', 'That one was shallow and did not count: go a little deeper.', 'warn'),
  slower: () => p('squat-slower', 'Slower, please: that one was too quick to count.', 'warn'),
  lost: () => p('squat-lost', 'I lost sight of you, so that rep did not count.', 'warn'),
  turned: () =>
    p('squat-turned', 'Turn square to the camera: knee angles need you facing it straight on.', 'warn'),
  done: (n: number) => p('squat-done', `Done: ${n} reps.`, 'success'),
} as const;
