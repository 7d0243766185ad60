// What a clip holds, from ffprobe (found on PATH): its first video stream's size, codec, display rotation and
// duration. Clips are untrusted input: every way a file can fail to be a video we can decode becomes one
// plain sentence (VideoFileError), never a stack trace. Node only.
import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import * as v from 'valibot';

/** A clip goniocam cannot analyse, said in one line for the person who gave it. */
export class VideoFileError extends Error {
  override readonly name = 'VideoFileError';
}

/** ffmpeg/ffprobe is not on PATH: a setup problem, not a bad file (the CLI exits 2 for it). */
export class MissingToolError extends Error {
  override readonly name = 'MissingToolError';
  constructor(tool: string) {
    super(
      `${tool} was not found on PATH; goniocam analyze decodes clips with ffmpeg. ` +
        'Install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg) and try again.',
    );
  }
}

export interface VideoProbe {
  readonly codec: string;
  /** Size of the frames as decoded and turned upright (width/height swapped for 90/270). */
  readonly width: number;
  readonly height: number;
  /** Clockwise turn from the container's display matrix that ffmpeg applies when decoding (0/90/180/270). */
  readonly rotationDeg: number;
  /** From the container; null when it does not say. */
  readonly durationS: number | null;
  /** Frame count from the container; null when it does not say (the decoder's count is the truth). */
  readonly frameCount: number | null;
}

const Stream = v.object({
  codec_type: v.optional(v.string()),
  codec_name: v.optional(v.string()),
  codec_tag_string: v.optional(v.string()),
  width: v.optional(v.number()),
  height: v.optional(v.number()),
  duration: v.optional(v.string()),
  nb_frames: v.optional(v.string()),
  disposition: v.optional(v.object({ attached_pic: v.optional(v.number()) })),
  side_data_list: v.optional(v.array(v.object({ rotation: v.optional(v.number()) }))),
  tags: v.optional(v.object({ rotate: v.optional(v.string()) })),
});
const Probe = v.object({
  streams: v.optional(v.array(Stream), []),
  format: v.optional(v.object({ format_name: v.optional(v.string()), duration: v.optional(v.string()) })),
});

/**
 * ffmpeg's names for the codecs the app's recording screen decodes (WebCodecs, or a <video> element: H.264 and
 * HEVC in MP4/MOV, VP8/VP9/AV1 in WebM). ffmpeg decodes far more (MPEG-4 Part 2, MJPEG, ProRes…), but a clip
 * the app refuses must not get numbers here: the CLI and the app take the same files and give the same values.
 */
const APP_CODECS: readonly string[] = ['h264', 'hevc', 'vp8', 'vp9', 'av1'];

/** Image "containers" ffmpeg reads a photo with: a still renamed .mp4 probes as one of these. */
const STILL_FORMATS = /(^|,)(image2|\w+_pipe)(,|$)/;

