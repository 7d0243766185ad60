// Types for squat_recording_timeline.mjs, so the TypeScript tests see its shapes.
import type { Segment } from './clip_timeline.mjs';
import type { LegTurn } from './squat_clip_timeline.mjs';

export type Tempo = 'normal' | 'slow' | 'quick';
export type SquatStep =
  { pauseMs: number } | { hipFlexDeg: number; left: LegTurn; right: LegTurn; tempo: Tempo };
export declare const SQUAT_PLAN: { startMs: number; endMs: number; reps: SquatStep[] };
export declare const DEEP_SQUAT_PLAN: typeof SQUAT_PLAN;
export declare const TEMPO: Record<
  Tempo,
  { descentMs: number; bottomMs: number; riseMs: number; standMs: number }
>;
export interface SquatRecording {
  keyframes: { name: string; hipFlexDeg: number; left: LegTurn; right: LegTurn }[];
  timeline: Segment[];
  reps: {
    rep: number;
    tempo: Tempo;
    startMs: number;
    bottomStartMs: number;
    bottomEndMs: number;
    bottomMs: number;
    endMs: number;
    keyframe: number;
  }[];
  pauses: { startMs: number; endMs: number }[];
  durationMs: number;
}
export declare function buildSquatRecording(plan?: typeof SQUAT_PLAN): SquatRecording;
