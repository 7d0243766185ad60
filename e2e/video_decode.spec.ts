// The recorded-video decoder and session in the built app, in Chromium (WebCodecs + mediabunny, the pose
// Workers), driven through the ?videohooks entry (src/lib/session/recording_hooks.ts). The clips are made
// here with Debian's ffmpeg so each one isolates one property: the container's rotation, a variable frame
// rate, WebM/VP9, and the bad files.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const dir = `${process.env.E2E_OUT ?? new URL('./out/', import.meta.url).pathname}video/`;
const lunge = new URL('../test-fixtures/e2e/lunge.jpg', import.meta.url).pathname;
const ff = (...args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);

test.beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  // Upright: red | lime over blue | white, 480×640 (a phone held upright). Stored turned 90° clockwise
  // (640×480 coded) with a display matrix that turns it back, as phones store portrait video.
  ff(
    ...['-f', 'lavfi', '-i', 'color=red:s=240x320:r=30', '-f', 'lavfi', '-i', 'color=lime:s=240x320:r=30'],
    ...['-f', 'lavfi', '-i', 'color=blue:s=240x320:r=30', '-f', 'lavfi', '-i', 'color=white:s=240x320:r=30'],
    ...['-filter_complex', '[0][1]hstack[t];[2][3]hstack[b];[t][b]vstack,transpose=1,format=yuv420p'],
    ...['-t', '2', '-c:v', 'libx264', `${dir}coded.mp4`],
  );
  ff('-i', `${dir}coded.mp4`, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', `${dir}portrait.mp4`);
  // Variable frame rate: a 30 fps source with every third frame dropped, timestamps kept (33 / 67 ms gaps).
  ff(
    ...['-f', 'lavfi', '-i', 'testsrc2=s=640x480:r=30', '-t', '3'],
    ...['-vf', "select='not(eq(mod(n\\,3)\\,1))'", '-fps_mode', 'vfr', '-c:v', 'libx264', `${dir}vfr.mp4`],
  );
  ff(
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=640x480:r=30',
    '-t',
    '2',
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    `${dir}clip.webm`,
  );
  // A person (the lunge photo) for 2 s at 30 fps, 640×480 H.264.
  ff(
    '-loop',
    '1',
    '-framerate',
    '30',
    '-i',
    lunge,
    '-t',
    '2',
    '-vf',
    'scale=640:480,setsar=1,format=yuv420p',
    '-c:v',
    'libx264',
    `${dir}person.mp4`,
  );
  ff(
    '-loop',
    '1',
    '-framerate',
    '30',
    '-i',
    lunge,
    '-t',
    '20',
    '-vf',
    'scale=640:480,setsar=1,format=yuv420p',
    '-c:v',
    'libx264',
    `${dir}person20.mp4`,
  );
  // The same person upside down (a prone test filmed from behind the head).
  ff(
    ...['-loop', '1', '-framerate', '30', '-i', lunge, '-t', '1'],
    ...[
      '-vf',
      'scale=640:480,setsar=1,vflip,hflip,format=yuv420p',
      '-c:v',
      'libx264',
      `${dir}person_turned.mp4`,
    ],
  );
  // Every frame unlike its neighbours: grey rising 2 levels a frame, a bright bar moving 5 px a frame (2 s, 30 fps).
  ff(
    ...[
      '-f',
      'lavfi',
      '-i',
      "color=c=black:s=320x240:r=30,format=gray,geq=lum='if(between(X\\,N*5\\,N*5+20)\\,235\\,16+N*2)'",
    ],
    ...['-t', '2', '-vf', 'format=yuv420p', '-c:v', 'libx264', `${dir}ramp.mp4`],
  );
  // Bad files: sound only, a photo renamed .mp4, an empty file, an MP4 cut in half.
  ff('-f', 'lavfi', '-i', 'sine=frequency=440:duration=2', '-c:a', 'aac', '-f', 'mp4', `${dir}sound.mp4`);
  writeFileSync(`${dir}photo.mp4`, readFileSync(lunge));
  writeFileSync(`${dir}empty.mp4`, new Uint8Array());
  const whole = readFileSync(`${dir}vfr.mp4`);
  writeFileSync(`${dir}cut.mp4`, whole.subarray(0, Math.floor(whole.length / 2)));
  // Cut short with its index in front (faststart, as phones and editors often write): the frames stop part way.
  ff('-i', `${dir}person20.mp4`, '-c', 'copy', '-movflags', '+faststart', `${dir}person20fs.mp4`);
  const fs = readFileSync(`${dir}person20fs.mp4`);
  writeFileSync(`${dir}cut_faststart.mp4`, fs.subarray(0, Math.floor(fs.length * 0.4)));
});

