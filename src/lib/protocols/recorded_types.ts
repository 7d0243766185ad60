// What segmenting a recording (no prompts) gives per trial and per compensation, defined here, below the
// pipeline, because the protocols layer builds them; pipeline/analysis_types.ts re-exports them. Pure types.
import type { Side } from '../types';
import type { Compensation, Trial } from './types';

/** A hip trial found in a recording by segmentation (no prompts): the live Trial plus where its peak is. */
export interface RecordedTrial extends Trial {
  /** Time of the end-range frame (the middle of the hold), ms. */
  readonly peakMs: number;
  /** Rotation at the peak, positive in the trial's direction (degrees). */
  readonly peakDeg: number;
  /**
   * Set when the trial is listed but not in the result, with why: a valid trial after the third of its
   * side and direction (recorded_result.ts takes the first three, as the live test does). Absent = counted.
   */
  readonly excluded?: string;
}

/** A span of the recording during which a compensation was seen (the chart shades these). */
export interface CompensationSpan {
  readonly side: Side;
  readonly startMs: number;
  readonly endMs: number;
  readonly compensation: Compensation;
}
