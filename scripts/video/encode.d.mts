// Types for encode.mjs, so the TypeScript tests see its shapes.
export declare function requireFfmpeg(): void;
export declare function writeConcat(
  dir: string,
  frames: readonly { file: string; tMs: number }[],
  lastMs: number,
): string;
export declare function encodeMp4(
  list: string,
  count: number,
  out: string,
  opts?: { crf?: number; gop?: number; vf?: string; rotate?: 0 | 90 | 180 | 270 },
): void;
export declare function encodeWebm(
  list: string,
  count: number,
  out: string,
  opts?: { crf?: number; gop?: number },
): void;
export interface VideoProbe {
  codec: string;
  pixFmt: string;
  width: number;
  height: number;
  /** Clockwise rotation from the container's display matrix. */
  rotationCw: number;
  /** Every frame's presentation time, ms. */
  framesMs: number[];
}
export declare function probeVideo(path: string): VideoProbe;
