// Analysing a recorded video in the browser: the rune state the recording screens render (status, progress,
// the finished analysis) around the feeder (check the file → decode with WebCodecs → pose workers → the
// test's one pipeline, pipelineFor(test), as the live test and the CLI use). The page stays responsive:
// decoding is WebCodecs' own threads, inference runs in Workers.
import { openVideo } from '../capture/open_video';
import {
  corruptProblem,
  cutShortWarning,
  errorText,
  noFramesProblem,
  readMaxVideoMB,
  videoSizeLimit,
  type VideoProblem,
} from '../capture/video_errors';
import type { OpenedVideo, VideoInfo } from '../capture/video_source';
import { clipStats, NO_PROGRESS, progressOf, type AnalysisProgress } from '../capture/video_timeline';
import type { RecordingAnalysis, RecordingInfo } from '../pipeline/analysis_types';
import { defaultEvery } from '../pipeline/inference_rate';
import { pipelineFor } from '../pipeline/pipelines';
import type { TimedPose } from '../pipeline/run_protocol';
import { PoseWorkerPool } from '../pose/worker/pose_worker_pool';
import type { ModelId, TestId } from '../types';
import { feedRecording } from './recording_feeder';

export type RecordingStatus = 'idle' | 'checking' | 'analysing' | 'done' | 'error' | 'cancelled';

export interface AnalyseOptions {
  /** Pin a model; default: the test's own (its pipeline's model). */
  readonly model?: ModelId;
  /** Infer every n-th frame; default: about 15 a second (pipeline/inference_rate.ts, as the CLI). */
  readonly every?: number;
  /** Pose workers (default: one per core, at most 2). */
  readonly workers?: number;
}

/** How the last analysis ran, for the results header and the benchmark. */
export interface RecordingTimings {
  readonly workers: number;
  readonly decoder: VideoInfo['decoder'];
  /** From the analysis starting to the models being ready (s). */
  readonly loadS: number;
  /** Whole analysis, file check to result (s). */
  readonly analysisS: number;
  readonly modelMsMedian: number;
  readonly every: number;
}

const PROGRESS_EVERY_MS = 100;

export class RecordingSession {
  status = $state<RecordingStatus>('idle');
  /** What went wrong, in the user's words (message and what to do); null when nothing did. */
  error = $state<string | null>(null);
  /** The structured problem behind `error` (title, message, action), when it was the file's fault. */
  problem = $state.raw<VideoProblem | null>(null);
  /** Something the person should know about a result that was still produced (e.g. the file was cut short). */
  warning = $state<string | null>(null);
  progress = $state.raw<AnalysisProgress>(NO_PROGRESS);
  analysis = $state.raw<RecordingAnalysis | null>(null);
  /** Every analysed frame's pose (smoothed, the clip's upright pixels), in time order. */
  poses = $state.raw<readonly TimedPose[] | null>(null);
  video = $state.raw<VideoInfo | null>(null);
  timings = $state.raw<RecordingTimings | null>(null);
  file = $state.raw<File | null>(null);

  #opened: OpenedVideo | null = null;
  #pool: PoseWorkerPool | null = null;
  #abort: AbortController | null = null;

