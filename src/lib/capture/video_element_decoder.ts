// The fallback where WebCodecs cannot decode the codec but the browser's own <video> plays it (some HEVC
// set-ups, browsers without WebCodecs). Frames are read by seeking: slow (shared/README.md: 30 s for 240
// frames) and a seek can land on a neighbouring frame, so the times come from the container's own packet
// timestamps (mediabunny demuxes codecs it cannot decode), each seek aims at the middle of its frame, and a
// frame is drawn only once the element holds it: 'seeked' can fire before the new frame arrives (Chromium under
// CPU load: 3 of 520 seeks of a test clip drew the previous frame; src/testing/decode_video_frames.ts), so where
// the browser has VideoFrame the frame's own timestamp is checked first. The <video> applies the container's
// rotation itself.
import type { DecodedFrame, FrameOptions, OpenedVideo, VideoInfo } from './video_source';
import { fitWithin, shouldInfer } from './video_timeline';

export class ElementVideo implements OpenedVideo {
  readonly info: VideoInfo;
  readonly #video: HTMLVideoElement;
  readonly #url: string;
  /** Presentation times (ms from the first frame) and durations of every frame, from the packets. */
  readonly #times: readonly { tMs: number; durationMs: number }[];
  readonly #firstS: number;
  #busy: Promise<unknown> = Promise.resolve();
  /**
   * Check each frame's timestamp before copying it (see the top). Turned off if a frame never matches: the element's
   * timeline then differs from the packets' (an edit list the two read apart), and waiting on every frame would only
   * slow the copy down to what it was without the check.
   */
  #checkTimestamps = typeof VideoFrame !== 'undefined';

  private constructor(
    video: HTMLVideoElement,
    url: string,
    times: readonly { tMs: number; durationMs: number }[],
    firstS: number,
    info: VideoInfo,
  ) {
    this.#video = video;
    this.#url = url;
    this.#times = times;
    this.#firstS = firstS;
    this.info = info;
  }

  /** Null when the browser cannot play it either. */
  static async open(
    file: Blob,
    times: readonly { tMs: number; durationMs: number }[],
    firstS: number,
    info: Omit<VideoInfo, 'width' | 'height' | 'decoder'>,
  ): Promise<ElementVideo | null> {
    if (typeof document === 'undefined' || times.length === 0) return null;
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    const url = URL.createObjectURL(file);
    video.src = url;
    const ok = await new Promise<boolean>((resolve) => {
      video.addEventListener('loadeddata', () => resolve(true), { once: true });
      video.addEventListener('error', () => resolve(false), { once: true });
    });
    if (!ok || !video.videoWidth) {
      URL.revokeObjectURL(url);
      return null;
    }
    const full = {
      ...info,
      width: video.videoWidth,
      height: video.videoHeight,
      decoder: 'video-element' as const,
    };
    return new ElementVideo(video, url, times, firstS, full);
  }

  async *frames(opts: FrameOptions): AsyncGenerator<DecodedFrame, void, undefined> {
    const size = fitWithin(this.info.width, this.info.height, opts.maxSide);
    for (let index = 0; index < this.#times.length; index++) {
      if (opts.signal?.aborted) return;
      if (!shouldInfer(index, opts.every ?? 1)) continue;
      const frame = this.#times[index]!;
      const bitmap = await this.#grab(frame, size);
      yield { bitmap, tMs: frame.tMs, durationMs: frame.durationMs, index };
    }
  }

  async frameAt(tMs: number, maxSide = Math.max(this.info.width, this.info.height)): Promise<ImageBitmap> {
    let i = 0;
    while (i + 1 < this.#times.length && this.#times[i + 1]!.tMs <= tMs) i++;
    const f = this.#times[i]!;
    return this.#grab(f, fitWithin(this.info.width, this.info.height, maxSide));
  }

  dispose(): void {
    this.#video.removeAttribute('src');
    this.#video.load();
    URL.revokeObjectURL(this.#url);
  }

  /** Seek to the middle of a frame (one at a time: scrubbing and analysis share the element) and copy it. */
  #grab(
    frame: { tMs: number; durationMs: number },
    size: { width: number; height: number },
  ): Promise<ImageBitmap> {
    const next = this.#busy.then(async () => {
      const video = this.#video;
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(new Error('The video stopped decoding.')), {
          once: true,
        });
        video.currentTime = this.#firstS + (frame.tMs + frame.durationMs / 2) / 1000;
      });
      const held = await this.#heldFrame(frame);
      try {
        return await createImageBitmap(held ?? video, {
          resizeWidth: size.width,
          resizeHeight: size.height,
          resizeQuality: 'high',
        });
      } finally {
        held?.close();
      }
    });
    this.#busy = next.catch(() => undefined);
    return next;
  }

  /**
   * The element's current frame once it is `frame` (its timestamp within a quarter of the frame's duration of the
   * frame's start), waiting for the next presented frame, or 20 ms where none comes, up to FRAME_WAIT_TRIES times;
   * null where timestamps are not checked (then the element is copied as it is).
   */
  async #heldFrame(frame: { tMs: number; durationMs: number }): Promise<VideoFrame | null> {
    if (!this.#checkTimestamps) return null;
    const video = this.#video;
    const wantUs = (this.#firstS * 1000 + frame.tMs) * 1000;
    const toleranceUs = Math.max(frame.durationMs * 250, 1000);
    for (let tries = 0; ; tries++) {
      let held: VideoFrame;
      try {
        held = new VideoFrame(video);
      } catch {
        // The element has no frame to give (or the browser refuses this source): copy it as before.
        this.#checkTimestamps = false;
        return null;
      }
      if (Math.abs(held.timestamp - wantUs) <= toleranceUs) return held;
      held.close();
      if (tries === FRAME_WAIT_TRIES) {
        this.#checkTimestamps = false;
        return null;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 20);
        video.requestVideoFrameCallback?.(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** How many times to wait for a sought frame (≈ 20 ms each at most): a frame late by a second is not coming. */
const FRAME_WAIT_TRIES = 50;
