// Test helper: decode every frame of a video with Chromium's own decoder (Node has none here: no
// ffmpeg), returned as RGBA images for the Node estimator. Frames are taken by seeking to the middle
// of each frame interval, so frame i is exactly the i-th frame of a constant-frame-rate clip.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium_flags.mjs';
import { PNG } from 'pngjs';
import type { RgbImage } from '../lib/pose/node/decode_image';

export async function decodeVideoFrames(path: string, fps: number, count: number): Promise<RgbImage[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    // Served from a route, not the network: the clip never leaves this machine.
    await page.route('http://fixtures.invalid/**', (route) =>
      route.fulfill({ body: readFileSync(path), contentType: 'video/mp4' }),
    );
    await page.route('http://fixtures.invalid/', (route) =>
      route.fulfill({ body: '<!doctype html><body></body>', contentType: 'text/html' }),
    );
    await page.goto('http://fixtures.invalid/');
    const pngs = await page.evaluate(
      async ({ fps, count }) => {
        const video = document.createElement('video');
        video.muted = true;
        // From a blob, not the route: a routed response has no byte ranges, so a clip whose index (moov)
        // sits at the end is not seekable and every seek silently leaves frame 0 (pose_squats.mp4).
        const blob = await (await fetch('http://fixtures.invalid/clip.mp4')).blob();
        video.src = URL.createObjectURL(blob);
        await new Promise<void>((res, rej) => {
          video.onloadeddata = () => res();
          video.onerror = () => rej(new Error(`video error ${video.error?.code}`));
        });
        const canvas = document.createElement('canvas');
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        const ctx = canvas.getContext('2d')!;
        const out: string[] = [];
        for (let i = 0; i < count; i++) {
          video.currentTime = (i + 0.5) / fps;
          await new Promise((res) => (video.onseeked = res));
          if (Math.abs(video.currentTime - (i + 0.5) / fps) > 0.5 / fps)
            throw new Error(`seek to frame ${i} landed at ${video.currentTime}s`);
          ctx.drawImage(video, 0, 0);
          out.push(canvas.toDataURL('image/png').split(',')[1]!);
        }
        return out;
      },
      { fps, count },
    );
    return pngs.map((b64) => {
      const png = PNG.sync.read(Buffer.from(b64, 'base64'));
      return { width: png.width, height: png.height, rgba: new Uint8Array(png.data) };
    });
  } finally {
    await browser.close();
  }
}
