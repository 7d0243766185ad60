import type { Backend, Pose } from '../types';
import type { EstimatorInfo, PoseEstimator, PoseInput } from './estimator';
import type { TfjsBackend } from './tfjs_backend';

/** Frames run per backend during the trial; the first of them compiles kernels/shaders and is not counted. */
export const TRIAL_RUNS = 3;

export interface BackendTrial {
  readonly backend: TfjsBackend;
  readonly ms: number;
}

/**
 * backend 'auto' on a machine with a hardware GPU: on the FIRST real frame, run the model a few
 * times on each candidate backend, keep the faster and dispose the other. Measured, not guessed,
 * because a weak integrated GPU can lose to SIMD wasm on small models like MoveNet Lightning.
 * The frame loop keeps dropping camera frames while the trial runs, so nothing queues.
 */
export class AutoBackendEstimator implements PoseEstimator {
  readonly #make: (backend: TfjsBackend) => Promise<PoseEstimator>;
  readonly #candidates: readonly TfjsBackend[];
  #chosen: PoseEstimator | null = null;
  #reason = 'auto: measuring the backends on the first frame';
  #trials: BackendTrial[] = [];
  #trialRunning = false;
  #disposed = false;

  constructor(make: (backend: TfjsBackend) => Promise<PoseEstimator>, candidates: readonly TfjsBackend[]) {
    this.#make = make;
    this.#candidates = candidates;
  }

  get trials(): readonly BackendTrial[] {
    return this.#trials;
  }

  get info(): EstimatorInfo {
    if (this.#chosen) return { ...this.#chosen.info, backendReason: this.#reason };
    return {
      model: 'movenet-lightning',
      backend: 'wasm' as Backend,
      runtime: 'tfjs',
      backendReason: this.#reason,
    };
  }

  get lastModelMs(): number {
    return this.#chosen?.lastModelMs ?? 0;
  }

  get lastTurnMs(): number {
    return this.#chosen?.lastTurnMs ?? 0;
  }

  async estimate(frame: PoseInput, tMs: number): Promise<Pose | null> {
    if (this.#chosen) return this.#chosen.estimate(frame, tMs);
    // Same contract as every estimator: no second call while one runs. Without this, two frames
    // arriving during the (slow) trial would each start a trial and load every model twice.
    if (this.#trialRunning) throw new Error('estimate() called while the backend trial is still running');
    this.#trialRunning = true;
    try {
      return await this.#runTrial(frame, tMs);
    } finally {
      this.#trialRunning = false;
    }
  }

  async #runTrial(frame: PoseInput, tMs: number): Promise<Pose | null> {
    let best: { est: PoseEstimator; ms: number; pose: Pose | null } | null = null;
    const failures: string[] = [];
    let lastError: unknown = null;
    for (const backend of this.#candidates) {
      let est: PoseEstimator | null = null;
      try {
        est = await this.#make(backend);
        let pose: Pose | null = null;
        const times: number[] = [];
        for (let i = 0; i < TRIAL_RUNS; i++) {
          est.reset();
          pose = await est.estimate(frame, tMs);
          if (i > 0) times.push(est.lastModelMs);
        }
        const ms = Math.min(...times);
        this.#trials.push({ backend, ms });
        if (!best || ms < best.ms) {
          best?.est.dispose();
          best = { est, ms, pose };
        } else {
          est.dispose();
        }
      } catch (err) {
        // A backend that cannot start or run here (lost WebGL context, shader compile failure)
        // loses the trial; the other candidates still get their turn.
        est?.dispose();
        lastError = err;
        failures.push(`${backend} failed`);
      }
    }
    if (!best) {
      throw lastError instanceof Error ? lastError : new Error('auto backend: no candidate backend');
    }
    if (this.#disposed) {
      best.est.dispose();
      return null;
    }
    this.#chosen = best.est;
    const chosen = this.#chosen.info.backend;
    const measured = this.#trials.map((t) => `${t.backend} ${t.ms.toFixed(0)} ms`);
    this.#reason = `auto: ${[...measured, ...failures].join(' vs ')} → ${chosen}`;
    await this.#onChosen?.(chosen as TfjsBackend);
    return best.pose;
  }

  #onChosen: ((backend: TfjsBackend) => Promise<void>) | undefined;
  /** Called once the trial picks a backend, to make it the active tfjs backend again. */
  onChosen(fn: (backend: TfjsBackend) => Promise<void>): this {
    this.#onChosen = fn;
    return this;
  }

  reset(): void {
    this.#chosen?.reset();
  }

  dispose(): void {
    // A trial still running sees this and disposes its winner instead of keeping it.
    this.#disposed = true;
    this.#chosen?.dispose();
  }
}