/** Runs `fn` in the page with the named clip as a File. */
async function withFile<T>(page: Page, name: string, fn: string): Promise<T> {
  const b64 = readFileSync(`${dir}${name}`).toString('base64');
  return page.evaluate(
    async ({ b64, name, fn }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const file = new File([bytes], name, { type: name.endsWith('.webm') ? 'video/webm' : 'video/mp4' });
      const hooks = (window as unknown as { __goniocamRecording: Record<string, unknown> })
        .__goniocamRecording;
      return (
        new Function('hooks', 'file', `return (${fn})(hooks, file)`) as (h: unknown, f: File) => Promise<T>
      )(hooks, file);
    },
    { b64, name, fn },
  );
}

interface Decoded {
  ok: boolean;
  problem: string | null;
  info: { width: number; height: number; rotationDeg: number; codec: string; decoder: string } | null;
  tMs: number[];
  frameSize: { width: number; height: number } | null;
  quadrants: number[][] | null;
  thumbnails: number[][];
}
const decode = (page: Page, name: string, decoder = 'auto', thumbnails = false) =>
  withFile<Decoded>(
    page,
    name,
    `(h, f) => h.decodeAll(f, { decoder: '${decoder}', thumbnails: ${thumbnails} })`,
  );

async function open(page: Page, query = '') {
  await page.goto(`/?videohooks${query}#/live`);
  await page.waitForFunction(() => '__goniocamRecording' in window);
}

test('a portrait phone clip comes out upright, every frame with its own timestamp', async ({ page }) => {
  await open(page);
  const d = await decode(page, 'portrait.mp4');
  expect(d.problem).toBeNull();
  expect(d.info).toMatchObject({
    width: 480,
    height: 640,
    rotationDeg: 270,
    codec: 'avc',
    decoder: 'webcodecs',
  });
  expect(d.frameSize).toEqual({ width: 480, height: 640 });
  // red, lime / blue, white: the picture as the phone showed it, not as it was stored.
  const [tl, tr, bl, br] = d.quadrants!;
  expect(tl![0]).toBeGreaterThan(200);
  expect(tl![1]! + tl![2]!).toBeLessThan(60);
  expect(tr![1]).toBeGreaterThan(200);
  expect(tr![0]! + tr![2]!).toBeLessThan(60);
  expect(bl![2]).toBeGreaterThan(200);
  expect(bl![0]! + bl![1]!).toBeLessThan(60);
  expect(Math.min(...br!)).toBeGreaterThan(200);
  expect(d.tMs).toHaveLength(60);
  d.tMs.forEach((t, i) => expect(t).toBeCloseTo((i * 1000) / 30, 2));
});

test('a variable-frame-rate clip keeps each sample’s own time, never index ÷ fps', async ({ page }) => {
  await open(page);
  const d = await decode(page, 'vfr.mp4');
  const probe = execFileSync('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0'],
    `${dir}vfr.mp4`,
  ])
    .toString()
    .trim()
    .split('\n')
    .map(Number)
    .sort((a, b) => a - b);
  expect(probe).toHaveLength(60);
  expect(d.tMs).toHaveLength(probe.length);
  d.tMs.forEach((t, i) => expect(t).toBeCloseTo((probe[i]! - probe[0]!) * 1000, 2));
  const gaps = new Set(d.tMs.slice(1).map((t, i) => Math.round(t - d.tMs[i]!)));
  expect([...gaps].sort()).toEqual([33, 67]);
});

test('WebM (VP9) decodes too', async ({ page }) => {
  await open(page);
  const d = await decode(page, 'clip.webm');
  expect(d.problem).toBeNull();
  expect(d.info).toMatchObject({ width: 640, height: 480, codec: 'vp9', decoder: 'webcodecs' });
  expect(d.tMs).toHaveLength(60);
});

