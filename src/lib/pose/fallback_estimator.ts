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
 * A PoseEstimator that asks a second model (made on first need) whenever the first finds no person. Both
 * keep their own tracking and smoothing; reset and dispose reach both.
 */
export class FallbackEstimator implements PoseEstimator {
  private fallback: Promise<PoseEstimator> | null = null;
  private fallbackModelMs = 0;
  private fallbackTurnMs = 0;

  constructor(
    private readonly primary: PoseEstimator,
    private readonly makeFallback: () => Promise<PoseEstimator>,
  ) {}

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
    if (pose) return pose;
    const second = await (this.fallback ??= this.makeFallback());
    const other = await second.estimate(frame, tMs);
    this.fallbackModelMs = second.lastModelMs;
    this.fallbackTurnMs = second.lastTurnMs;
    return other;
  }

  reset(): void {
    this.primary.reset();
    void this.fallback?.then((e) => e.reset());
  }

  dispose(): void {
    this.primary.dispose();
    void this.fallback?.then((e) => e.dispose());
  }
}
