// The recorded-video classes on `window.__goniocamRecording`, installed only when the page is opened with
// `?videohooks` (main.ts loads this lazily): the e2e check and the benchmark drive the app's own decoder and
// session through it, in the built app, without a screen in between. Nothing here is test data or a mock.
import { canUseWebCodecs, openVideo } from '../capture/open_video';
import { readMaxVideoMB, videoSizeLimit } from '../capture/video_errors';
import { MODEL_MAX_SIDE } from './recording_feeder';
import { RecordingSession } from './recording_session.svelte';

export interface DecodeReport {
  readonly ok: boolean;
  readonly problem: string | null;
  readonly info: unknown;
  readonly tMs: number[];
  readonly frameSize: { width: number; height: number } | null;
  /** Mean RGB of the first frame's four quadrants (top-left, top-right, bottom-left, bottom-right). */
  readonly quadrants: number[][] | null;
  /**
   * With `thumbnails`: every frame shrunk to 8×6 grey levels (row-major), to tell one decoder's frames from
   * another's neighbours; else empty.
   */
  readonly thumbnails: number[][];
  /** Wall time of the decode loop alone (s). */
  readonly decodeS: number;
}

/** Decode every frame (no model) the way the analysis does; frames are closed as they come. */
export async function decodeAll(
  file: File,
  opts: {
    maxSide?: number;
    every?: number;
    decoder?: 'auto' | 'video-element';
    thumbnails?: boolean;
  } = {},
): Promise<DecodeReport> {
  const { maxSide = MODEL_MAX_SIDE, every = 1, decoder = 'auto' } = opts;
  const limit = videoSizeLimit({ overrideMB: readMaxVideoMB(location.search) });
  const opened = await openVideo(file, limit, { decoder });
  if (!opened.ok) {
    const p = opened.problem;
    return {
      ok: false,
      problem: `${p.code}: ${p.message}`,
      info: null,
      tMs: [],
      frameSize: null,
      quadrants: null,
      thumbnails: [],
      decodeS: 0,
    };
  }
  const tMs: number[] = [];
  let frameSize: { width: number; height: number } | null = null;
  let quadrants: number[][] | null = null;
  const thumbnails: number[][] = [];
  const t0 = performance.now();
  try {
    for await (const f of opened.video.frames({ maxSide, every })) {
      if (!frameSize) {
        frameSize = { width: f.bitmap.width, height: f.bitmap.height };
        quadrants = quadrantMeans(f.bitmap);
      }
      tMs.push(f.tMs);
      if (opts.thumbnails) thumbnails.push(thumbnail(f.bitmap));
      f.bitmap.close();
    }
  } finally {
    opened.video.dispose();
  }
  return {
    ok: true,
    problem: null,
    info: opened.video.info,
    tMs,
    frameSize,
    quadrants,
    thumbnails,
    decodeS: (performance.now() - t0) / 1000,
  };
}

function quadrantMeans(bitmap: ImageBitmap): number[][] {
  const { width: w, height: h } = bitmap;
  const ctx = new OffscreenCanvas(w, h).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const px = ctx.getImageData(0, 0, w, h).data;
  const mean = (x0: number, y0: number) => {
    const sum = [0, 0, 0];
    let n = 0;
    // The middle half of each quadrant, away from the edges where scaling blends colours.
    for (let y = y0 + Math.floor(h / 8); y < y0 + Math.floor((3 * h) / 8); y++)
      for (let x = x0 + Math.floor(w / 8); x < x0 + Math.floor((3 * w) / 8); x++) {
        const i = (y * w + x) * 4;
        sum[0]! += px[i]!;
        sum[1]! += px[i + 1]!;
        sum[2]! += px[i + 2]!;
        n++;
      }
    return sum.map((s) => Math.round(s / n));
  };
  return [mean(0, 0), mean(w >> 1, 0), mean(0, h >> 1), mean(w >> 1, h >> 1)];
}

function thumbnail(bitmap: ImageBitmap): number[] {
  const ctx = new OffscreenCanvas(8, 6).getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, 8, 6);
  const px = ctx.getImageData(0, 0, 8, 6).data;
  const grey: number[] = [];
  for (let i = 0; i < px.length; i += 4) grey.push((px[i]! + px[i + 1]! + px[i + 2]!) / 3);
  return grey;
}

export function installRecordingHooks(): void {
  (window as unknown as Record<string, unknown>).__goniocamRecording = {
    session: new RecordingSession(),
    RecordingSession,
    decodeAll,
    canUseWebCodecs,
  };
}