test('bad files get their own message', async ({ page }) => {
  const code = async (name: string) => (await decode(page, name)).problem?.split(':')[0];
  await open(page);
  expect(await code('sound.mp4')).toBe('audio-only');
  expect(await code('photo.mp4')).toBe('image');
  expect(await code('empty.mp4')).toBe('empty');
  expect(await code('cut.mp4')).toBe('corrupt');
  // Over ?maxVideoMB=0.05 (51 KB): the 190 KB WebM.
  await open(page, '&maxVideoMB=0.05');
  expect(await code('clip.webm')).toBe('too-large');
});

test('the session finds a pose in every frame in the pose Workers, then cancels promptly and runs again', async ({
  page,
}) => {
  await open(page);
  const run = await withFile<{
    status: string;
    poses: { tMs: number; joints: number; width: number }[];
    workers: number;
    keypoints: string;
  }>(
    page,
    'person.mp4',
    `async (h, f) => {
      const s = h.session;
      // every: 1 — a 30 fps clip is otherwise read at 15 frames a second (pipeline/inference_rate.ts).
      await s.analyse(f, 'seated', { model: 'movenet-lightning', every: 1 });
      return {
        status: s.status + (s.error ? ': ' + s.error : ''),
        workers: s.timings?.workers ?? 0,
        poses: s.poses.map((p) => ({ tMs: p.tMs, joints: p.pose ? Object.keys(p.pose.joints).length : 0, width: p.pose?.width ?? 0 })),
        keypoints: JSON.stringify(s.poses.map((p) => p.pose?.joints ?? null)),
      };
    }`,
  );
  expect(run.status).toBe('done');
  expect(run.workers).toBeGreaterThanOrEqual(1);
  expect(run.poses).toHaveLength(60);
  run.poses.forEach((p, i) => {
    expect(p.tMs).toBeCloseTo((i * 1000) / 30, 2);
    expect(p.joints).toBe(17);
    expect(p.width).toBe(640);
  });

  const cancelled = await withFile<{ status: string; frames: number; afterMs: number }>(
    page,
    'person20.mp4',
    `async (h, f) => {
      const s = h.session;
      const done = s.analyse(f, 'seated', { model: 'movenet-lightning' });
      while (s.progress.frames < 10) await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      s.cancel();
      await done;
      return { status: s.status, frames: s.progress.frames, afterMs: performance.now() - t0 };
    }`,
  );
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.frames).toBeLessThan(600);
  expect(cancelled.afterMs).toBeLessThan(1000);

  // Run again: the same frames give the same keypoints, whichever worker was free first (each frame goes to a
  // fixed worker, and the model's tracking state follows from that, pose_worker_pool.ts).
  const again = await withFile<{ status: string; keypoints: string }>(
    page,
    'person.mp4',
    `async (h, f) => {
      await h.session.analyse(f, 'seated', { model: 'movenet-lightning', every: 1 });
      return { status: h.session.status + ' ' + h.session.poses.length, keypoints: JSON.stringify(h.session.poses.map((p) => p.pose?.joints ?? null)) };
    }`,
  );
  expect(again.status).toBe('done 60');
  expect(again.keypoints).toBe(run.keypoints);
});

test('a file cut short part way is analysed up to where it stops, with a warning that says so', async ({
  page,
}) => {
  await open(page);
  const r = await withFile<{ status: string; warning: string | null; frames: number; lastMs: number }>(
    page,
    'cut_faststart.mp4',
    `async (h, f) => {
      const s = h.session;
      await s.analyse(f, 'seated', { model: 'movenet-lightning' });
      return { status: s.status + (s.error ? ': ' + s.error : ''), warning: s.warning, frames: s.poses?.length ?? 0, lastMs: s.poses?.at(-1)?.tMs ?? 0 };
    }`,
  );
  console.log(JSON.stringify(r));
  expect(r.status).toBe('done');
  expect(r.warning).toMatch(/stops being readable|stopped decoding/);
  expect(r.frames).toBeGreaterThan(30);
  expect(r.lastMs).toBeLessThan(19_000);
});

