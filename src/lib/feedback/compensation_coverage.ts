// What each guided hip test's camera view can and cannot see of a compensation, as measured: the rig's bodies made
// every trial with one compensation (20° at the end of range; a 10° knee swing and trunk lean too) and the guided
// test was played to them as a person follows the prompts (docs/accuracy.md, "Do the checks catch a real
// compensation?"; scripts/guided_bodies.ts --compensate). Counts are the REPORT bodies' (people no choice was made on; supine and prone four of them), and
// where a figure comes from the dev bodies instead the text says "other bodies". A trainer reading a result then knows
// what to watch for with their own eyes. Pure.
import type { HipTestId } from '../protocols/types';

/** 'caught': every compensating attempt voided or flagged; 'partly': some missed; 'not-seen': almost all missed. */
export type CoverageLevel = 'caught' | 'partly' | 'not-seen';

export interface CompensationCoverage {
  /** The compensation, in words. */
  readonly what: string;
  readonly level: CoverageLevel;
  /** What was measured, with the numbers (report bodies). */
  readonly measured: string;
  /** What the person (or whoever watches) should do about what the camera misses; null when it sees it. */
  readonly watch: string | null;
}

/** How the figures were made, said once under the list. */
export const COVERAGE_METHOD =
  'Rendered bodies that never took part in choosing a limit, every trial made with the compensation (20° at the end of range, some 10° too), the test played as a person follows the prompts: of the attempts, how many the test voided or flagged for it, and how many it missed.';

export const COMPENSATION_COVERAGE: Readonly<Record<HipTestId, readonly CompensationCoverage[]>> = {
  seated: [
    {
      what: 'The thigh swinging out (the knee moving)',
      level: 'partly',
      measured:
        'A 20° swing: 82 of 100 attempts voided or flagged, none missed. A 10° swing: 53 of 97 voided or flagged, 41 missed.',
      watch: 'A small knee drift can pass: keep the knee still over the same spot.',
    },
    {
      what: 'The pelvis hiking (the thigh lifting off the seat)',
      level: 'partly',
      measured:
        '71 of 105 attempts voided or flagged, 29 missed, mostly in internal rotation, where a hike moved the reading only 2–3°.',
      watch: 'Keep both sit bones on the seat.',
    },
    {
      what: 'The trunk leaning',
      level: 'partly',
      measured:
        'A 20° lean: 95 of 104 attempts voided or flagged, none missed. A 10° lean: 62 of 104 flagged, 25 missed (17 voided for other reasons); each frame is read square to the hips less the part of their tilt the trunk leaned with, so those results read 1.9° MAE on eight bodies, as clean ones do (3.9° before, internal rotation 3–6° low).',
      watch: 'Sit upright, shoulders level over the hips, hands resting on the seat.',
    },
  ],
  supine: [
    {
      what: 'The thigh swinging out (the knee leaving its place over the hip)',
      level: 'partly',
      measured:
        'From overhead the camera cannot see the knee, so it checks how far the foot travels beyond the turn it reads. A 20° swing (which reads internal rotation 4–7° low): 19 of 20 attempts voided or flagged, none missed (1 voided for another reason). A 10° swing: 9 of 15 flagged, 6 missed. A camera tilted toward the head can flag a still knee too.',
      watch:
        'A small drift can pass: keep the knee straight above the hip; a partner can hold the thigh upright.',
    },
    {
      what: 'The pelvis hiking',
      level: 'partly',
      measured: '13 of 16 attempts voided or flagged, 2 missed.',
      watch: 'Keep both hips level on the table.',
    },
    {
      what: 'The trunk leaning',
      level: 'partly',
      measured:
        'A 20° lean: 13 of 18 attempts voided or flagged for it and the other 5 voided as a pelvis tilt, none missed. A 10° lean: 6 of 19 flagged, 12 missed; the reading is taken about the start position’s trunk, so those results read within 5.1° (6–13° low before).',
      watch: 'Keep the shoulders flat and in line with the hips while the foot turns.',
    },
  ],
  prone: [
    {
      what: 'The thigh swinging out (the knee moving on the table)',
      level: 'caught',
      measured: '36 of 46 attempts voided or flagged, none missed.',
      watch: null,
    },
    {
      what: 'The pelvis rolling (the tested hip lifting off the table)',
      level: 'not-seen',
      measured:
        'From behind the head the pose model’s hips hardly follow a roll: 2 of 46 attempts flagged, 36 missed. On two other bodies a roll made every result read lower, by 0.2–7.7°, never higher.',
      watch:
        'Keep both hips flat on the table; a partner’s hand on the back of the pelvis helps. A low result may be a roll.',
    },
    {
      what: 'The trunk leaning',
      level: 'caught',
      measured:
        'A 20° lean: 41 of 49 attempts voided or flagged, none missed. A 10° lean: 34 of 45 flagged (11 voided for other reasons), none missed.',
      watch: null,
    },
  ],
};
