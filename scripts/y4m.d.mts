// Types for y4m.mjs, so Playwright specs (TypeScript) can build fake-camera clips.
export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}
export interface I420 {
  Y: Uint8Array;
  U: Uint8Array;
  V: Uint8Array;
}
export declare function readRgba(path: string): Promise<Rgba>;
export declare function toI420(img: Rgba, width: number, height: number): I420;
export declare function writeY4m(
  path: string,
  width: number,
  height: number,
  fps: number,
  frames: Iterable<I420>,
): Promise<void>;
export declare function stillClip(
  imagePath: string,
  outPath: string,
  opts?: { width?: number; height?: number; fps?: number; frames?: number },
): Promise<string>;

/** One trial of a clip, times in ms from the y4m's first frame. */
export interface ClipTrial {
  side: 'left' | 'right';
  direction: 'internal' | 'external';
  trial: number;
  /** + internal, − external: the rotation held. */
  peakDeg: number;
  rampStartMs: number;
  holdStartMs: number;
  holdEndMs: number;
  returnedMs: number;
}
export interface ClipY4m {
  path: string;
  fps: number;
  width: number;
  height: number;
  frames: number;
  /** The rotation each written frame shows, tested side and + internal. */
  series: { tMs: number; side: 'left' | 'right'; hipRotationDeg: number }[];
  trials: ClipTrial[];
}
export declare function clipY4m(
  clipJsonPath: string,
  outPath: string,
  opts?: { fps?: number; width?: number; height?: number; startMs?: number; endMs?: number },
): Promise<ClipY4m>;
