// The one pipeline for the squat screen: model, frame turn, protocol, result and findings, shared by the
// live session, recorded video and the CLI (ARCHITECTURE.md §13). Pure.
import type { FrameRotation } from '../pose/rotation';
import { squatProtocol } from '../protocols/squat';
import type { SquatOptions, SquatResult, SquatState } from '../protocols/squat_types';
import type { HipTestResult, Protocol } from '../protocols/types';
import type { ModelId, Pose, Side } from '../types';
import { analyseRecording } from './analyse_recording';
import type { RecordingInfo, SquatOutcome, SquatRecordingAnalysis } from './analysis_types';
import { measureStill, type StillResult } from './measure_still';
import type { TimedPose } from './run_protocol';
import { squatOutcome } from './outcome';
import { TEST_KNEE_MASK, TEST_MODELS, TEST_ROTATION } from './test_setup';

export interface SquatPipeline {
  readonly test: 'squat';
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** Whether a frame with a low-scored knee gets the person mask's second look (TEST_KNEE_MASK). */
  readonly kneeMask: boolean;
  /** The prompted protocol the live session steps frame by frame. */
  guided(options: Partial<SquatOptions>): Protocol<SquatState, SquatResult>;
  /** A finished set with its findings (and the link to a hip test from the same session). */
  outcome(result: SquatResult, hip?: HipTestResult | null): SquatOutcome;
  /** A recording: every rep found in the whole clip, no prompts followed, no target count ending it. */
  analyse(poses: readonly TimedPose[], info: RecordingInfo): SquatRecordingAnalysis;
  /** One still frame (the CLI's measure): the knee's FPPA, or why there is none. */
  still(pose: Pose | null, side: Side): StillResult;
}

export const squatPipeline: SquatPipeline = {
  test: 'squat',
  model: TEST_MODELS.squat,
  rotation: TEST_ROTATION.squat,
  kneeMask: TEST_KNEE_MASK.squat,
  guided: (options) => squatProtocol(options),
  outcome: (result, hip = null) => squatOutcome(result, hip),
  analyse: (poses, info) => analyseRecording('squat', poses, info) as SquatRecordingAnalysis,
  still: (pose, side) => measureStill(pose, 'squat', side),
};
