// The one pipeline for a guided hip test (seated, supine 90/90, prone): the model and frame turn its camera
// view needs, the protocol, the result and its findings. The live session, recorded video and the CLI feed
// poses into this and nothing else, so the numbers a screen shows, a report stores and the CLI prints come
// from the same code (ARCHITECTURE.md §13). Pure.
import type { FrameRotation } from '../pose/rotation';
import { hipProtocol, type HipState } from '../protocols/hip_guided';
import type { SquatResult } from '../protocols/squat_types';
import type { Direction, HipTestResult, Protocol } from '../protocols/types';
import type { HipMethod, HipTestId, ModelId, Pose, Side } from '../types';
import { analyseRecording, type AnalyseOptions } from './analyse_recording';
import type { HipOutcome, HipRecordingAnalysis, RecordingInfo } from './analysis_types';
import { measureStill, type StillResult } from './measure_still';
import type { TimedPose } from './run_protocol';
import { hipOutcome } from './outcome';
import { EXTERNAL_ROTATION, TEST_KNEE_MASK, TEST_MODELS, TEST_ROTATION } from './test_setup';

export interface HipGuidedOptions {
  /** Which leg goes first (the other follows). */
  readonly firstSide: Side;
  /**
   * Only these legs, in this order (a trainer's screening link may ask for one side); when absent, both
   * legs, firstSide first.
   */
  readonly sides?: readonly Side[];
  /** External rotation too, where the test can measure it (EXTERNAL_ROTATION). */
  readonly includeExternal: boolean;
  readonly trials?: number;
  readonly method?: HipMethod;
}

export interface HipPipeline {
  readonly test: HipTestId;
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** Whether a frame with a low-scored knee gets the person mask's second look (TEST_KNEE_MASK). */
  readonly kneeMask: boolean;
  /** Whether this test can measure external rotation, and why not. */
  readonly external: (typeof EXTERNAL_ROTATION)[HipTestId];
  /** The prompted, hands-free protocol the live session steps frame by frame. */
  guided(options: HipGuidedOptions): Protocol<HipState, HipTestResult>;
  /** A finished result with its findings (and the link to a squat from the same session). */
  outcome(result: HipTestResult, squat?: SquatResult | null): HipOutcome;
  /**
   * A recording (recorded video, `goniocam analyze`): every frame's pose, no prompts followed; the trials
   * are found in the angle series and judged by the live test's rules.
   */
  analyse(poses: readonly TimedPose[], info: RecordingInfo, opts?: AnalyseOptions): HipRecordingAnalysis;
  /** One still frame (the CLI's measure): the number for one leg, or why there is none. */
  still(pose: Pose | null, side: Side, method?: HipMethod): StillResult;
}

export function hipPipeline(test: HipTestId): HipPipeline {
  const external = EXTERNAL_ROTATION[test];
  return {
    test,
    model: TEST_MODELS[test],
    rotation: TEST_ROTATION[test],
    kneeMask: TEST_KNEE_MASK[test],
    external,
    guided({ firstSide, sides: only, includeExternal, trials, method }) {
      const sides: readonly Side[] = only?.length
        ? only
        : firstSide === 'right'
          ? ['right', 'left']
          : ['left', 'right'];
      const directions: Direction[] =
        includeExternal && external.ok ? ['internal', 'external'] : ['internal'];
      return hipProtocol({
        test,
        sides,
        directions,
        ...(trials !== undefined ? { trials } : {}),
        ...(method ? { method } : {}),
      });
    },
    outcome: (result, squat = null) => hipOutcome(result, squat),
    analyse: (poses, info, opts) => analyseRecording(test, poses, info, opts) as HipRecordingAnalysis,
    still: (pose, side, method) => measureStill(pose, test, side, method ? { method } : {}),
  };
}
