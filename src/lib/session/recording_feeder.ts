// Feeds a decoded recording through the pose workers: frames go out as fast as the workers take them
// (a couple queued per worker, so none idles while the next frame decodes), poses come back possibly out of
// order between workers and are put back in time order, scaled from the model's frame to the clip's upright
// pixels, and smoothed with the One Euro filter on the samples' own timestamps, as the live app smooths.
import type { OpenedVideo } from '../capture/video_source';
import type { TimedPose } from '../pipeline/run_protocol';
import { mapPose } from '../pose/map_pose';
import { PoseSmoother } from '../pose/smoothing';
import type { PoseWorkerPool, WorkerPose } from '../pose/worker/pose_worker_pool';
import type { Pose } from '../types';

/** Longest side of the frames the model sees. The models crop 192–256 px regions; 640 keeps detail for a person 3 m away. */
export const MODEL_MAX_SIDE = 640;
/** Frames queued per worker beyond the one it is estimating. */
const QUEUE_PER_WORKER = 2;

export interface FeedOptions {
  readonly every: number;
  readonly maxSide?: number;
  readonly signal: AbortSignal;
  /** After each pose comes back: poses so far and the clip time reached (ms). */
  readonly onPose?: (frames: number, tMs: number) => void;
}

export interface FeedResult {
  /** Smoothed poses in time order, in the clip's upright pixels. */
  readonly poses: readonly TimedPose[];
  readonly lastFrameDurationMs: number;
  /** Model time per frame (ms), for the benchmark. */
  readonly modelMs: readonly number[];
  /** Set when decoding stopped part way (a damaged or cut-short file); the poses before it are kept. */
  readonly decodeError: unknown;
}

export async function feedRecording(
  video: OpenedVideo,
  pool: PoseWorkerPool,
  opts: FeedOptions,
): Promise<FeedResult> {
  const out: { tMs: number; result: Promise<WorkerPose>; scale: number }[] = [];
  const limit = pool.size * (1 + QUEUE_PER_WORKER);
  let answered = 0;
  let lastFrameDurationMs = 0;
  let decodeError: unknown = null;
  const waiters: (() => void)[] = [];
  try {
    for await (const frame of video.frames({
      maxSide: opts.maxSide ?? MODEL_MAX_SIDE,
      every: opts.every,
      signal: opts.signal,
    })) {
      if (opts.signal.aborted) {
        frame.bitmap.close();
        break;
      }
      const scale = video.info.width / frame.bitmap.width;
      const result = pool.estimate(frame.bitmap, frame.tMs);
      const tMs = frame.tMs;
      result.then(
        () => {
          answered++;
          opts.onPose?.(answered, tMs);
          waiters.shift()?.();
        },
        () => waiters.shift()?.(),
      );
      out.push({ tMs, result, scale });
      lastFrameDurationMs = frame.durationMs;
      while (pool.inFlight >= limit && !opts.signal.aborted) await new Promise<void>((r) => waiters.push(r));
    }
  } catch (err) {
    if (opts.signal.aborted) throw abortError();
    decodeError = err;
  }
  if (opts.signal.aborted) throw abortError();
  const answers = await Promise.all(out.map((o) => o.result));
  if (opts.signal.aborted) throw abortError();
  const smoother = new PoseSmoother();
  const poses = out.map((o, i): TimedPose => {
    const raw = answers[i]!.pose;
    return { tMs: o.tMs, pose: raw ? smoother.smooth(scalePose(raw, o.scale)) : null };
  });
  return { poses, lastFrameDurationMs, modelMs: answers.map((a) => a.modelMs), decodeError };
}

/** Keypoints found in a scaled-down frame → the clip's full upright pixels (world joints are metres: unchanged). */
export function scalePose(pose: Pose, scale: number): Pose {
  if (scale === 1) return pose;
  const moved = mapPose(
    pose,
    (name, j) => [name, { x: j.x * scale, y: j.y * scale, score: j.score }],
    (name, j) => [name, j],
  );
  return { ...moved, width: Math.round(pose.width * scale), height: Math.round(pose.height * scale) };
}

function abortError(): Error {
  return new DOMException('The analysis was cancelled.', 'AbortError');
}
