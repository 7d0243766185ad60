// A whole recording → its analysis: every frame's angles, the trials found without prompts, the result by
// the live test's rules and its findings. Recorded video in the browser and `goniocam analyze` both call
// this with the poses their model returned (upright source frame: any container rotation and the test's
// frame turn already undone), so a clip gives the same numbers in both. Pure.
import { DEFAULT_METHOD } from '../geometry';
import { readHipFrame } from '../protocols/hip_frame';
import { legExcursions, type LegReading } from '../protocols/hip_segments';
import { attributeExcursions } from '../protocols/leg_attribution';
import { applyTrialRule, recordedResult, type PlanStep } from '../protocols/recorded_result';
import { recordedTrial } from '../protocols/recorded_trial';
import type { CompensationSpan, RecordedTrial } from '../protocols/recorded_types';
import type { Direction } from '../protocols/types';
import type { HipTestId, Side, TestId } from '../types';
import { analyseSquatRecording } from './analyse_squat_recording';
import type { AnalysedFrame, HipRecordingAnalysis, RecordingAnalysis, RecordingInfo } from './analysis_types';
import { hipOutcome } from './outcome';
import type { TimedPose } from './run_protocol';
import { EXTERNAL_ROTATION } from './test_setup';

const SIDES: readonly Side[] = ['right', 'left'];

export interface AnalyseOptions {
  /** The legs to report (default both). Both legs are still read: which leg moved needs the other one. */
  readonly sides?: readonly Side[];
}

/**
 * Throws, with what is wrong, for an empty recording or frames not in presentation order (a feeder's bug:
 * still windows and trial times need one forward clock). The feeders check emptiness first, in their words.
 */
export function analyseRecording(
  test: TestId,
  poses: readonly TimedPose[],
  info: RecordingInfo,
  opts: AnalyseOptions = {},
): RecordingAnalysis {
  if (poses.length === 0) throw new Error('the recording has no frames to analyse');
  poses.forEach(({ tMs }, i) => {
    const before = i > 0 ? poses[i - 1]!.tMs : -Infinity;
    if (!Number.isFinite(tMs) || tMs <= before)
      throw new Error(
        `frame ${i} at ${tMs} ms does not come after frame ${i - 1} at ${before} ms: frames must be in presentation order`,
      );
  });
  return test === 'squat' ? analyseSquatRecording(poses, info) : analyseHip(test, poses, info, opts);
}

function analyseHip(
  test: HipTestId,
  poses: readonly TimedPose[],
  info: RecordingInfo,
  opts: AnalyseOptions,
): HipRecordingAnalysis {
  const method = DEFAULT_METHOD[test];
  const readings = {} as Record<Side, LegReading[]>;
  for (const side of SIDES)
    readings[side] = poses.map(({ pose, tMs }) => {
      const r = readHipFrame(pose, test, side, method);
      return r.ok ? { tMs, frame: r.frame, reason: null } : { tMs, frame: null, reason: r.reason };
    });
  const frames: AnalysedFrame[] = poses.map(({ pose, tMs }, i) => ({
    tMs,
    pose,
    legs: {
      right: legAngle(readings.right[i]!),
      left: legAngle(readings.left[i]!),
    },
  }));

  const sides = SIDES.filter((s) => !opts.sides || opts.sides.includes(s));
  const external = EXTERNAL_ROTATION[test];
  const directions: Direction[] = external.ok ? ['internal', 'external'] : ['internal'];
  const excursions = attributeExcursions(
    { right: legExcursions('right', readings.right), left: legExcursions('left', readings.left) },
    readings,
  ).filter((ex) => sides.includes(ex.side) && directions.includes(ex.direction));

  const found: RecordedTrial[] = [];
  const spans: CompensationSpan[] = [];
  for (const ex of excursions) {
    const t = recordedTrial(ex, readings[ex.side], test);
    if (!t) continue;
    found.push(t.trial);
    spans.push(...t.spans);
  }
  const trials = applyTrialRule(found);
  const plan: PlanStep[] = sides.flatMap((side) => directions.map((direction) => ({ side, direction })));
  const unseen: Partial<Record<Side, string>> = {};
  for (const side of sides) {
    const why = mostlyUnseen(readings[side]);
    if (why) unseen[side] = why;
  }
  const { result, missing } = recordedResult(
    test,
    method,
    plan,
    trials,
    poses[0]!.tMs,
    poses[poses.length - 1]!.tMs,
    unseen,
  );
  if (!external.ok)
    for (const side of sides) missing.push({ side, direction: 'external', reason: external.why });
  return {
    kind: 'hip',
    test,
    info,
    frames,
    trials,
    spans: spans.sort((a, b) => a.startMs - b.startMs),
    missing,
    outcome: hipOutcome(result),
  };
}

function legAngle(r: LegReading): AnalysedFrame['legs'][Side] {
  return r.frame
    ? { deg: r.frame.deg, confidence: r.frame.confidence, reason: null }
    : { deg: null, confidence: 0, reason: r.reason ?? 'not measured' };
}

/** When a leg was measurable in under half the frames: the commonest reason, with the share seen. */
function mostlyUnseen(readings: readonly LegReading[]): string | null {
  const counts = new Map<string, number>();
  for (const r of readings) if (r.reason) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1);
  const unseen = [...counts.values()].reduce((a, b) => a + b, 0);
  if (unseen * 2 <= readings.length) return null;
  const [reason] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return `${reason} (measurable in ${Math.round((100 * (readings.length - unseen)) / readings.length)} % of frames)`;
}
