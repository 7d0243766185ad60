// The fallback where WebCodecs cannot decode the codec but the browser's own <video> plays it (some HEVC
// set-ups, browsers without WebCodecs). Frames are read by seeking: slow (shared/README.md: 30 s for 240
// frames) and a seek can land on a neighbouring frame, so the times come from the container's own packet
// timestamps (mediabunny demuxes codecs it cannot decode), each seek aims at the middle of its frame, and a
// frame is drawn only once the seek has settled. The <video> applies the container's rotation itself.
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
      const { tMs, durationMs } = this.#times[index]!;
      const bitmap = await this.#grab(tMs + durationMs / 2, size);
      yield { bitmap, tMs, durationMs, index };
    }
  }

  async frameAt(tMs: number, maxSide = Math.max(this.info.width, this.info.height)): Promise<ImageBitmap> {
    let i = 0;
    while (i + 1 < this.#times.length && this.#times[i + 1]!.tMs <= tMs) i++;
    const f = this.#times[i]!;
    return this.#grab(f.tMs + f.durationMs / 2, fitWithin(this.info.width, this.info.height, maxSide));
  }

  dispose(): void {
    this.#video.removeAttribute('src');
    this.#video.load();
    URL.revokeObjectURL(this.#url);
  }

  /** Seek (one at a time: scrubbing and analysis share the element) and copy the frame. */
  #grab(clipMs: number, size: { width: number; height: number }): Promise<ImageBitmap> {
    const next = this.#busy.then(async () => {
      const video = this.#video;
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(new Error('The video stopped decoding.')), {
          once: true,
        });
        video.currentTime = this.#firstS + clipMs / 1000;
      });
      return createImageBitmap(video, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: 'high',
      });
    });
    this.#busy = next.catch(() => undefined);
    return next;
  }
}
