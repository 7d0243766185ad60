// A recorded squat set → its analysis: the squat screen's own protocol (setup baseline, rep detection,
// per-rep values) run over the whole recording, with no rep target ending it early and no prompts needed;
// every frame's knee FPPA per leg for the chart. Pure.
import { measureFppa } from '../geometry';
import { squatProtocol, squatResult } from '../protocols/squat';
import { measureSquatFrame } from '../protocols/squat_frame';
import { fppaAsymmetry, legSummary, spread } from '../protocols/squat_summary';
import type { SquatResult, SquatState } from '../protocols/squat_types';
import type { Pose, Side } from '../types';
import type { AnalysedFrame, LegAngle, RecordingInfo, SquatRecordingAnalysis } from './analysis_types';
import { squatOutcome } from './outcome';
import { ProtocolRunner, type TimedPose } from './run_protocol';

/** No rep target: the protocol counts every rep in the clip (the result then says how many it found). */
const NO_TARGET = Number.MAX_SAFE_INTEGER;

export function analyseSquatRecording(
  poses: readonly TimedPose[],
  info: RecordingInfo,
): SquatRecordingAnalysis {
  const runner = new ProtocolRunner(squatProtocol({ targetReps: NO_TARGET }), poses[0]!.tMs);
  const frames: AnalysedFrame[] = poses.map(({ pose, tMs }) => {
    runner.push(pose, tMs);
    return {
      tMs,
      pose,
      legs: {
        left: fppaOf(runner.state, pose, 'left', tMs),
        right: fppaOf(runner.state, pose, 'right', tMs),
      },
    };
  });
  const endMs = poses[poses.length - 1]!.tMs;
  const result = finished(runner.state, endMs);
  return { kind: 'squat', test: 'squat', info, frames, spans: [], outcome: squatOutcome(result) };
}

/** The FPPA the protocol would use for this frame: once the standing baseline exists, with its turned-body check. */
function fppaOf(state: SquatState, pose: Pose | null, side: Side, tMs: number): LegAngle {
  if (!pose) return { deg: null, confidence: 0, reason: 'nobody in view' };
  if (!state.baseline) {
    const m = measureFppa(pose, side);
    return m.ok
      ? { deg: m.valueDeg, confidence: m.confidence, reason: null }
      : { deg: null, confidence: 0, reason: m.reason };
  }
  const f = measureSquatFrame(pose, state.baseline, state.options.variant, tMs);
  if ('reason' in f) return { deg: null, confidence: 0, reason: f.reason };
  const v = f.legs[side]?.fppaDeg;
  if (!v) return { deg: null, confidence: 0, reason: `${side} leg not measured` };
  return v.ok
    ? { deg: v.value, confidence: v.confidence, reason: null }
    : { deg: null, confidence: 0, reason: v.reason };
}

/**
 * The set as the recording shows it: "completed" and the target are what was found (a recording has no
 * target to fall short of). A person who never stood still in view gets an empty result whose summaries
 * say why, rather than an error.
 */
function finished(state: SquatState, endMs: number): SquatResult {
  const r = squatResult(state);
  const n = state.reps.length;
  if (r) return { ...r, targetReps: Math.max(1, n), completed: n > 0, endedMs: endMs };
  const why = {
    ok: false as const,
    reason: 'never stood still, facing the camera with the whole body in view, for the standing baseline',
  };
  const legs = { left: legSummary([], 'left'), right: legSummary([], 'right') };
  return {
    test: 'squat',
    variant: state.options.variant,
    targetReps: 1,
    reps: [],
    completed: false,
    discarded: state.discarded,
    legs,
    depth: spread([why]),
    trunkLeanDeg: spread([why]),
    fppaAsymmetry: fppaAsymmetry(legs),
    baseline: null,
    startedMs: state.startedMs,
    endedMs: endMs,
  };
}
