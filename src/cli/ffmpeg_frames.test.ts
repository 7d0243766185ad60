// The decoder against ffmpeg itself, on clips made here whose frames say what they are (make_clip.ts).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  ffprobeFrameTimesMs,
  greyRampClip,
  leftWhiteClip,
  rampGrey,
  tempDir,
  withRotateTag,
} from '../testing/make_clip';
import { decodeFrames, type RgbFrame } from './ffmpeg_frames';
import { probeVideo } from './ffprobe';

const TIMES = [0, 33, 66, 100, 600, 633, 650, 700, 1000, 1033, 1100, 1133];

async function all(path: string, every = 1): Promise<RgbFrame[]> {
  const frames: RgbFrame[] = [];
  for await (const f of decodeFrames(path, await probeVideo(path), { every })) frames.push(f);
  return frames;
}

describe('decodeFrames', () => {
  const dir = tempDir();
  const ramp = greyRampClip(dir, TIMES);

  it('gives every frame of a variable-rate clip once, paired with its own presentation time', async () => {
    // The independent truth: ffprobe decoding the same container.
    expect(ffprobeFrameTimesMs(ramp)).toEqual(TIMES);
    const frames = await all(ramp);
    expect(frames.map((f) => f.tMs)).toEqual(TIMES);
    expect(frames.map((f) => f.index)).toEqual(TIMES.map((_, i) => i));
    for (const f of frames) {
      expect(f.rgb.length).toBe(64 * 48 * 3);
      // Frame n's grey names it: the picture and the time belong to the same frame.
      expect(Math.abs(f.rgb[0]! - rampGrey(f.index))).toBeLessThanOrEqual(1);
      expect(Math.abs(f.rgb[f.rgb.length - 1]! - rampGrey(f.index))).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every k-th decoded frame with its own time (--every)', async () => {
    const frames = await all(ramp, 3);
    expect(frames.map((f) => f.index)).toEqual([0, 3, 6, 9]);
    expect(frames.map((f) => f.tMs)).toEqual([0, 100, 650, 1033]);
    for (const f of frames) expect(Math.abs(f.rgb[0]! - rampGrey(f.index))).toBeLessThanOrEqual(1);
  });

  it('stops ffmpeg when the reader stops early', async () => {
    let n = 0;
    for await (const f of decodeFrames(ramp, await probeVideo(ramp))) {
      n = f.index + 1;
      if (n === 2) break;
    }
    expect(n).toBe(2);
  });

  it('turns a frame upright the way its display matrix says', async () => {
    const src = leftWhiteClip(dir);
    const turned = withRotateTag(src, 90, join(dir, 'turned.mp4'));
    const probe = await probeVideo(turned);
    expect(probe).toMatchObject({ width: 48, height: 64 });
    // ffprobe says rotation 90 (counterclockwise) for this tag: 270 clockwise.
    expect(probe.rotationDeg).toBe(270);
    const [f] = await all(turned);
    expect(f).toMatchObject({ width: 48, height: 64 });
    const px = (x: number, y: number) => f!.rgb[(y * 48 + x) * 3]!;
    // The white left half, turned a quarter counterclockwise, lies along the bottom.
    expect(px(24, 60)).toBeGreaterThan(200);
    expect(px(24, 3)).toBeLessThan(40);
    const plain = await probeVideo(src);
    expect(plain).toMatchObject({ width: 64, height: 48, rotationDeg: 0 });
  });
});
