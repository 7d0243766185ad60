// The vocabulary of the guided tests. Protocols are data plus a pure step function
// (ARCHITECTURE.md §8): step(state, pose, tMs) → { state, prompts }. No clocks, no DOM, no module state,
// so a recorded pose sequence replays to the same transcript every time.
import type { HipTestId, Pose, Side } from '../types';

// The test ids are shared vocabulary (types.ts); re-exported because the protocols speak of them.
export type { HipTestId, TestId } from '../types';
export type Direction = 'internal' | 'external';

/** What the protocol wants the person to hear and read now. `id` is stable (tests, de-duplication). */
export interface Prompt {
  readonly id: string;
  readonly text: string;
  /** Spoken aloud when voice is on; short texts only. */
  readonly speak: boolean;
  readonly tone: 'info' | 'action' | 'warn' | 'success';
}

/** A number with what it was compared against: every flag carries its evidence (a trainer can check it). */
export interface Evidence {
  readonly label: string;
  readonly value: number;
  readonly unit: '°' | '%' | 'ratio' | 'score' | 'ms';
  readonly threshold: number;
  readonly comparator: '<' | '>' | '≤' | '≥';
  /** Key into feedback/sources.ts. */
  readonly source: string;
}

/**
 * Every kind of compensation, the one list (the stored report and progress schemas read it too). 'start-off': the
 * side's start position was taken as it was, read off while held still; 'unsteady': a neutral or hold found no still
 * window and a noisy one was taken (both flags only).
 */
export const COMPENSATION_KINDS = [
  'knee-moved',
  'pelvis-tilt',
  'trunk-lean',
  'out-of-frame',
  'low-confidence',
  'start-off',
  'unsteady',
] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

/** A compensation seen during a trial: 'invalid' voids the trial (it is repeated), 'flag' keeps it marked. */
export interface Compensation {
  readonly kind: CompensationKind;
  readonly severity: 'flag' | 'invalid';
  /** Plain language, for the person and the trainer. */
  readonly message: string;
  readonly evidence: Evidence;
  /** When it was first seen in the trial (ms, the frames' clock). */
  readonly tMs: number;
}

export interface Trial {
  readonly side: Side;
  readonly direction: Direction;
  /** 1-based attempt number for this side and direction (invalid attempts count too). */
  readonly attempt: number;
  /** Rotation held at end range, positive in the tested direction (degrees); null when the trial was voided. */
  readonly valueDeg: number | null;
  /** 0..1 from joint scores and hold stability. */
  readonly confidence: number;
  readonly neutralDeg: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly valid: boolean;
  readonly compensations: readonly Compensation[];
}

/** One side, one direction: the trials and the value reported from them. */
export interface DirectionResult {
  readonly side: Side;
  readonly direction: Direction;
  readonly trials: readonly Trial[];
  /** The reported value (see `rule`), or null with `reason`. */
  readonly valueDeg: number | null;
  readonly rule: string;
  readonly confidence: number;
  readonly reason: string | null;
}

export interface HipTestResult {
  readonly test: HipTestId;
  readonly method: string;
  readonly sides: Readonly<Partial<Record<Side, Readonly<Partial<Record<Direction, DirectionResult>>>>>>;
  readonly startedMs: number;
  readonly endedMs: number;
}

/** A protocol: its initial state and its step function. Pose null = no person in this frame. */
export interface Protocol<S, R> {
  readonly init: (tMs: number) => S;
  readonly step: (state: S, pose: Pose | null, tMs: number) => StepOutput<S>;
  readonly result: (state: S) => R | null;
}

export interface StepOutput<S> {
  readonly state: S;
  /** New prompts from this step (usually none). */
  readonly prompts: readonly Prompt[];
}