export async function probeVideo(path: string): Promise<VideoProbe> {
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new VideoFileError(`${name} is not a file.`);
    size = s.size;
  } catch (err) {
    if (err instanceof VideoFileError) throw err;
    throw new VideoFileError(`${name}: no such file.`);
  }
  if (size === 0) throw new VideoFileError(`${name} is empty (0 bytes): nothing was recorded or copied.`);

  const out = await runProbe(path, name, await startsLikeMp4(path));
  const parsed = v.safeParse(Probe, out);
  if (!parsed.success) throw new VideoFileError(`${name}: ffprobe's description of it could not be read.`);
  const { streams, format } = parsed.output;
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (format?.format_name && STILL_FORMATS.test(format.format_name)) {
    throw new VideoFileError(
      `${name} is a still image (${video?.codec_name ?? format.format_name}), not a video: ` +
        'use goniocam measure IMAGE for a photo.',
    );
  }
  if (!video) {
    const kinds = [...new Set(streams.map((s) => s.codec_type ?? 'unknown'))];
    throw new VideoFileError(
      kinds.length > 0
        ? `${name} has no video track (only ${kinds.join(' and ')}).`
        : `${name} has no video track.`,
    );
  }
  if (!video.codec_name || video.codec_name === 'none' || !video.width || !video.height) {
    const codec = video.codec_name ?? video.codec_tag_string;
    throw new VideoFileError(
      `${name}: its video codec${codec ? ` (${codec})` : ''} is not one ffmpeg can decode here.`,
    );
  }
  if (!APP_CODECS.includes(video.codec_name)) {
    throw new VideoFileError(
      `${name}: its video is ${video.codec_name}${video.codec_tag_string ? ` (${video.codec_tag_string})` : ''}, ` +
        'which the goniocam app cannot decode in a browser; analyze takes the same files as the app ' +
        `(${APP_CODECS.join(', ')}). Convert it: ffmpeg -i ${name} -c:v libx264 -crf 18 clip.mp4`,
    );
  }
  const rotationDeg = clockwise(
    video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation,
    video.tags?.rotate,
  );
  const swap = rotationDeg === 90 || rotationDeg === 270;
  const durationS = positive(video.duration) ?? positive(format?.duration);
  return {
    codec: video.codec_name,
    width: swap ? video.height : video.width,
    height: swap ? video.width : video.height,
    rotationDeg,
    durationS,
    frameCount: positive(video.nb_frames),
  };
}

/**
 * ffprobe's display-matrix `rotation` is the counterclockwise angle ffmpeg turns the frame by to show it
 * (a phone's portrait clip says -90); checked on a clip whose left half is white: rotation 90 → the white
 * half at the bottom. We state it clockwise, the way RecordingInfo does. Old files carry a `rotate` tag
 * (clockwise) instead.
 */
function clockwise(matrixCcw: number | undefined, tag: string | undefined): number {
  const cw = matrixCcw !== undefined ? -matrixCcw : tag !== undefined ? Number(tag) : 0;
  const r = (((Math.round(cw / 90) * 90) % 360) + 360) % 360;
  return Number.isFinite(r) ? r : 0;
}

function positive(s: string | undefined): number | null {
  const n = s === undefined ? NaN : Number(s);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function runProbe(path: string, name: string, mp4Head: boolean): Promise<unknown> {
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', path];
  return new Promise((resolve, reject) => {
    execFile('ffprobe', args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
        return reject(new MissingToolError('ffprobe'));
      if (err && /moov atom not found/.test(stderr) && mp4Head)
        return reject(
          new VideoFileError(
            `${name} is cut short or damaged: its index (the MP4 'moov' box) is missing, as when a recording or a copy stops early.`,
          ),
        );
      if (err)
        return reject(new VideoFileError(`${name} is not a video ffmpeg can read (${ffmpegSays(stderr)}).`));
      try {
        resolve(JSON.parse(stdout));
      } catch {
        reject(new VideoFileError(`${name}: ffprobe gave no readable description of it.`));
      }
    });
  });
}

/** ffmpeg's own last words, without its "[mov @ 0x…]" prefixes or the path: short enough for one line. */
export function ffmpegSays(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    // The banner (indented stream lists, Input/Output/Stream mapping) and the generic last words say nothing.
    .filter((l) => !/^\s/.test(l) && !GENERIC.test(l))
    .map((l) => l.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/, '').trim())
    .filter((l) => l.length > 0);
  const last = lines.at(-1) ?? 'no reason given';
  // "/path/to/clip.mp4: Invalid data found…" → "Invalid data found…"
  const cut = last.replace(/^.*?:\s(?=[A-Z])/, '');
  return cut.length > 160 ? `${cut.slice(0, 157)}…` : cut;
}

const GENERIC =
  /^(Input #|Output #|Stream mapping|Press \[q\]|Conversion failed|Error marking filters|frame=|video:|Exiting normally)/;

/** An MP4/MOV begins with a box whose type is one of these: then a missing index means a cut file, not noise. */
async function startsLikeMp4(path: string): Promise<boolean> {
  const f = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await f.read(head, 0, 8, 0);
    return ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(head.toString('latin1', 4, 8));
  } finally {
    await f.close();
  }
}
