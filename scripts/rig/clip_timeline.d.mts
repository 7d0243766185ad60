// Types for clip_timeline.mjs, so the TypeScript tests (and scripts) see its shapes.
export type Side = 'left' | 'right';
export type Direction = 'internal' | 'external';
export declare const CLIP_FORMAT: 'goniocam-clip/1';
export declare const SIDE_START_NEUTRAL_MS: number;
export declare const TRIAL_NEUTRAL_MS: number;
export declare const RAMP_MS: number;
export declare const HOLD_MS: number;
export declare const END_NEUTRAL_MS: number;
export declare const RAMP_STEPS: number;
export type Peaks = Record<Side, Record<Direction, number[]>>;
export declare const DEFAULT_PEAKS: Peaks;
export declare const CLEAR_MS: number;
export declare const CLEAR_STEPS: number;
export declare const CLEAR_SETTLE_MS: number;
export declare const OTHER_LEG_ABDUCTION_DEG: number;

export interface Segment {
  startMs: number;
  endMs: number;
  keyframe: number;
  side?: Side;
}
export interface TrialTruth {
  side: Side;
  direction: Direction;
  trial: number;
  /** + internal, − external: the rotation held. */
  peakDeg: number;
  rampStartMs: number;
  holdStartMs: number;
  holdEndMs: number;
  returnedMs: number;
  compensation?: Compensation;
}
/** A compensation every trial of a clip makes (clips.mjs --compensate): its kind and how far. */
export interface Compensation {
  kind: 'knee' | 'pelvis' | 'trunk';
  deg: number;
}
export interface Schedule {
  keyframes: {
    side: Side;
    hipRotationDeg: number;
    otherAbductionDeg?: number;
    compensation?: Compensation;
  }[];
  timeline: (Segment & { side: Side })[];
  trials: TrialTruth[];
  durationMs: number;
}
export declare function buildSchedule(
  peaks?: Peaks,
  opts?: { clearOtherLeg?: boolean; otherLegAsideAll?: boolean; compensation?: Compensation | null },
): Schedule;
export declare function segmentAt<S extends Segment>(timeline: readonly S[], tMs: number): S;
export declare function sampleClip(
  clip: {
    keyframes: readonly { hipRotationDeg: number }[];
    timeline: readonly (Segment & { side: Side })[];
    trials?: readonly TrialTruth[];
    durationMs: number;
  },
  fps: number,
  range?: { startMs?: number; endMs?: number },
): {
  frames: number[];
  series: { tMs: number; side: Side; hipRotationDeg: number }[];
  trials: TrialTruth[];
};
