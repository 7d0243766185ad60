// Tiny clips made with ffmpeg at test time, whose frames say what they are: frame n is a flat grey whose
// brightness names its index, at times the test chooses (variable frame
// rate), optionally with a display-rotation tag. For the CLI's decoder tests. Node only.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'goniocam-clip-'));
}

/** The RGB grey a decoder gives for frame n of greyRampClip (luma 16 + 16·n, studio range → full range). */
export function rampGrey(n: number): number {
  return Math.round((16 * n * 255) / 219);
}

/**
 * An H.264 MP4 (lossless, w×h) whose frame n is shown at timesMs[n] (whole ms, increasing) and is a flat grey of
 * luma 16 + 16·n. A 1000 fps source is cut down to exactly those frames and written with their own times
 * (-fps_mode passthrough), so the clip has a variable frame rate, as phone clips do.
 */
export function greyRampClip(
  dir: string,
  timesMs: readonly number[],
  w = 64,
  h = 48,
  name = 'ramp.mp4',
): string {
  const pick = timesMs.map((t) => `eq(n\\,${Math.round(t)})`).join('+');
  const durS = (Math.max(...timesMs) + 50) / 1000;
  const out = join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=black:s=${w}x${h}:r=1000:d=${durS}`,
    '-vf',
    `select='${pick}',geq=lum='16+16*N':cb=128:cr=128`,
    '-fps_mode',
    'passthrough',
    '-enc_time_base',
    '-1',
    '-c:v',
    'libx264',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv444p',
    '-video_track_timescale',
    '90000',
    out,
  ]);
  return out;
}

/** The same clip with a display-matrix rotation tag (ffprobe then reports `rotation`), stream copied. */
export function withRotateTag(src: string, rotate: number, out: string): string {
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    src,
    '-c',
    'copy',
    '-metadata:s:v:0',
    `rotate=${rotate}`,
    out,
  ]);
  return out;
}

/** Presentation times (ms) ffprobe reads from the container, decoding every frame: the independent truth. */
export function ffprobeFrameTimesMs(path: string): number[] {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'frame=pts_time',
    '-of',
    'csv=p=0',
    path,
  ]).toString();
  return out
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Number(l.split(',')[0]) * 1000);
}

/** A short constant-rate clip whose left half is white and right half black: shows which way a frame was turned. */
export function leftWhiteClip(dir: string, w = 64, h = 48, name = 'left-white.mp4'): string {
  const out = join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=black:s=${w}x${h}:r=30:d=0.2`,
    '-vf',
    `geq=lum='if(lt(X\\,W/2)\\,235\\,16)':cb=128:cr=128`,
    '-c:v',
    'libx264',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv444p',
    out,
  ]);
  return out;
}
