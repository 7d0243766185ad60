// Whole recordings for the recording-analysis tests: pieces of scripted bodies (scripted_person.ts) or of a
// real model's recording played one after another on one clock, in orders the live prompts never use.
import type { TimedPose } from '../lib/pipeline/run_protocol';
import type { PoseSequence } from '../lib/pipeline/pose_sequence';
import type { HipTestId } from '../lib/protocols/types';
import type { Side } from '../lib/types';
import { scriptedFrames, type Script, type ScriptedTrial } from './scripted_person';

/** Pieces played back to back: each re-based to start one frame after the previous piece ended. */
export function splice(pieces: readonly (readonly TimedPose[])[], frameMs: number): TimedPose[] {
  const out: TimedPose[] = [];
  let next = 0;
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const shift = next - piece[0]!.tMs;
    for (const f of piece) {
      const tMs = f.tMs + shift;
      out.push({ pose: f.pose && { ...f.pose, tMs }, tMs });
    }
    next = out[out.length - 1]!.tMs + frameMs;
  }
  return out;
}

/**
 * A scripted piece: these trials (with a lead-in and a closing neutral). Nobody prompts a recording, so seated the
 * untested leg hangs beside the tested one unless `over` says otherwise (and both legs' angles are read throughout).
 */
export function piece(
  test: HipTestId,
  trials: readonly ScriptedTrial[],
  over: Partial<Omit<Script, 'test' | 'trials'>> = {},
): TimedPose[] {
  return scriptedFrames({ test, trials, otherLegHanging: true, ...over });
}

/** A movement that starts and turns back without a hold (a false start): trials with a 0.2 s "hold". */
export function falseStart(test: HipTestId, side: Side, peakDeg: number): TimedPose[] {
  return scriptedFrames({
    test,
    trials: [{ side, peakDeg }],
    holdMs: 200,
    leadInMs: 0,
    neutralMs: 1200,
    otherLegHanging: true,
  });
}

/** Sitting or lying still in neutral for `ms` (a pause between trials). */
export function pause(test: HipTestId, side: Side, ms: number): TimedPose[] {
  return scriptedFrames({
    test,
    trials: [{ side, peakDeg: 0 }],
    leadInMs: ms,
    neutralMs: 0,
    rampMs: 0,
    holdMs: 0,
    otherLegHanging: true,
  });
}

/** A real recording's frames on its own clock (truth.series carries the times). */
export function recordedFrames(seq: PoseSequence): TimedPose[] {
  return seq.poses.map((pose, i) => ({ pose, tMs: seq.truth.series[i]!.tMs }));
}

/**
 * A real recording cut into one piece per trial, each from the end of the previous trial (so it holds the
 * still neutral before its own turn) to its own return, keyed `side/direction/trial`.
 */
export function trialPieces(seq: PoseSequence): Map<string, TimedPose[]> {
  const frames = recordedFrames(seq);
  const out = new Map<string, TimedPose[]>();
  let from = 0;
  for (const t of seq.truth.trials) {
    const to = t.returnedMs;
    // A new side starts where its first trial's neutral starts: after the other leg's last return.
    out.set(
      `${t.side}/${t.direction}/${t.trial}`,
      frames.filter((f) => f.tMs >= from && f.tMs <= to),
    );
    from = to + 1;
  }
  return out;
}
