// A recorded squat set → its analysis: the squat screen's own protocol (setup baseline, rep detection,
// per-rep values) run over the whole recording, with no rep target ending it early and no prompts needed;
// every frame's knee FPPA per leg for the chart. Pure.
import { measureFppa } from '../geometry';
import { initSquat, squatOptions, squatProtocol, squatResult, stepSquat } from '../protocols/squat';
import { measureSquatFrame } from '../protocols/squat_frame';
import { fppaAsymmetry, legSummary, spread } from '../protocols/squat_summary';
import type { SquatResult, SquatState } from '../protocols/squat_types';
import type { Pose, Side } from '../types';
import type { AnalysedFrame, LegAngle, RecordingInfo, SquatRecordingAnalysis } from './analysis_types';
import { squatOutcome } from './outcome';
import { runProtocol, type TimedPose } from './run_protocol';

/** No rep target: the protocol counts every rep in the clip (the result then says how many it found). */
const NO_TARGET = Number.MAX_SAFE_INTEGER;

/**
 * Read twice: a recording has no "stand still, then start" prompt, so the person may begin the first squat
 * before standing still for the baseline's second. The first pass finds the standing baseline wherever the
 * clip first shows it; the second runs the same protocol from the first frame with that baseline, so a
 * squat that began before it is counted too. Without any still standing second, the first pass is all
 * there is and the result says why no rep was counted.
 */
export function analyseSquatRecording(
  poses: readonly TimedPose[],
  info: RecordingInfo,
): SquatRecordingAnalysis {
  const options = squatOptions({ targetReps: NO_TARGET });
  const startMs = poses[0]!.tMs;
  const first = runProtocol(squatProtocol(options), poses).state;
  let state: SquatState = first.baseline
    ? {
        ...initSquat(options, startMs),
        phase: 'reps',
        baseline: first.baseline,
        baselineView: first.baselineView,
      }
    : initSquat(options, startMs);
  const frames: AnalysedFrame[] = poses.map(({ pose, tMs }) => {
    if (first.baseline) state = stepSquat(state, pose, tMs).state;
    const legs = { left: fppaOf(first, pose, 'left', tMs), right: fppaOf(first, pose, 'right', tMs) };
    return { tMs, pose, legs };
  });
  const result = finished(first.baseline ? state : first, poses[poses.length - 1]!.tMs);
  return { kind: 'squat', test: 'squat', info, frames, spans: [], outcome: squatOutcome(result) };
}

/** The FPPA the protocol uses for this frame: against the clip's standing baseline, with its turned-body check. */
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
    kneeIn: spread([why]),
    fppaAsymmetry: fppaAsymmetry(legs),
    baseline: null,
    startedMs: state.startedMs,
    endedMs: endMs,
  };
}
