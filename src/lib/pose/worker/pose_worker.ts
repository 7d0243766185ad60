// A module Worker that runs the app's own estimator (factory.ts → detector_estimator.ts on tfjs wasm, the
// same model files, the same 180° frame turn) off the page's thread, so analysing a recording leaves the
// page responsive. Smoothing is off here: with several workers each sees only some frames, so the page
// smooths the poses of all of them together, in time order (pose_worker_pool.ts's caller).
import { createEstimator } from '../factory';
import type { PoseEstimator } from '../estimator';
import type { FromPoseWorker, ToPoseWorker, WorkerEstimate } from './messages';

const post = (msg: FromPoseWorker) => (self as unknown as Worker).postMessage(msg);

let estimator: PoseEstimator | null = null;
// estimate() refuses a frame while the previous one runs; frames queue here and go one at a time.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (ev: MessageEvent<ToPoseWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    queue = queue.then(async () => {
      const t0 = performance.now();
      try {
        estimator = await createEstimator({
          model: msg.model,
          backend: 'wasm',
          baseUrl: msg.baseUrl,
          rotation: msg.rotation,
          smoothing: false,
          fallback: msg.fallback,
          fallbackAfterMisses: msg.fallbackAfterMisses,
          kneeMask: msg.kneeMask ?? false,
        });
        post({ type: 'ready', info: estimator.info, loadMs: performance.now() - t0 });
      } catch (err) {
        post({ type: 'failed', id: null, message: `The pose model could not start: ${String(err)}` });
      }
    });
  } else {
    queue = queue.then(() => estimate(msg));
  }
};

async function estimate(msg: WorkerEstimate): Promise<void> {
  try {
    if (!estimator) throw new Error('the pose model is not loaded');
    const pose = await estimator.estimate(msg.frame, msg.tMs);
    post({ type: 'pose', id: msg.id, pose, modelMs: estimator.lastModelMs, turnMs: estimator.lastTurnMs });
  } catch (err) {
    post({ type: 'failed', id: msg.id, message: String(err) });
  } finally {
    msg.frame.close();
  }
}
