// What every recorded-video decoder hands the analysis: frames in presentation order, each with its own
// sample timestamp, already turned upright (the container's rotation applied) and scaled for the model.
import type { SniffedKind } from './video_sniff';

export type VideoRotation = 0 | 90 | 180 | 270;

export interface VideoInfo {
  /** Upright display size (container rotation applied): the pixel space poses are reported in. */
  readonly width: number;
  readonly height: number;
  /** Clockwise rotation from the container's metadata, applied to every frame before the model. */
  readonly rotationDeg: VideoRotation;
  /** The track's codec as the container names it (avc, hevc, vp9, av1…), null when unknown. */
  readonly codec: string | null;
  readonly container: SniffedKind;
  /** Duration the container declares (s); null when it does not say. */
  readonly durationS: number | null;
  /** Frames in the clip, estimated from the packet rate × duration; null when unknown. */
  readonly frameCount: number | null;
  /** Which decoder reads the frames: WebCodecs through mediabunny, or seeking a <video> (the fallback). */
  readonly decoder: 'webcodecs' | 'video-element';
}

export interface DecodedFrame {
  /** The upright frame, scaled to fit the requested size. The receiver owns it (close or transfer it). */
  readonly bitmap: ImageBitmap;
  /** The sample's own presentation time, ms from the clip's first frame. */
  readonly tMs: number;
  /** The sample's duration (ms); the last frame's closes the clip. */
  readonly durationMs: number;
  /** Position among the decoded frames (0-based, presentation order). */
  readonly index: number;
}

export interface FrameOptions {
  /** Longest side of the frames handed out, px (never enlarged). */
  readonly maxSide: number;
  /** Hand out every n-th frame (1 = all); the others are decoded and dropped. */
  readonly every?: number;
  readonly signal?: AbortSignal;
}

export interface OpenedVideo {
  readonly info: VideoInfo;
  /** Every frame (or every n-th) in presentation order. Throws when the data stops decoding part way. */
  frames(opts: FrameOptions): AsyncGenerator<DecodedFrame, void, undefined>;
  /** The frame shown at `tMs` (the last one starting at or before it), upright, fitting `maxSide`. */
  frameAt(tMs: number, maxSide?: number): Promise<ImageBitmap>;
  /** Frees the decoders and the file; pending reads stop. */
  dispose(): void;
}
