// A recorded clip's poses played round and round, as Chromium's fake camera loops a y4m: a guided test that
// voids a trial waits for the clip to come round again. One place for the replay test of a body's clip and the
// per-body tooling (scripts/guided_bodies.ts), so both play it the same way.
import type { PoseSequence } from '../lib/pipeline/pose_sequence';
import { runProtocol } from '../lib/pipeline/run_protocol';
import { EXTERNAL_ROTATION } from '../lib/pipeline/test_setup';
import { hipProtocol } from '../lib/protocols/hip_guided';
import type { HipTestId } from '../lib/types';

/** One round's length (ms): the last frame's time and one frame more. */
export const loopMs = (seq: PoseSequence): number => seq.truth.series.at(-1)!.tMs + 1000 / seq.fps;

/**
 * The sequence's frames `rounds` times in a row, each round's times after the last frame of the one before; with
 * `every` > 1 only every so many frames (the app reads ≈ 4 fps of the 10 fps clip on this machine's Chromium).
 */
export function loopedFrames(seq: PoseSequence, rounds: number, every = 1) {
  const last = loopMs(seq);
  return Array.from({ length: rounds }, (_, k) => k)
    .flatMap((k) =>
      seq.poses.map((pose, i) => {
        const tMs = seq.truth.series[i]!.tMs + k * last;
        return { pose: pose && { ...pose, tMs }, tMs };
      }),
    )
    .filter((_, i) => i % every === 0);
}

/** The directions both the clip shows and the app's test asks for (supine: internal only). */
export const replayDirections = (seq: PoseSequence, test: HipTestId) =>
  (['internal', 'external'] as const).filter(
    (d) =>
      seq.truth.trials.some((t) => t.direction === d) && (d === 'internal' || EXTERNAL_ROTATION[test].ok),
  );

/**
 * The whole guided test of the sequence's kind, in the directions both its clip shows and the app's test asks for
 * (supine: internal only, test_setup.ts EXTERNAL_ROTATION), over the clip played `rounds` times round (three by
 * default: what the CI replay test affords; a person out of step with the clip may need more, as in the app, which
 * loops on).
 */
export function loopedHipRun(seq: PoseSequence, test: HipTestId, rounds = 3, every = 1) {
  return runProtocol(
    hipProtocol({ test, directions: replayDirections(seq, test) }),
    loopedFrames(seq, rounds, every),
  );
}

/** The whole guided seated test (both directions) over a seated clip played round. */
export function loopedSeatedRun(seq: PoseSequence, rounds = 3, every = 1) {
  return loopedHipRun(seq, 'seated', rounds, every);
}
