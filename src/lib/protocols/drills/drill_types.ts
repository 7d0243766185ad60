// The drills' shared vocabulary: which drill, on which side, and what each one's result holds. The ids are
// the ones feedback/drills.ts describes in words.
import type { Side } from '../../types';
import type { CarLoop, CarRest, DiscardedLoop } from './car_loops';
import type { HeldAngle, HoldBout } from './hold_timer';
import type { DiscardedRep, LiftRep } from './rep_counter';

export const DRILL_IDS = ['modified-90-90', 'supine-passive-ir', 'seated-ir-lift', 'hip-cars'] as const;
export type DrillId = (typeof DRILL_IDS)[number];
export const HOLD_DRILLS = ['modified-90-90', 'supine-passive-ir'] as const;
export type HoldDrillId = (typeof HOLD_DRILLS)[number];

export const isDrillId = (x: unknown): x is DrillId => DRILL_IDS.includes(x as DrillId);

export interface DrillOptions {
  /** The worked side: the back leg of the 90/90, the moving leg otherwise. */
  readonly side: Side;
}

interface Base {
  readonly side: Side;
  readonly startedMs: number;
  readonly endedMs: number;
  /** Whether the drill reached its goal (hold time, reps, circles). */
  readonly completed: boolean;
}

export interface HoldDrillResult extends Base {
  readonly drill: HoldDrillId;
  readonly heldMs: number;
  readonly targetMs: number;
  readonly bouts: readonly HoldBout[];
  /** What the angle is (the hinge over the front shin, or the inward rotation). */
  readonly angleLabel: string;
  readonly angle: HeldAngle;
}

/** A number with its confidence, or the reason it is missing. */
export type Reading =
  | { readonly ok: true; readonly valueDeg: number; readonly confidence: number }
  | { readonly ok: false; readonly reason: string };

export interface LiftDrillResult extends Base {
  readonly drill: 'seated-ir-lift';
  readonly reps: readonly LiftRep[];
  readonly discarded: readonly DiscardedRep[];
  readonly targetReps: number;
  /** The best end range of the counted reps. */
  readonly best: Reading;
}

export interface CarsDrillResult extends Base {
  readonly drill: 'hip-cars';
  readonly loops: readonly CarLoop[];
  readonly discarded: readonly DiscardedLoop[];
  readonly targetLoops: number;
  readonly rest: CarRest | null;
}

export type DrillResult = HoldDrillResult | LiftDrillResult | CarsDrillResult;

/** A live number: degrees, or thigh lengths for the CAR circle. */
export type LiveReading =
  | {
      readonly ok: true;
      readonly value: number;
      readonly unit: '°' | 'thigh lengths';
      readonly confidence: number;
    }
  | { readonly ok: false; readonly reason: string };

/** What the screen shows live for the drill's main number. */
export interface DrillLive {
  readonly label: string;
  readonly reading: LiveReading;
  /** False while the position is not right, with the reason in `problem`. */
  readonly inPosition: boolean;
  readonly problem: string | null;
}
