// Recorded video through WebCodecs, with mediabunny as the demuxer (MP4/MOV/WebM): every frame in
// presentation order with its own sample timestamp, the container's rotation applied, scaled for the model.
// Measured here (shared/README.md): every frame of a 720p clip exact in 0.73 s, where seeking a <video> took
// 30 s and returned 5 wrong frames. Packets come in decode order; mediabunny's sample sink reorders them.
import { VideoSampleSink, type Input, type InputVideoTrack, type VideoSample } from 'mediabunny';
import type { DecodedFrame, FrameOptions, OpenedVideo, VideoInfo } from './video_source';
import { clipMs, fitWithin, ForwardTime, shouldInfer } from './video_timeline';

export class WebCodecsVideo implements OpenedVideo {
  readonly info: VideoInfo;
  readonly #input: Input;
  readonly #track: InputVideoTrack;
  readonly #firstS: number;
  #scrub: VideoSampleSink | null = null;
  #disposed = false;

  constructor(input: Input, track: InputVideoTrack, firstTimestampS: number, info: VideoInfo) {
    this.#input = input;
    this.#track = track;
    this.#firstS = firstTimestampS;
    this.info = info;
  }

  async *frames(opts: FrameOptions): AsyncGenerator<DecodedFrame, void, undefined> {
    const sink = new VideoSampleSink(this.#track);
    const size = fitWithin(this.info.width, this.info.height, opts.maxSide);
    const canvas = new OffscreenCanvas(size.width, size.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw video frames (no 2D OffscreenCanvas).');
    const forward = new ForwardTime();
    let index = 0;
    for await (const sample of sink.samples()) {
      if (opts.signal?.aborted || this.#disposed) {
        sample.close();
        return;
      }
      const tMs = clipMs(sample.timestamp, this.#firstS);
      const durationMs = sample.duration * 1000;
      let bitmap: ImageBitmap | null = null;
      // A repeated or backwards timestamp (a damaged file) is dropped: time must move forward downstream.
      if (forward.accept(tMs)) {
        if (shouldInfer(index, opts.every ?? 1)) bitmap = drawUpright(sample, ctx, canvas);
        index++;
      }
      // Close before handing the frame on: the decoder stalls while too many of its frames are held.
      sample.close();
      if (bitmap) yield { bitmap, tMs, durationMs, index: index - 1 };
    }
  }

  async frameAt(tMs: number, maxSide = Math.max(this.info.width, this.info.height)): Promise<ImageBitmap> {
    this.#scrub ??= new VideoSampleSink(this.#track);
    const t = this.#firstS + Math.max(0, tMs) / 1000;
    const sample = (await this.#scrub.getSample(t)) ?? (await this.#scrub.getSample(this.#firstS));
    if (!sample) throw new Error(`No frame at ${Math.round(tMs)} ms.`);
    try {
      const size = fitWithin(this.info.width, this.info.height, maxSide);
      const canvas = new OffscreenCanvas(size.width, size.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('This browser cannot draw video frames (no 2D OffscreenCanvas).');
      return drawUpright(sample, ctx, canvas);
    } finally {
      sample.close();
    }
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    // Cancels pending reads and closes every decoder mediabunny opened for this file.
    this.#input.dispose();
  }
}

/** The sample drawn upright (its rotation and flip from the container) filling the canvas; the canvas is reused. */
function drawUpright(
  sample: VideoSample,
  ctx: OffscreenCanvasRenderingContext2D,
  canvas: OffscreenCanvas,
): ImageBitmap {
  sample.drawWithFit(ctx, { fit: 'fill' });
  return canvas.transferToImageBitmap();
}
