// Writes YUV4MPEG2 clips for Chromium's fake camera (--use-file-for-fake-video-capture). y4m is raw
// video (~0.5 MB per 640×480 frame), so it is generated at test time from committed images.
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { CLIP_FORMAT, sampleClip } from './rig/clip_timeline.mjs';

/** Decode a .jpg/.png into RGBA. */
export async function readRgba(path) {
  const bytes = await readFile(path);
  if (/\.png$/i.test(path)) {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  }
  const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  return { width: img.width, height: img.height, data: img.data };
}

/**
 * Fit an RGBA image into an even-sized W×H frame (letterboxed, bilinear), then convert to I420
 * with BT.601 limited-range coefficients (what Chromium's y4m reader expects for C420).
 */
export function toI420(img, width, height) {
  const scale = Math.min(width / img.width, height / img.height);
  const dw = img.width * scale;
  const dh = img.height * scale;
  const ox = (width - dw) / 2;
  const oy = (height - dh) / 2;
  const rgb = new Float32Array(width * height * 3).fill(16);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = (x - ox) / scale;
      const sy = (y - oy) / scale;
      if (sx < 0 || sy < 0 || sx > img.width - 1 || sy > img.height - 1) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, img.width - 1);
      const y1 = Math.min(y0 + 1, img.height - 1);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const p = (xx, yy) => img.data[(yy * img.width + xx) * 4 + c];
        rgb[(y * width + x) * 3 + c] =
          (p(x0, y0) * (1 - fx) + p(x1, y0) * fx) * (1 - fy) + (p(x0, y1) * (1 - fx) + p(x1, y1) * fx) * fy;
      }
    }
  }
  const Y = new Uint8Array(width * height);
  const U = new Uint8Array((width / 2) * (height / 2));
  const V = new Uint8Array((width / 2) * (height / 2));
  for (let i = 0; i < width * height; i++) {
    const r = rgb[i * 3];
    const g = rgb[i * 3 + 1];
    const b = rgb[i * 3 + 2];
    Y[i] = clamp(16 + 0.257 * r + 0.504 * g + 0.098 * b);
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < width / 2; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const i = ((y * 2 + dy) * width + x * 2 + dx) * 3;
        r += rgb[i] / 4;
        g += rgb[i + 1] / 4;
        b += rgb[i + 2] / 4;
      }
      U[y * (width / 2) + x] = clamp(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      V[y * (width / 2) + x] = clamp(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return { Y, U, V };
}

/** Write `frames` (I420 planes) to a y4m file at `fps`. */
export async function writeY4m(path, width, height, fps, frames) {
  if (width % 2 || height % 2) throw new Error(`y4m frame size must be even, got ${width}×${height}`);
  const out = createWriteStream(path);
  let failed = null;
  out.on('error', (err) => (failed = err));
  const write = (buf) =>
    new Promise((res, rej) => (failed ? rej(failed) : out.write(buf) ? res() : out.once('drain', res)));
  await write(Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`));
  for (const f of frames) {
    await write(Buffer.from('FRAME\n'));
    await write(f.Y);
    await write(f.U);
    await write(f.V);
  }
  await new Promise((res, rej) => out.end((err) => (err ? rej(err) : res())));
}

/** A clip of one still image repeated: a person holding a pose in front of the camera. */
export async function stillClip(
  imagePath,
  outPath,
  { width = 640, height = 480, fps = 15, frames = 15 } = {},
) {
  const frame = toI420(await readRgba(imagePath), width, height);
  await writeY4m(
    outPath,
    width,
    height,
    fps,
    Array.from({ length: frames }, () => frame),
  );
  return outPath;
}

/**
 * A rendered guided-test clip (test-fixtures/synth/clips/<test>/clip.json) as a fake-camera y4m: its
 * keyframes shown as the clip's timeline says, sampled at `fps` from startMs to endMs, fitted into
 * width×height (default: the clip's own size). Each keyframe is converted once, so a long clip costs disk,
 * not time: ~260 KB a frame at 480×360 (the whole 74 s clip at 15 fps is ~290 MB; pass a range for less).
 * Resolves to the truth for what was written, times relative to the y4m's first frame:
 * { path, fps, width, height, frames, series: [{ tMs, side, hipRotationDeg }], trials }.
 */
export async function clipY4m(clipJsonPath, outPath, { fps = 15, width, height, startMs, endMs } = {}) {
  const clip = JSON.parse(await readFile(clipJsonPath, 'utf8'));
  if (clip.format !== CLIP_FORMAT) throw new Error(`${clipJsonPath} is not a ${CLIP_FORMAT} clip`);
  const w = width ?? clip.width;
  const h = height ?? clip.height;
  const { frames, series, trials } = sampleClip({ ...clip, trials: clip.truth.trials }, fps, {
    startMs,
    endMs,
  });
  const planes = new Map();
  for (const k of new Set(frames)) {
    const file = clip.keyframes[k].file;
    if (basename(file) !== file) throw new Error(`keyframe file ${file} must sit beside clip.json`);
    planes.set(k, toI420(await readRgba(join(dirname(clipJsonPath), file)), w, h));
  }
  await writeY4m(
    outPath,
    w,
    h,
    fps,
    frames.map((k) => planes.get(k)),
  );
  return { path: outPath, fps, width: w, height: h, frames: frames.length, series, trials };
}

function clamp(v) {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}
