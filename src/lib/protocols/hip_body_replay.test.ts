// The guided seated test replayed on what the real pose model saw of a REPORT body (issue 10): the rig's clip of
// q-women-Casual (scripts/rig/clips.mjs --body q-women-Casual, look 1; the untested knee out to the side for each whole
// side, as the app asks since 2026-12-03), run through BlazePose full by scripts/record-replay.ts --lean. No choice was
// made on this body: the knee-moved check, the pinned knee and the knee out to the side were chosen on the dev bodies
// (scripts/guided_bodies.ts) and only then measured here. The rig's knee never moves, so every voided trial is a
// false one; the issue's goal is each direction within 4° and no void.
import { describe, expect, it } from 'vitest';
import type { Direction } from './types';
import type { Side } from '../types';
import { followingHipRun } from '../../testing/following_replay';
import { loopedSeatedRun } from '../../testing/looped_replay';
import { loadReplay, truthDeg } from '../../testing/replay_fixtures';

const BODY = 'q-women-Casual';
const seq = loadReplay(`seated-${BODY}`);

// Played three times, as the looping fake camera does: voided trials are repeated when the clip comes round.
const run = loopedSeatedRun(seq);
const trials = run.state.trials;
const voided = trials.filter((t) => !t.valid);
const errors = (['right', 'left'] as Side[]).flatMap((side) =>
  (['internal', 'external'] as Direction[]).map((d) => {
    const truth = truthDeg(seq, side, d);
    const got = run.result?.sides[side]?.[d]?.valueDeg ?? null;
    return { what: `${side} ${d}`, got, truth, err: got === null ? Infinity : got - truth };
  }),
);
const COMPENSATIONS = ['knee-moved', 'pelvis-tilt', 'trunk-lean'];

describe(`the guided seated test on the report body ${BODY} (model replay)`, () => {
  it('ends with a value for every side and direction', () => {
    console.log(
      `${BODY}: ${errors.map((e) => `${e.what} ${e.got}° vs ${e.truth.toFixed(1)}°`).join('; ')}; voided: ` +
        voided
          .map((t) => `${t.side} ${t.direction} (${t.compensations.map((c) => c.kind).join(', ')})`)
          .join('; '),
    );
    expect(run.state.phase).toBe('done');
    for (const e of errors) expect(e.got, e.what).not.toBeNull();
  });

  it('voids no trial for a compensation (knee moved, pelvis, trunk): the rig body holds still', () => {
    for (const t of voided)
      expect(
        t.compensations.filter((c) => c.severity === 'invalid' && COMPENSATIONS.includes(c.kind)),
      ).toEqual([]);
  });

  // 2026-12-02: errors up to 19.6° (left ER 20.1° for 39.7°: the knee keypoint follows the foot). With the knee pinned
  // where the neutral had it (hip_trial_reading.ts) 10.3° at most, left internal rotation over-read (37.3° for 27.0°)
  // and a right internal attempt voided (the knee lost for over a second). With the untested knee out to the side and
  // the neutral knee as the pivot (2026-12-03): 42.7 / 33.7 / 27.7 / 42.3° for 39.7 / 34.7 / 27.0 / 39.7°, no void.
  it('voids no trial at all', () => {
    expect(voided).toEqual([]);
  });

  it('reads each direction within 4° of the truth (3.0° at most measured)', () => {
    for (const e of errors) expect(Math.abs(e.err), e.what).toBeLessThanOrEqual(4);
  });
});

// The same frames played as a person following the prompts would move (src/testing/following_replay.ts): at rest until
// told to turn, then the clip's own ramp, hold and return for the side and direction asked. What the looping replay
// shows depends on the clip's timing too; this is the model and the protocol alone.
describe(`the guided seated test on ${BODY}, the clip's frames following the prompts`, () => {
  const followed = followingHipRun(seq, 'seated');
  const got = (side: Side, d: Direction) => followed.result?.sides[side]?.[d]?.valueDeg ?? null;

  it('ends, every trial valid, each direction within 4° of the truth', () => {
    expect(followed.state.phase).toBe('done');
    expect(followed.state.trials.filter((t) => !t.valid)).toEqual([]);
    for (const e of errors) {
      const [side, d] = e.what.split(' ') as [Side, Direction];
      expect(Math.abs(got(side, d)! - e.truth), e.what).toBeLessThanOrEqual(4);
    }
  });

  it('takes no longer than a person would: 12 trials in under 2 minutes', () => {
    expect(followed.state.endedMs!).toBeLessThan(120_000);
  });
});
