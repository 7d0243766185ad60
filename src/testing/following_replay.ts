// A rig clip's frames played as a person who follows the guided test's prompts would move: at rest in the start
// position until told to turn, then the clip's own ramp, hold (as long as the test wants it) and return for that side
// and direction, then rest again. The looping replay (looped_replay.ts) plays the clip in its fixed order, as
// Chromium's fake camera does: whenever the test falls out of step with the clip (a start position that takes longer
// to settle than the clip waits, a voided trial) it waits for the clip to come round, or sees the clip turn the leg the
// other way or move the other leg. That measures the clip's timing as much as the pose model; this measures the model
// and the protocol, the way a person at home would use them. Test support only; pure.
import type { PoseSequence, TrialTruth } from '../lib/pipeline/pose_sequence';
import { ProtocolRunner, type TranscriptLine } from '../lib/pipeline/run_protocol';
import { hipProtocol } from '../lib/protocols/hip_guided';
import type { HipState } from '../lib/protocols/hip_state';
import type { HipTestResult } from '../lib/protocols/types';
import type { HipTestId, Side } from '../lib/types';
import { replayDirections } from './looped_replay';

/** How long a person takes to start moving after the prompt (frames of rest shown first). */
export const REACTION_MS = 500;
/** The clip's rest before a trial that counts as its start position (the clips rest 1.5 s between trials). */
const REST_MS = 1500;
/** The longest a whole test is played before it counts as never finishing. */
export const FOLLOW_MAX_MS = 10 * 60_000;

type Stage = 'rest' | 'out' | 'hold' | 'back';

export interface FollowingRun {
  readonly state: HipState;
  readonly result: HipTestResult | null;
  readonly transcript: readonly TranscriptLine[];
  /** Each frame shown: its time and the clip frame it came from (for what the clip showed at a time). */
  readonly shown: readonly { readonly tMs: number; readonly frame: number }[];
}

/**
 * The whole guided test of the clip's kind (the directions both the clip shows and the app's test asks for) with the
 * clip's frames chosen by what the test asks, every `every`-th frame time shown (the app reads ≈ 4 fps of a 10 fps
 * camera on this machine's Chromium).
 */
export function followingHipRun(seq: PoseSequence, test: HipTestId, every = 1): FollowingRun {
  const frameMs = 1000 / seq.fps;
  const at = (tMs: number) => Math.min(seq.poses.length - 1, Math.max(0, Math.round(tMs / frameMs)));
  const span = (fromMs: number, toMs: number) => {
    const out: number[] = [];
    for (let i = at(fromMs); i < at(toMs); i++) out.push(i);
    return out;
  };
  const trialsOf = (side: Side, direction: string) =>
    seq.truth.trials.filter((t) => t.side === side && t.direction === direction);
  // The clip's rest just before a trial: what the person shows while told to hold the start position.
  const restBefore = (t: TrialTruth) => {
    const frames = span(t.rampStartMs - REST_MS, t.rampStartMs).filter(
      (i) => seq.truth.series[i]!.side === t.side && seq.truth.series[i]!.hipRotationDeg === 0,
    );
    return frames.length ? frames : [at(t.rampStartMs)];
  };

  const runner = new ProtocolRunner(hipProtocol({ test, directions: replayDirections(seq, test) }), 0);
  const shown: { tMs: number; frame: number }[] = [];
  const done = new Map<string, number>(); // trials played per side and direction: the next one of the clip's
  let stage: Stage = 'rest';
  let queue: number[] = [];
  let trial: TrialTruth | null = null;
  let reactFrom: number | null = null;
  let restFor: TrialTruth | null = null; // the trial whose rest is being shown
  let tick = 0;
  for (let tMs = 0; tMs <= FOLLOW_MAX_MS; tMs += frameMs, tick++) {
    const s = runner.state;
    if (s.phase === 'done') break;
    const step = s.plan[s.stepIdx]!;
    const key = `${step.side} ${step.direction}`;
    const clipTrials = trialsOf(step.side, step.direction);
    const next = clipTrials[(done.get(key) ?? 0) % clipTrials.length]!;
    if (stage === 'rest' && s.phase === 'move') {
      reactFrom ??= tMs;
      if (tMs - reactFrom >= REACTION_MS) {
        trial = next;
        done.set(key, (done.get(key) ?? 0) + 1);
        stage = 'out';
        queue = span(trial.rampStartMs, trial.holdStartMs);
        reactFrom = null;
      }
    } else if ((stage === 'out' || stage === 'hold') && s.phase !== 'move' && s.phase !== 'hold') {
      // The test has the trial (or voided it): back to the start position.
      stage = 'back';
      queue = span(trial!.holdEndMs, trial!.returnedMs);
    }
    // Told to start the next side or direction: its start position, not the last one's.
    if (stage === 'rest' && restFor !== next) queue = [];
    if (queue.length === 0) {
      if (stage === 'out') stage = 'hold';
      else if (stage === 'back') stage = 'rest';
      // Held or resting as long as the test wants: the clip's hold or rest, played to and fro.
      if (stage === 'rest') restFor = next;
      const base = stage === 'hold' ? span(trial!.holdStartMs, trial!.holdEndMs) : restBefore(next);
      queue = [...base, ...base.slice(0, -1).reverse().slice(0, -1)];
      if (queue.length === 0) queue = base;
    }
    const frame = queue.shift()!;
    if (tick % every !== 0) continue;
    const pose = seq.poses[frame] ?? null;
    runner.push(pose && { ...pose, tMs }, tMs);
    shown.push({ tMs, frame });
  }
  return { state: runner.state, result: runner.result(), transcript: runner.transcript, shown };
}