test('the <video> fallback gives the same frames, times and upright picture', async ({ page }) => {
  await open(page);
  const d = await decode(page, 'portrait.mp4', 'video-element');
  expect(d.problem).toBeNull();
  expect(d.info).toMatchObject({ width: 480, height: 640, rotationDeg: 270, decoder: 'video-element' });
  expect(d.tMs).toHaveLength(60);
  d.tMs.forEach((t, i) => expect(t).toBeCloseTo((i * 1000) / 30, 2));
  const [tl, , , br] = d.quadrants!;
  expect(tl![0]).toBeGreaterThan(200);
  expect(tl![1]! + tl![2]!).toBeLessThan(60);
  expect(Math.min(...br!)).toBeGreaterThan(200);
  const v = await decode(page, 'vfr.mp4', 'video-element');
  const w = await decode(page, 'vfr.mp4');
  expect(v.tMs).toEqual(w.tMs);
});

test('the <video> fallback copies each frame it sought, never a neighbour', async ({ page }) => {
  // 'seeked' can fire before the sought frame reaches the element (video_element_decoder.ts): each fallback frame
  // must look like the same frame from WebCodecs, more than like any other.
  await open(page);
  const element = await decode(page, 'ramp.mp4', 'video-element', true);
  const webcodecs = await decode(page, 'ramp.mp4', 'auto', true);
  expect(element.info).toMatchObject({ decoder: 'video-element' });
  expect(webcodecs.info).toMatchObject({ decoder: 'webcodecs' });
  expect(element.thumbnails).toHaveLength(60);
  expect(webcodecs.thumbnails).toHaveLength(60);
  const distance = (a: number[], b: number[]) => a.reduce((s, x, k) => s + Math.abs(x - b[k]!), 0);
  const nearest = element.thumbnails.map((t) => {
    const d = webcodecs.thumbnails.map((w) => distance(t, w));
    return d.indexOf(Math.min(...d));
  });
  expect(nearest).toEqual(nearest.map((_, i) => i));
});

test('a prone recording is turned 180° for the model inside the Worker and its keypoints turned back', async ({
  page,
}) => {
  await open(page);
  const firstPose = (name: string, test: string) =>
    withFile<Record<string, { x: number; y: number }>>(
      page,
      name,
      `async (h, f) => {
        const s = h.session;
        await s.analyse(f, '${test}', { model: 'movenet-lightning' });
        return s.poses[0].pose.joints;
      }`,
    );
  const upright = await firstPose('person.mp4', 'seated');
  const turned = await firstPose('person_turned.mp4', 'prone');
  const joints = ['left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
  // In the upside-down clip the same joint sits at (W − x, H − y) of the upright one, within what the model
  // itself moves between two encodes of one picture: the two clips are separate H.264 encodes (the turned one
  // of a flipped picture, so its compression noise differs), and MoveNet Lightning reads 640×480 through a
  // 192×192 input (3.3 px of the frame per input pixel, 13 px per heatmap cell). 6 px (≈ 2 input pixels) has
  // been seen; 10 px (3 input pixels) allows that and still fails every wrong turn by far (checked below).
  const TOL_PX = 10;
  const off = (p: { x: number; y: number }, j: string) =>
    Math.max(Math.abs(p.x - (640 - upright[j]!.x)), Math.abs(p.y - (480 - upright[j]!.y)));
  const shown = joints.map((j) => `${j} ${off(turned[j]!, j).toFixed(1)} px`).join(', ');
  for (const j of joints) expect(off(turned[j]!, j), shown).toBeLessThan(TOL_PX);
  // What each wrong handling would have reported for these joints is many times the tolerance off: the keypoints
  // not turned back (the upright clip's), or turned about one axis only.
  const wrong = {
    'not turned back': (j: string) => upright[j]!,
    'mirrored only': (j: string) => ({ x: 640 - upright[j]!.x, y: upright[j]!.y }),
    'flipped only': (j: string) => ({ x: upright[j]!.x, y: 480 - upright[j]!.y }),
  };
  for (const [what, at] of Object.entries(wrong))
    expect(Math.max(...joints.map((j) => off(at(j), j))), what).toBeGreaterThan(5 * TOL_PX);
});
