// The frame loop: the only clock in the app. It hands each NEW video frame, with its timestamp, to
// the pipeline; it never processes a frame twice and never queues: frames that arrive while an
// inference is in flight are dropped (counted), and when it finishes the newest frame goes next.

export interface FrameTiming {
  /** Frame timestamp in ms (the video's media time). */
  readonly tMs: number;
  /** From the frame callback until the handler resolved (capture → pose → smoothing → overlay). */
  readonly pipelineMs: number;
}

export type FrameHandler = (video: HTMLVideoElement, tMs: number) => Promise<void>;

interface VideoFrameMeta {
  readonly mediaTime: number;
  readonly presentedFrames: number;
}

type RvfcVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: VideoFrameMeta) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export class FrameLoop {
  readonly #video: RvfcVideo;
  readonly #handler: FrameHandler;
  readonly #onTiming: (t: FrameTiming) => void;
  #running = false;
  #busy = false;
  #handle = 0;
  #lastFrameKey = -1;
  /** The newest frame seen while busy: run it as soon as the current one is done. */
  #pending: { key: number; tMs: number } | null = null;
  dropped = 0;
  processed = 0;

  constructor(video: HTMLVideoElement, handler: FrameHandler, onTiming: (t: FrameTiming) => void) {
    this.#video = video as RvfcVideo;
    this.#handler = handler;
    this.#onTiming = onTiming;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#lastFrameKey = -1;
    this.#schedule();
  }

  stop(): void {
    this.#running = false;
    this.#pending = null;
    if (this.#video.cancelVideoFrameCallback) this.#video.cancelVideoFrameCallback(this.#handle);
    else cancelAnimationFrame(this.#handle);
  }

  #schedule(): void {
    if (!this.#running) return;
    const v = this.#video;
    if (v.requestVideoFrameCallback) {
      this.#handle = v.requestVideoFrameCallback((_now, meta) =>
        this.#onFrame(meta.presentedFrames, meta.mediaTime * 1000),
      );
    } else {
      // No rVFC (older Firefox): poll per display frame and key frames by currentTime.
      this.#handle = requestAnimationFrame(() =>
        this.#onFrame(Math.round(v.currentTime * 1e6), v.currentTime * 1000),
      );
    }
  }

  #onFrame(key: number, tMs: number): void {
    this.#schedule();
    if (key === this.#lastFrameKey) return;
    if (this.#busy) {
      if (this.#pending) this.dropped++;
      this.#pending = { key, tMs };
      return;
    }
    this.#run(key, tMs);
  }

  #run(key: number, tMs: number): void {
    this.#lastFrameKey = key;
    this.#busy = true;
    const t0 = performance.now();
    this.#handler(this.#video, tMs)
      .then(
        () => {
          this.processed++;
          this.#onTiming({ tMs, pipelineMs: performance.now() - t0 });
        },
        (err: unknown) => console.error('frame handler failed', err),
      )
      .finally(() => {
        this.#busy = false;
        const next = this.#pending;
        this.#pending = null;
        // The video element now shows this newest frame: take it straight away rather than wait for the next callback.
        if (next && this.#running && next.key !== this.#lastFrameKey) this.#run(next.key, next.tMs);
      });
  }
}
