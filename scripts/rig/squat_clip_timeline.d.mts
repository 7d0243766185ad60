// Types for squat_clip_timeline.mjs, so the TypeScript tests (and scripts) see its shapes.
import type { Segment } from './clip_timeline.mjs';
export { CLIP_FORMAT } from './clip_timeline.mjs';
export declare const START_STAND_MS: number;
export declare const DESCENT_MS: number;
export declare const BOTTOM_MS: number;
export declare const RISE_MS: number;
export declare const END_STAND_MS: number;
export declare const RAMP_STEPS: number;
export declare const TRUNK_LEAN_PER_HIP_FLEX: number;

export interface LegTurn {
  adductionDeg: number;
  internalDeg: number;
}
export interface SquatPose {
  hipFlexDeg: number;
  left: LegTurn;
  right: LegTurn;
}
export declare const DEFAULT_REPS: SquatPose[];
export interface SquatStyle {
  maxKneeOverToeDeg: number;
  maxTrunkLeanDeg: number;
  stanceM: number;
}
export declare const DEEP_SQUAT_STYLE: SquatStyle;
export declare function squatSpec(
  pose: SquatPose,
  style?: SquatStyle | null,
): {
  hipFlexDeg: number;
  trunkLeanDeg: number;
  kneeOverToeDeg?: number;
  stanceM?: number;
  legs: { left: LegTurn; right: LegTurn };
  planted: true;
  footFlat: true;
};
export interface SquatSchedule {
  keyframes: (SquatPose & { name: string })[];
  timeline: Segment[];
  reps: {
    rep: number;
    startMs: number;
    bottomStartMs: number;
    bottomEndMs: number;
    endMs: number;
    keyframe: number;
  }[];
  durationMs: number;
}
export declare function buildSquatSchedule(reps?: SquatPose[]): SquatSchedule;
export interface SquatFrameTruth {
  depth: number;
  fppaDeg: { left: number; right: number };
}
export declare function sampleSquatClip(
  clip: { keyframes: readonly { hipFlexDeg: number }[]; timeline: readonly Segment[]; durationMs: number },
  fps: number,
  truthOf: (keyframe: number) => SquatFrameTruth,
): { frames: number[]; series: ({ tMs: number; hipFlexDeg: number } & SquatFrameTruth)[] };
export type Joints2d = Record<string, [number, number]>;
export declare function fppaFromJoints(joints: Joints2d, side: 'left' | 'right'): number;
export declare function depthFromJoints(joints: Joints2d, standing: Joints2d): number;
export declare function kneeInFromBodyJoints(
  j: Record<string, number[]>,
  standing: Record<string, number[]>,
  side: 'left' | 'right',
): number;
export declare function kneeInFromJoints(
  j: Record<string, number[]>,
  standing: Record<string, number[]>,
  side: 'left' | 'right',
): number;
