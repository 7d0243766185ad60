// Test helper: decode every frame of a video with Chromium's own decoder (the decoder the app's users have),
// returned as RGBA images for the Node estimator. Frames are taken by seeking to the middle of each frame
// interval, so frame i is the i-th frame of a constant-frame-rate clip, and each frame's own timestamp proves it:
// `seeked` can fire before the new frame reaches the video element, and a canvas drawn from the element then
// gets the previous frame (seen here: pose_squats.mp4's frame 64 came back as frame 63 in one of four runs, and
// a fresh-clone CI once read a squat frame's knee 13.6° off the peer's). A VideoFrame made from the element
// carries the timestamp of the frame it holds, so the helper waits until that is the frame it sought.
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
          // Until the element holds frame i (its timestamp, µs): wait for the next frame callback, or a timer
          // while none comes. (No helper function: the page gets this code as text, without the bundler's helpers.)
          let frame: VideoFrame | null = null;
          for (let wait = 0; !frame; wait++) {
            const held = new VideoFrame(video);
            if (Math.abs(held.timestamp / 1e6 - i / fps) < 0.25 / fps) frame = held;
            else {
              held.close();
              if (wait === 100) throw new Error(`frame ${i} never reached the video element after its seek`);
              await new Promise((res) => {
                const timer = setTimeout(res, 20);
                video.requestVideoFrameCallback(() => (clearTimeout(timer), res(null)));
              });
            }
          }
          ctx.drawImage(frame, 0, 0);
          frame.close();
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
