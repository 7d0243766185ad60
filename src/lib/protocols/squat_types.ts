// The squat screen's vocabulary: options, per-frame and per-rep values, the result. Every number comes
// with a confidence or the reason it is missing (never NaN, never a silent zero).
import type { StandingBaseline } from '../geometry/standing_baseline';
import type { ViewReading } from '../geometry/view';
import type { Side } from '../types';
import type { RepDetectorOptions, RepDetectorState } from './squat_reps';

export type SquatVariant = 'double' | 'single-left' | 'single-right';

export interface SquatOptions {
  readonly variant: SquatVariant;
  /** The test ends by itself after this many counted reps. */
  readonly targetReps: number;
  /** Standing still this long (ms) gives the standing baseline (depth 0, leg length). */
  readonly baselineMs: number;
  /** How far the hips may wander while "standing still", as a fraction of leg length. */
  readonly stillTolerance: number;
  /** A joint counts as in view from this score (stricter than drawing it). */
  readonly minVisibleScore: number;
  /** FPPA / knee displacement are taken from frames at least this fraction of the rep's deepest hip drop. */
  readonly bottomBand: number;
  readonly reps: RepDetectorOptions;
}

/** A value for one rep (or one frame) with its confidence 0..1, or why there is none. */
export type RepValue =
  | { readonly ok: true; readonly value: number; readonly confidence: number }
  | { readonly ok: false; readonly reason: string };

/** What one frame of a rep measured, for one leg. */
export interface LegFrame {
  readonly fppaDeg: RepValue;
  readonly medialKneeDisplacement: RepValue;
  readonly footTurnOutDeg: RepValue;
  /**
   * Knee-in (geometry/knee_in.ts): the knee's sideways travel toward the other leg relative to its own ankle since
   * standing, fraction of leg length, + in. This leg's own value only in a single-leg squat (in a double-leg squat
   * a turned camera adds its share to one knee and takes it from the other); SquatFrame.kneeIn there.
   */
  readonly kneeIn: RepValue;
}

export interface SquatFrame {
  readonly tMs: number;
  /** Hip drop / standing leg length (0 standing). */
  readonly depth: number;
  readonly depthConfidence: number;
  readonly legs: Readonly<Partial<Record<Side, LegFrame>>>;
  readonly trunkLeanDeg: RepValue;
  readonly kneeCommonShift: RepValue;
  /** Both knees' mean knee-in (double-leg squats): a camera's turn adds as much to one as it takes from the other. */
  readonly kneeIn: RepValue;
}

export interface LegRep {
  /** FPPA (°, 0 straight, + valgus) at the deepest frame of the rep where it could be measured. */
  readonly fppaDeg: RepValue;
  /** Hip drop of the frame FPPA comes from (null without FPPA): how deep "the deepest point" was. */
  readonly fppaAtDepth: number | null;
  /** When that frame was (ms, null without FPPA): in a deep squat, on the way down or up, not at the bottom. */
  readonly fppaAtMs?: number | null;
  /** This knee's knee-in, median over the rep's bottom frames (see LegFrame.kneeIn; single-leg squats). Absent in older reports. */
  readonly kneeIn?: RepValue;
  /** Knee distance from the hip–ankle line / standing leg length, + medial, at the deepest frame it could be measured. */
  readonly medialKneeDisplacement: RepValue;
  /** Foot turn-out (°, + toes out) at the deepest frame. */
  readonly footTurnOutDeg: RepValue;
}

export interface SquatRep {
  /** 1-based. */
  readonly index: number;
  readonly startMs: number;
  readonly bottomMs: number;
  readonly endMs: number;
  /** Deepest hip drop, fraction of the standing leg length: what a frontal view can say about depth. */
  readonly depth: RepValue;
  /** Lateral trunk lean at the deepest frame (°, + toward the person's left). */
  readonly trunkLeanDeg: RepValue;
  /** Both knees' common sideways shift at the deepest frame (+ toward the person's left): the turned-body check. */
  readonly kneeCommonShift: RepValue;
  /** Both knees' mean knee-in, median over the rep's bottom frames (+ in): what a trainer watches at the bottom. */
  readonly kneeIn?: RepValue;
  /** The measured legs: both, or the standing leg of a single-leg squat. */
  readonly legs: Readonly<Partial<Record<Side, LegRep>>>;
}

/** Mean and spread of one value across reps. */
export interface Spread {
  /** Reps that gave a value. */
  readonly n: number;
  readonly mean: number | null;
  /** Sample standard deviation; null below 2 values. */
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Mean confidence of the values × the share of reps that gave one. */
  readonly confidence: number;
  /** Why there is no value (n = 0), else null. */
  readonly reason: string | null;
}

export interface LegSummary {
  readonly fppaDeg: Spread;
  readonly medialKneeDisplacement: Spread;
  readonly footTurnOutDeg: Spread;
  /** Absent in reports saved before knee-in existed. */
  readonly kneeIn?: Spread;
}

/** Left minus right mean FPPA (+ = the left knee goes further into valgus). Double-leg squats only. */
export type FppaAsymmetry =
  | { readonly ok: true; readonly leftMinusRightDeg: number; readonly confidence: number }
  | { readonly ok: false; readonly reason: string };

export interface DiscardCounts {
  /** Went down but not deep enough to count (half reps). */
  readonly tooShallow: number;
  /** Down and up faster than a controlled squat. */
  readonly tooFast: number;
  /** The person was lost from view mid-rep. */
  readonly lost: number;
}

export interface SquatResult {
  readonly test: 'squat';
  readonly variant: SquatVariant;
  readonly targetReps: number;
  readonly reps: readonly SquatRep[];
  /** Reached targetReps (false when told to finish earlier). */
  readonly completed: boolean;
  readonly discarded: DiscardCounts;
  readonly legs: Readonly<Partial<Record<Side, LegSummary>>>;
  readonly depth: Spread;
  readonly trunkLeanDeg: Spread;
  /** Both knees' mean knee-in across reps (double-leg squats); absent in reports saved before it existed. */
  readonly kneeIn?: Spread;
  readonly fppaAsymmetry: FppaAsymmetry;
  /** The standing reference (pixels) and the view it was taken in. */
  readonly baseline: { readonly legLengthPx: number; readonly view: ViewReading } | null;
  readonly startedMs: number;
  readonly endedMs: number;
}

export type SquatPhase = 'setup' | 'reps' | 'done';

export interface SquatState {
  readonly options: SquatOptions;
  readonly phase: SquatPhase;
  readonly startedMs: number;
  readonly endedMs: number | null;
  /** Setup: the standing frames of the current still window and when it began. */
  readonly stillFrames: readonly StandingBaseline[];
  readonly stillSinceMs: number | null;
  readonly baseline: StandingBaseline | null;
  readonly baselineView: ViewReading | null;
  readonly detector: RepDetectorState;
  /** The last frame measured in the reps phase (the live valgus lines draw it); null before or when unreadable. */
  readonly live: SquatFrame | null;
  /**
   * The pose time (Pose.tMs) of the frame `live` was read from: the frame's own clock, not the protocol's, so a
   * drawing of a pose can tell whether `live` is that pose's reading.
   */
  readonly livePoseTMs: number | null;
  /** Frames of the rep in progress (from the start of its descent). */
  readonly repFrames: readonly SquatFrame[];
  readonly reps: readonly SquatRep[];
  readonly discarded: DiscardCounts;
  /** The last prompt said and when (no repeating the same words every frame). */
  readonly said: { readonly id: string; readonly tMs: number } | null;
  /** The "turn square to the camera" warning has been given. */
  readonly warnedTurned: boolean;
}
