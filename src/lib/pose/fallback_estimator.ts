import type { ModelId, Pose } from '../types';
import type { EstimatorInfo, PoseEstimator, PoseInput } from './estimator';

/**
 * The model to ask when a test's model finds no person. BlazePose first looks for a face (its person
 * detector is face-anchored), so a frame cut off above the shoulders, as a squat camera at hip height
 * frames a tall person, or a face hidden by hair or a helmet, gives no pose at all; MoveNet has no detector
 * and reads the body it is given. On the rig's dev bodies (docs/accuracy.md) BlazePose full found nobody in
 * 20 of 208 stills (14 of them squats) and MoveNet Thunder read a pose in 19 of those: squat FPPA measured
 * 31 → 45 of 52, MAE 9.9° → 8.0°; on the report bodies 32 → 44 of 48, 8.9° → 7.7°, every wrong view still
 * refused. The pose it returns says which model made it (Pose.model).
 */
export const FALLBACK_MODEL: Readonly<Partial<Record<ModelId, ModelId>>> = {
  'blazepose-full': 'movenet-thunder',
  'blazepose-lite': 'movenet-thunder',
};

/**
 * In a video the second model answers only once the first has found no one in this many frames in a row
 * (about a second at the 15 inferred frames a second recordings and live frames run at). The two models place
 * the knee and ankle differently (docs/accuracy.md), so a pose that switched model on every frame the first
 * one dropped would make the angle jump within a trial and the trial finder see motion that is not there; a
 * one-frame dropout is left as a gap, which the pipelines already bridge. A clip where the first model never
 * sees the person (a squat camera that cuts the head off) is read by the second after the first second.
 * Stills use 1: each still is its own frame.
 */
export const VIDEO_FALLBACK_AFTER_MISSES = 15;

export interface FallbackOptions {
  /** Ask the second model only after the first has missed this many frames in a row (≥ 1; default 1). */
  readonly afterMisses?: number;
}

/**
 * A PoseEstimator that asks a second model (made on first need) whenever the first finds no person, after
 * `afterMisses` such frames in a row. The first model is asked on every frame and its pose wins whenever it
 * has one. Both keep their own tracking and smoothing; reset (a new clip or still) clears the count and
 * reaches both, as does dispose.
 */
export class FallbackEstimator implements PoseEstimator {
  private fallback: Promise<PoseEstimator> | null = null;
  private fallbackModelMs = 0;
  private fallbackTurnMs = 0;
  private misses = 0;
  private readonly afterMisses: number;

  constructor(
    private readonly primary: PoseEstimator,
    private readonly makeFallback: () => Promise<PoseEstimator>,
    opts: FallbackOptions = {},
  ) {
    const n = opts.afterMisses ?? 1;
    if (!Number.isInteger(n) || n < 1) throw new Error(`afterMisses must be a whole number ≥ 1, got ${n}`);
    this.afterMisses = n;
  }

  get info(): EstimatorInfo {
    return this.primary.info;
  }
  get lastModelMs(): number {
    return this.primary.lastModelMs + this.fallbackModelMs;
  }
  get lastTurnMs(): number {
    return this.primary.lastTurnMs + this.fallbackTurnMs;
  }

  async estimate(frame: PoseInput, tMs: number): Promise<Pose | null> {
    this.fallbackModelMs = 0;
    this.fallbackTurnMs = 0;
    const pose = await this.primary.estimate(frame, tMs);
    if (pose) {
      this.misses = 0;
      return pose;
    }
    if (++this.misses < this.afterMisses) return null;
    const second = await (this.fallback ??= this.makeFallback());
    const other = await second.estimate(frame, tMs);
    this.fallbackModelMs = second.lastModelMs;
    this.fallbackTurnMs = second.lastTurnMs;
    return other;
  }

  reset(): void {
    this.misses = 0;
    this.primary.reset();
    void this.fallback?.then((e) => e.reset());
  }

  dispose(): void {
    this.primary.dispose();
    void this.fallback?.then((e) => e.dispose());
  }
}
