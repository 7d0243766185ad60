// Decoded frames of a clip, streamed from ffmpeg (on PATH) as raw RGB, each with its own presentation time.
// Phone clips have a variable frame rate, so a frame's time is never index ÷ fps: ffmpeg's showinfo filter,
// last in the chain, logs every frame that reaches the output with its pts, in output order, and
// -fps_mode passthrough keeps ffmpeg from duplicating or dropping frames to make a constant rate. The i-th
// frame on stdout is the i-th showinfo line on stderr. ffmpeg turns frames upright itself (autorotate, on by
// default), so the model sees what the phone showed. One frame is held at a time. Node only.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { MissingToolError, VideoFileError, ffmpegSays, type VideoProbe } from './ffprobe';

export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes per pixel, row-major, top-left first. */
  readonly rgb: Uint8Array;
  /** Presentation time in ms from the first decoded frame. */
  readonly tMs: number;
  /** Index of this frame among all decoded frames (before --every). */
  readonly index: number;
}

export interface DecodeOptions {
  /** Keep every k-th decoded frame (1 = all). Chosen by decode order, so frame 0 is always kept. */
  readonly every?: number;
}

const SHOWINFO = /\] n:\s*(\d+) pts:\s*(-?\d+) /;
const TIME_BASE = /config in time_base: (\d+)\/(\d+)/;

export async function* decodeFrames(
  path: string,
  probe: VideoProbe,
  opts: DecodeOptions = {},
): AsyncGenerator<RgbFrame> {
  const every = Math.max(1, Math.floor(opts.every ?? 1));
  const { width, height } = probe;
  const frameBytes = width * height * 3;
  // select keeps decoded frame n when n mod every = 0; its n is the decoded index, so we can report it.
  const filters = [...(every > 1 ? [`select='not(mod(n\\,${every}))'`] : []), 'showinfo=checksum=0'];
  const args = [
    '-hide_banner',
    '-nostats',
    '-nostdin',
    '-loglevel',
    'info',
    '-i',
    path,
    '-map',
    '0:v:0',
    '-vf',
    filters.join(','),
    '-fps_mode',
    'passthrough',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'rgb24',
    '-',
  ];
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new MissingToolError('ffmpeg') : err),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  exited.catch(() => undefined);
  await spawned;

  // stderr: showinfo lines → timestamps in output order; everything else kept (the tail) for error messages.
  const times: { tMs: number; index: number; line: string }[] = [];
  const log: string[] = [];
  let tb: [number, number] = [1, 1000];
  let firstPts: number | null = null;
  let stderrDone = false;
  let wake: (() => void) | null = null;
  const lines = createInterface({ input: child.stderr });
  lines.on('line', (line) => {
    const base = TIME_BASE.exec(line);
    if (base) tb = [Number(base[1]), Number(base[2])];
    const m = SHOWINFO.exec(line);
    if (m) {
      const pts = Number(m[2]);
      firstPts ??= pts;
      times.push({ tMs: ((pts - firstPts) * tb[0] * 1000) / tb[1], index: Number(m[1]), line });
    } else if (!line.includes('Parsed_showinfo')) {
      log.push(line);
      if (log.length > 40) log.shift();
    }
    wake?.();
  });
  lines.once('close', () => {
    stderrDone = true;
    wake?.();
  });
  const nextTime = async () => {
    while (times.length === 0 && !stderrDone) await new Promise<void>((r) => (wake = r));
    wake = null;
    return times.shift();
  };

  const name = basename(path);
  let buf: Buffer = Buffer.alloc(0);
  let count = 0;
  let lastMs = 0;
  let lastIndex = -1;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      while (buf.length >= frameBytes) {
        const rgb = new Uint8Array(buf.subarray(0, frameBytes));
        buf = buf.subarray(frameBytes);
        const t = await nextTime();
        if (!t) throw new VideoFileError(`${name}: ffmpeg gave a frame without its timestamp.`);
        if (!t.line.includes(` s:${width}x${height} `))
          throw new VideoFileError(
            `${name}: the frame size changes mid-clip, which goniocam does not analyse.`,
          );
        count++;
        lastMs = t.tMs;
        lastIndex = t.index * every;
        // select's n counts selected frames after it, so the decoded index is n × every.
        yield { width, height, rgb, tMs: t.tMs, index: t.index * every };
      }
    }
    const code = await exited;
    const why = ffmpegSays(log.join('\n'));
    if (code !== 0) {
      throw new VideoFileError(
        count === 0
          ? `${name} could not be decoded: its video data is damaged or in a form ffmpeg cannot decode (${why}).`
          : `${name} stopped decoding after ${count} frames: the file is damaged (${why}).`,
      );
    }
    if (count === 0) throw new VideoFileError(`${name}: no video frame could be decoded (${why}).`);
    const short = cutShort(probe, every, count, lastIndex, lastMs);
    // ffmpeg decodes what a cut-off file still holds and exits 0 ("partial file"): a result from the first
    // part of a test would look complete, so it is refused and the reason said.
    if (short)
      throw new VideoFileError(`${name} is cut short or damaged: ${short}. Copy or export the clip again.`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    lines.close();
  }
}

/**
 * Whether fewer frames came out than the container promises: its frame count (MP4/MOV state it), else its
 * duration (WebM). Edit lists may hide a few priming frames, so a 2 % + 1 frame shortfall is allowed.
 */
function cutShort(
  probe: VideoProbe,
  every: number,
  count: number,
  lastIndex: number,
  lastMs: number,
): string | null {
  if (probe.frameCount !== null) {
    const expected = Math.ceil(probe.frameCount / every);
    // Said in the file's own frames, whichever every k-th were analysed (the person may not have chosen k).
    if (count < expected * 0.98 - 1)
      return `only ${every === 1 ? count : lastIndex + 1} of its ${probe.frameCount} frames could be decoded`;
    return null;
  }
  if (probe.durationS !== null) {
    const missingS = probe.durationS - lastMs / 1000;
    if (missingS > Math.max(1, 0.1 * probe.durationS))
      return `its frames stop at ${(lastMs / 1000).toFixed(1)} s of ${probe.durationS.toFixed(1)} s`;
  }
  return null;
}
