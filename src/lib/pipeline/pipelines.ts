// Every clinical test's one pipeline, by test id: what a feeder that is told only the test (recorded video,
// the CLI) looks up. Pure.
import type { HipTestId, TestId } from '../types';
import { hipPipeline, type HipPipeline } from './hip_pipeline';
import { squatPipeline, type SquatPipeline } from './squat_pipeline';

export type TestPipeline = HipPipeline | SquatPipeline;

export function pipelineFor(test: 'squat'): SquatPipeline;
export function pipelineFor(test: HipTestId): HipPipeline;
export function pipelineFor(test: TestId): TestPipeline;
export function pipelineFor(test: TestId): TestPipeline {
  return test === 'squat' ? squatPipeline : hipPipeline(test);
}
