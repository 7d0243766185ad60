import type { EstimatorInfo } from '../pose/estimator';

/**
 * With ?bench in the URL the session records every frame's timings into window.__goniocamBench,
 * for scripts/bench/run.mjs to read:
 *   { frames: [{ modelMs, pipelineMs, turnMs, tMs }], coldStartMs, model, backend, backendReason }
 * turnMs: the part of the pipeline spent turning the frame for the model (0 unless a rotation is set).
 * coldStartMs: page navigation start → first pose drawn.
 */
export interface BenchData {
  frames: { modelMs: number; pipelineMs: number; turnMs: number; tMs: number }[];
  coldStartMs: number | null;
  model: string;
  backend: string;
  backendReason: string;
}

declare global {
  interface Window {
    __goniocamBench?: BenchData;
  }
}

export class BenchRecorder {
  readonly #data: BenchData = { frames: [], coldStartMs: null, model: '', backend: '', backendReason: '' };

  constructor() {
    window.__goniocamBench = this.#data;
  }

  firstPose(): void {
    this.#data.coldStartMs ??= performance.now();
  }

  frame(modelMs: number, pipelineMs: number, turnMs: number, tMs: number, info: EstimatorInfo): void {
    this.#data.frames.push({ modelMs, pipelineMs, turnMs, tMs });
    this.#data.model = info.model;
    this.#data.backend = info.backend;
    this.#data.backendReason = info.backendReason;
  }
}
