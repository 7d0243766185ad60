// The page's side of the pose Workers: start N of them (one per core to spare), hand frame i to worker i mod N,
// get its pose back as a promise. A fixed turn, not "the least busy one": each worker's model keeps state from
// the frame it saw last (BlazePose's region of interest, the fallback's miss count), so which worker sees which
// frame must not depend on timing, or the same video analysed twice on a busy machine gives different numbers
// (a seated recording once lost a trial that way, issue 10). On this 2-core machine two workers are what reach twice
// real time with MoveNet Lightning (README, Speed). terminate() frees everything at once (cancel).
import type { ModelId, Pose } from '../../types';
import type { EstimatorInfo } from '../estimator';
import { FALLBACK_MODEL, VIDEO_FALLBACK_AFTER_MISSES } from '../fallback_estimator';
import type { FrameRotation } from '../rotation';
import type { FromPoseWorker, ToPoseWorker } from './messages';

export interface WorkerPose {
  readonly pose: Pose | null;
  readonly modelMs: number;
  readonly turnMs: number;
}

interface Pending {
  resolve(p: WorkerPose): void;
  reject(e: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

export interface PoolOptions {
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** The app's base URL (import.meta.env.BASE_URL); model files are under `${baseUrl}models/`. */
  readonly baseUrl: string;
  /** The person mask's second look at a low-scored knee (the test's TEST_KNEE_MASK). */
  readonly kneeMask?: boolean;
  /** Number of workers (default: one per hardware thread, at most 2: each tfjs wasm worker keeps one core busy). */
  readonly size?: number;
}

export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(2, cores));
}

export class PoseWorkerPool {
  readonly #slots: Slot[];
  readonly info: EstimatorInfo;
  /** Longest model load among the workers (ms). */
  readonly loadMs: number;
  #nextId = 0;
  #dead: Error | null = null;

  private constructor(slots: Slot[], info: EstimatorInfo, loadMs: number) {
    this.#slots = slots;
    this.info = info;
    this.loadMs = loadMs;
    for (const slot of slots) {
      slot.worker.onmessage = (ev: MessageEvent<FromPoseWorker>) => this.#receive(slot, ev.data);
      slot.worker.onerror = (ev) => this.#fail(new Error(`The pose worker stopped: ${ev.message}`));
    }
  }

  static async start(opts: PoolOptions): Promise<PoseWorkerPool> {
    const size = opts.size ?? defaultPoolSize();
    const workers = Array.from(
      { length: size },
      () =>
        new Worker(new URL('./pose_worker.ts', import.meta.url), { type: 'module', name: 'goniocam-pose' }),
    );
    try {
      const ready = await Promise.all(workers.map((w) => init(w, opts, size)));
      const slots = workers.map((worker) => ({ worker, pending: new Map<number, Pending>() }));
      return new PoseWorkerPool(slots, ready[0]!.info, Math.max(...ready.map((r) => r.loadMs)));
    } catch (err) {
      for (const w of workers) w.terminate();
      throw err;
    }
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Frames sent and not yet answered, over all workers. */
  get inFlight(): number {
    return this.#slots.reduce((n, s) => n + s.pending.size, 0);
  }

  /** Estimate one frame (transferred: the caller must not use `frame` afterwards). */
  estimate(frame: ImageBitmap, tMs: number): Promise<WorkerPose> {
    if (this.#dead) {
      frame.close();
      return Promise.reject(this.#dead);
    }
    const id = this.#nextId++;
    const slot = this.#slots[id % this.#slots.length]!;
    return new Promise<WorkerPose>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      const msg: ToPoseWorker = { type: 'estimate', id, frame, tMs };
      slot.worker.postMessage(msg, [frame]);
    });
  }

  /** Stops every worker now; frames still out are rejected. */
  terminate(): void {
    for (const s of this.#slots) s.worker.terminate();
    this.#fail(new Error('cancelled'));
  }

  #receive(slot: Slot, msg: FromPoseWorker): void {
    if (msg.type === 'ready') return;
    const id = msg.id;
    if (id === null) return this.#fail(new Error(msg.type === 'failed' ? msg.message : 'worker error'));
    const p = slot.pending.get(id);
    if (!p) return;
    slot.pending.delete(id);
    if (msg.type === 'pose') p.resolve({ pose: msg.pose, modelMs: msg.modelMs, turnMs: msg.turnMs });
    else p.reject(new Error(msg.message));
  }

  #fail(err: Error): void {
    this.#dead ??= err;
    for (const s of this.#slots) {
      for (const p of s.pending.values()) p.reject(err);
      s.pending.clear();
    }
  }
}

function init(
  worker: Worker,
  opts: PoolOptions,
  size: number,
): Promise<{ info: EstimatorInfo; loadMs: number }> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<FromPoseWorker>) => {
      if (ev.data.type === 'ready') resolve({ info: ev.data.info, loadMs: ev.data.loadMs });
      else if (ev.data.type === 'failed') reject(new Error(ev.data.message));
    };
    worker.onerror = (ev) =>
      reject(new Error(`The pose worker could not start: ${ev.message || 'script error'}`));
    const msg: ToPoseWorker = {
      type: 'init',
      model: opts.model,
      rotation: opts.rotation,
      // The worker's script lives under assets/: resolve the app's base against the page, not the worker.
      baseUrl: new URL(opts.baseUrl, location.href).href,
      // As goniocam analyze: the second model after about a second with no person. Each worker sees one
      // frame in `size`, so it counts its own share of that second.
      fallback: FALLBACK_MODEL[opts.model],
      fallbackAfterMisses: Math.max(1, Math.ceil(VIDEO_FALLBACK_AFTER_MISSES / size)),
      kneeMask: opts.kneeMask ?? false,
    };
    worker.postMessage(msg);
  });
}
