// The guided seated test replayed on what the real pose model saw of a REPORT body (issue 10): the rig's clip of
// q-women-Casual (scripts/rig/clips.mjs --body q-women-Casual, look 1; the untested leg moved out of the way before
// the external trials), run through BlazePose full by scripts/record-replay.ts --lean. No choice was made on this
// body: the knee-moved check was fixed on the dev bodies (q-men-Casual2, then the dev group with
// scripts/guided_bodies.ts) and only then measured here. The rig's knee never moves, so every voided trial is a
// false one; the issue's goal is each direction within 4° and no void.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePoseSequence } from '../pipeline/pose_sequence';
import type { Direction } from './types';
import type { Side } from '../types';
import { loopedSeatedRun } from '../../testing/looped_replay';

const BODY = 'q-women-Casual';
const json = JSON.parse(
  readFileSync(new URL(`../../../test-fixtures/replay/seated-${BODY}.poses.json`, import.meta.url), 'utf8'),
);
const parsed = parsePoseSequence(json);
if (!parsed.ok) throw new Error(parsed.error);
const seq = parsed.value;

// Played three times, as the looping fake camera does: voided trials are repeated when the clip comes round.
const run = loopedSeatedRun(seq);
const trials = run.state.trials;
const voided = trials.filter((t) => !t.valid);
const errors = (['right', 'left'] as Side[]).flatMap((side) =>
  (['internal', 'external'] as Direction[]).map((d) => {
    const peaks = seq.truth.trials.filter((t) => t.side === side && t.direction === d).map((t) => t.peakDeg);
    const truth = Math.abs(peaks.reduce((a, b) => a + b, 0) / peaks.length);
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

  // 2026-12-02: errors up to 19.6° (left ER 20.1° for 39.7°: the knee keypoint follows the foot). Since a trial pins
  // the knee where its neutral had it and takes the turn from that neutral (hip_trial_reading.ts), 10.3° at most.
  it('stays within the error measured on it since the knee is pinned (12°)', () => {
    for (const e of errors) expect(Math.abs(e.err), e.what).toBeLessThanOrEqual(12);
  });

  // Known misses (issue 10), kept failing on purpose so that fixing them shows here. Measured 2026-12-03 on this
  // replay: right IR 43.6° vs 39.7°, right ER 30.7° vs 34.7°, left IR 37.3° vs 27.0° (pinning the knee over-corrects
  // this body's left internal rotation), left ER 37.5° vs 39.7°; one right internal attempt voided as out of view for
  // over 1 s (the model lost the knee: "the thigh looks long next to the shank").
  it.fails('voids no trial at all (known miss: the knee lost for over a second)', () => {
    expect(voided).toEqual([]);
  });

  it.fails(
    'reads each direction within 4° of the truth (known miss: left internal rotation over-read)',
    () => {
      for (const e of errors) expect(Math.abs(e.err), e.what).toBeLessThanOrEqual(4);
    },
  );
});
