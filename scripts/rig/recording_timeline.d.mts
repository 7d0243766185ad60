// Types for recording_timeline.mjs, so the TypeScript tests see its shapes.
import type { Direction, Segment, Side } from './clip_timeline.mjs';

export declare const RECORDING_TRUTH_FORMAT: 'goniocam-recording-truth/1';
export declare const HIP_TIMING: {
  startMs: number;
  neutralMs: number;
  rampMs: number;
  holdMs: number;
  endMs: number;
  rampSteps: number;
  moveMs: number;
  moveSteps: number;
  settleMs: number;
};
export declare const OTHER_LEG_ABDUCTION_DEG: number;

export type HipBlock =
  | { pauseMs: number }
  | { side: Side; direction: Direction; peaks: (number | { abortDeg: number })[]; clearOtherLeg?: boolean };
export declare const HIP_PLANS: Record<'seated' | 'prone' | 'supine', HipBlock[]>;

export interface RecordedTrialTruth {
  side: Side;
  direction: Direction;
  trial: number;
  startMs: number;
  holdStartMs: number;
  holdEndMs: number;
  peakMs: number;
  endMs: number;
  /** Positive degrees in the trial's direction. */
  peakDeg: number;
  counted: boolean;
}
export interface HipRecording {
  keyframes: { side: Side; hipRotationDeg: number; otherAbductionDeg: number }[];
  timeline: Segment[];
  trials: RecordedTrialTruth[];
  attempts: { side: Side; direction: Direction; startMs: number; endMs: number; maxDeg: number }[];
  pauses: { startMs: number; endMs: number }[];
  durationMs: number;
}
export declare function buildHipRecording(plan: HipBlock[], timing?: typeof HIP_TIMING): HipRecording;
export declare function expectedResults(
  trials: readonly RecordedTrialTruth[],
): Partial<Record<Side, Partial<Record<Direction, number>>>>;
export declare function cfrTimes(durationMs: number, fps: number): number[];
export declare function seeded(seed: number): () => number;
export declare function vfrTimes(
  durationMs: number,
  opts?: { fps?: number; jitterMs?: number; dropEvery?: number; repeatEvery?: number; seed?: number },
): { tMs: number; captureMs: number }[];
export declare function keyframesAt(timeline: readonly Segment[], momentsMs: readonly number[]): number[];