  async analyse(file: File, test: TestId, opts: AnalyseOptions = {}): Promise<void> {
    this.#stop();
    this.#opened?.dispose();
    this.#opened = null;
    const abort = new AbortController();
    this.#abort = abort;
    const pipeline = pipelineFor(test);
    const model = opts.model ?? pipeline.model;
    const t0 = performance.now();
    this.file = file;
    this.status = 'checking';
    this.error = this.warning = null;
    this.problem = null;
    this.analysis = null;
    this.poses = null;
    this.timings = null;
    this.progress = NO_PROGRESS;

    const limit = videoSizeLimit({
      deviceMemoryGB: (navigator as { deviceMemory?: number }).deviceMemory ?? null,
      overrideMB: readMaxVideoMB(location.search),
    });
    const opened = await openVideo(file, limit);
    if (abort.signal.aborted) {
      if (opened.ok) opened.video.dispose();
      return;
    }
    if (!opened.ok) return this.#failWith(opened.problem);
    const video = opened.video;
    this.#opened = video;
    const every =
      opts.every !== undefined
        ? Math.max(1, Math.floor(opts.every))
        : defaultEvery(video.info.frameCount, video.info.durationS);
    this.video = video.info;
    const total = video.info.frameCount === null ? null : Math.ceil(video.info.frameCount / every);
    this.progress = { ...NO_PROGRESS, total, durationS: video.info.durationS };
    this.status = 'analysing';

    try {
      const pool = await PoseWorkerPool.start({
        model,
        rotation: pipeline.rotation,
        kneeMask: pipeline.kneeMask,
        baseUrl: import.meta.env.BASE_URL,
        ...(opts.workers ? { size: opts.workers } : {}),
      });
      if (abort.signal.aborted) return pool.terminate();
      this.#pool = pool;
      const loadS = (performance.now() - t0) / 1000;
      let firstPoseWallMs: number | null = null;
      let lastShown = 0;
      const fed = await feedRecording(video, pool, {
        every,
        signal: abort.signal,
        onPose: (frames, tMs) => {
          const now = performance.now();
          firstPoseWallMs ??= now;
          if (now - lastShown < PROGRESS_EVERY_MS) return;
          lastShown = now;
          const durationS = video.info.durationS;
          this.progress = progressOf({
            frames,
            total,
            firstPoseWallMs,
            nowWallMs: now,
            mediaS: tMs / 1000,
            durationS,
          });
        },
      });
      pool.terminate();
      this.#pool = null;
      const { poses } = fed;
      if (poses.length === 0) {
        return this.#failWith(
          fed.decodeError ? corruptProblem(file.name, video.info.container) : noFramesProblem(file.name),
        );
      }
      const stats = clipStats(
        poses.map((p) => p.tMs),
        fed.lastFrameDurationMs * every,
      );
      this.warning =
        cutShortWarning(stats.durationS, video.info.durationS) ??
        (fed.decodeError
          ? `The video stopped decoding at ${stats.durationS.toFixed(1)} s (${errorText(fed.decodeError)}); the results use the part before it.`
          : null);
      const analysisS = (performance.now() - t0) / 1000;
      const info: RecordingInfo = {
        file: file.name,
        model,
        frames: stats.frames,
        fps: stats.fps,
        durationS: stats.durationS,
        analysisS,
        width: video.info.width,
        height: video.info.height,
        rotationDeg: video.info.rotationDeg,
      };
      this.poses = poses;
      this.analysis = pipeline.analyse(poses, info);
      this.timings = {
        workers: pool.size,
        decoder: video.info.decoder,
        loadS,
        analysisS,
        modelMsMedian: median(fed.modelMs),
        every,
      };
      this.progress = { ...this.progress, frames: poses.length, etaS: 0, mediaS: stats.durationS };
      this.status = 'done';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.#pool?.terminate();
      this.#pool = null;
      this.status = 'error';
      this.error = `The analysis stopped: ${errorText(err)}. Try again, or choose another video.`;
    }
  }

  /** Stop now: decoding stops, the workers are terminated (their memory freed); the app stays usable. */
  cancel(): void {
    if (this.status !== 'checking' && this.status !== 'analysing') return;
    this.#stop();
    this.#opened?.dispose();
    this.#opened = null;
    this.status = 'cancelled';
  }

  /** The frame at `tMs` (upright; the pixel space of the poses), for scrubbing the chart. */
  frameAt(tMs: number, maxSide?: number): Promise<ImageBitmap> {
    if (!this.#opened) return Promise.reject(new Error('No recording is open.'));
    return this.#opened.frameAt(tMs, maxSide);
  }

  /** Back to idle: stops anything running and forgets the recording. */
  reset(): void {
    this.#stop();
    this.#opened?.dispose();
    this.#opened = null;
    this.status = 'idle';
    this.error = this.warning = null;
    this.problem = null;
    this.analysis = null;
    this.poses = null;
    this.video = null;
    this.timings = null;
    this.file = null;
    this.progress = NO_PROGRESS;
  }

  #stop(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#pool?.terminate();
    this.#pool = null;
  }

  #failWith(problem: VideoProblem): void {
    this.#opened?.dispose();
    this.#opened = null;
    this.problem = problem;
    this.error = `${problem.message} ${problem.action}`;
    this.status = 'error';
  }
}

function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
