// Time and size bookkeeping for a decoded recording. Pure. Phone clips have a variable frame rate, so a
// frame's time is always its sample's own presentation timestamp, never index ÷ fps; everything here takes
// those timestamps as input.

/** A sample's presentation time (s, container clock) → ms from the clip's first frame. */
export function clipMs(timestampS: number, firstTimestampS: number): number {
  // Rounded to the microsecond: container clocks (1/90000 s, 1/600 s…) give values like 33.366666…
  return Math.round((timestampS - firstTimestampS) * 1e6) / 1e3;
}

/**
 * Keeps frames whose time moves forward. Decoders hand frames in presentation order, but a <video> seek can
 * land on the frame it already showed, and a damaged file can repeat a timestamp: the protocol and the One
 * Euro filter need strictly increasing time.
 */
export class ForwardTime {
  #last = -Infinity;
  accept(tMs: number): boolean {
    if (!(tMs > this.#last)) return false;
    this.#last = tMs;
    return true;
  }
}

/** Infer every `every`-th decoded frame (1 = all). The frames kept keep their own timestamps. */
export function shouldInfer(index: number, every: number): boolean {
  return index % Math.max(1, Math.floor(every)) === 0;
}

/** Size that fits `maxSide` on its longer side, keeping the aspect ratio (never enlarges; at least 1 px). */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Frame rate and duration of what was analysed, from the timestamps (RecordingInfo.fps / durationS). */
export function clipStats(
  tMs: readonly number[],
  lastFrameDurationMs: number,
): { frames: number; durationS: number; fps: number } {
  const frames = tMs.length;
  if (frames === 0) return { frames: 0, durationS: 0, fps: 0 };
  const durationS = (tMs[frames - 1]! - tMs[0]! + Math.max(0, lastFrameDurationMs)) / 1000;
  return { frames, durationS, fps: durationS > 0 ? frames / durationS : 0 };
}

export interface AnalysisProgress {
  /** Frames whose pose is back. */
  readonly frames: number;
  /** Frames to infer in all, when the container says (estimated from its sample count ÷ every). */
  readonly total: number | null;
  /** Frames per wall-clock second so far. */
  readonly fps: number;
  /** Seconds left at that rate; null until it can be estimated. */
  readonly etaS: number | null;
  /** Clip time reached (s). */
  readonly mediaS: number;
  readonly durationS: number | null;
}

export const NO_PROGRESS: AnalysisProgress = {
  frames: 0,
  total: null,
  fps: 0,
  etaS: null,
  mediaS: 0,
  durationS: null,
};

/**
 * Progress for the bar: rate from the frames done over the time since the first pose came back (the model
 * load before it is not a frame rate); time left from the frames to go when the total is known, else from
 * the clip time still to cover.
 */
export function progressOf(p: {
  readonly frames: number;
  readonly total: number | null;
  readonly firstPoseWallMs: number | null;
  readonly nowWallMs: number;
  readonly mediaS: number;
  readonly durationS: number | null;
}): AnalysisProgress {
  const elapsedS = p.firstPoseWallMs === null ? 0 : (p.nowWallMs - p.firstPoseWallMs) / 1000;
  const fps = elapsedS > 0 && p.frames > 1 ? (p.frames - 1) / elapsedS : 0;
  let etaS: number | null = null;
  if (fps > 0 && p.total !== null) etaS = Math.max(0, (p.total - p.frames) / fps);
  else if (fps > 0 && p.durationS !== null && p.mediaS > 0 && elapsedS > 0) {
    etaS = Math.max(0, ((p.durationS - p.mediaS) / p.mediaS) * elapsedS);
  }
  return { frames: p.frames, total: p.total, fps, etaS, mediaS: p.mediaS, durationS: p.durationS };
}
