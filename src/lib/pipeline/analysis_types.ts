// What the one pipeline hands every feeder (live session, recorded video, CLI) when a test ends: the
// protocol's result *with* its findings, so screens, reports and the CLI only render or print it. And, for
// a recording, the per-frame series behind it (the chart, scrubbing, the per-frame CSV). Pure types.
import type { Finding } from '../feedback/types';
import type { SquatResult } from '../protocols/squat_types';
import type { CompensationSpan, RecordedTrial } from '../protocols/recorded_types';
import type { Direction, HipTestId, HipTestResult } from '../protocols/types';
import type { ModelId, Pose, Side } from '../types';

/** A finished hip test and what goniocam says about it. */
export interface HipOutcome {
  readonly kind: 'hip';
  readonly result: HipTestResult;
  readonly findings: readonly Finding[];
  /** Per side, the total rotation arc (internal + external) where both were measured. */
  readonly arcs: Readonly<Partial<Record<Side, TotalArc>>>;
}

/** Internal + external rotation of one hip; its confidence is the weaker of the two. */
export interface TotalArc {
  readonly deg: number;
  readonly confidence: number;
}

/** A finished squat set and what goniocam says about it. */
export interface SquatOutcome {
  readonly kind: 'squat';
  readonly result: SquatResult;
  readonly findings: readonly Finding[];
}

export type Outcome = HipOutcome | SquatOutcome;

/** One leg's angle in one frame of a recording: the value, or why there is none. */
export interface LegAngle {
  /** Hip tests: femoral rotation, internal positive. Squat: knee FPPA, valgus positive. Null = not measured. */
  readonly deg: number | null;
  readonly confidence: number;
  /** Why `deg` is null (the geometry's or protocol's own words); null when measured. */
  readonly reason: string | null;
}

/** One analysed frame of a recording. */
export interface AnalysedFrame {
  /** The sample's own presentation time (ms from the clip's start), never index ÷ fps. */
  readonly tMs: number;
  /** The pose the model returned for this frame (source-frame pixels), null when nobody was found. */
  readonly pose: Pose | null;
  readonly legs: Readonly<Record<Side, LegAngle>>;
}

// Built by the protocols layer (segmentation of a recording), so defined there.
export type { CompensationSpan, RecordedTrial } from '../protocols/recorded_types';

/** Facts about the clip and the run, for the results header, the JSON and the report. */
export interface RecordingInfo {
  readonly file: string;
  readonly model: ModelId;
  /** Frames analysed (inferred). */
  readonly frames: number;
  /** Mean frame rate from the timestamps (frames ÷ duration). */
  readonly fps: number;
  readonly durationS: number;
  /** Wall-clock seconds the analysis took (measured by the feeder, passed in). */
  readonly analysisS: number;
  readonly width: number;
  readonly height: number;
  /** Clockwise rotation from the container's metadata that was applied before the model (0/90/180/270). */
  readonly rotationDeg: number;
}

/** A whole hip test found in a recording. */
export interface HipRecordingAnalysis {
  readonly kind: 'hip';
  readonly test: HipTestId;
  readonly info: RecordingInfo;
  readonly frames: readonly AnalysedFrame[];
  readonly trials: readonly RecordedTrial[];
  readonly spans: readonly CompensationSpan[];
  /** Sides and directions the clip does not show, with why (→ resultDeg null + reason in the JSON). */
  readonly missing: readonly { side: Side; direction: Direction; reason: string }[];
  readonly outcome: HipOutcome;
}

/** A squat set found in a recording. */
export interface SquatRecordingAnalysis {
  readonly kind: 'squat';
  readonly test: 'squat';
  readonly info: RecordingInfo;
  readonly frames: readonly AnalysedFrame[];
  readonly spans: readonly CompensationSpan[];
  readonly outcome: SquatOutcome;
}

export type RecordingAnalysis = HipRecordingAnalysis | SquatRecordingAnalysis;
