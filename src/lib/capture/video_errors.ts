// Bad recordings, in words a person can act on. Every file the app is given is untrusted: it may be empty,
// cut short, a photo renamed .mp4, audio only, in a codec this browser cannot decode, or too big for the
// device. Each case gets its own message and a way forward, and the app stays usable. Pure: facts about the
// file go in, a problem (or null) comes out; the decoder (open_video.ts) gathers the facts.
import { describeKind, IMAGE_KINDS, VIDEO_KINDS, type SniffedKind } from './video_sniff';

export type VideoProblemCode =
  | 'empty'
  | 'too-large'
  | 'image'
  | 'not-video'
  | 'unsupported-container'
  | 'corrupt'
  | 'no-video-track'
  | 'audio-only'
  | 'unsupported-codec'
  | 'no-frames';

export interface VideoProblem {
  readonly code: VideoProblemCode;
  readonly title: string;
  readonly message: string;
  /** What to do next. */
  readonly action: string;
}

export interface SizeLimit {
  readonly bytes: number;
  /** Where the limit comes from, for the message ("this device reports 4 GB of memory"). */
  readonly why: string;
}

const MB = 1024 ** 2;
/** Per GB of device memory, how much video the app accepts (see videoSizeLimit). */
export const VIDEO_MB_PER_GB_OF_MEMORY = 256;
/** When the browser does not say how much memory the device has (Firefox, Safari). */
export const DEFAULT_VIDEO_LIMIT_MB = 1024;
const MIN_LIMIT_MB = 256;
const MAX_LIMIT_MB = 4096;

/**
 * The largest video this device is asked to analyse. The file itself is read in slices, but the browser
 * indexes every sample (MP4 sample tables, WebM cues), the decoder holds frames, and every frame's pose and
 * angles are kept for the chart and the CSV, so a long clip costs memory on top of the models (~100–200 MB).
 * `navigator.deviceMemory` (Chromium; rounded, 0.25–8 GB) × 256 MB: 8 GB → 2 GB, 4 GB → 1 GB, 2 GB → 512 MB;
 * unknown → 1 GB. `overrideMB` (the page's `?maxVideoMB=`) replaces it, for tests and for people who know
 * their device.
 */
export function videoSizeLimit(opts: {
  readonly deviceMemoryGB?: number | null;
  readonly overrideMB?: number | null;
}): SizeLimit {
  if (opts.overrideMB != null && opts.overrideMB > 0) {
    return {
      bytes: Math.round(opts.overrideMB * MB),
      why: `the limit set for this page (maxVideoMB=${opts.overrideMB})`,
    };
  }
  const gb = opts.deviceMemoryGB;
  if (gb != null && Number.isFinite(gb) && gb > 0) {
    const mb = Math.min(MAX_LIMIT_MB, Math.max(MIN_LIMIT_MB, gb * VIDEO_MB_PER_GB_OF_MEMORY));
    return { bytes: mb * MB, why: `this device reports ${gb} GB of memory` };
  }
  return { bytes: DEFAULT_VIDEO_LIMIT_MB * MB, why: 'the browser does not report the device memory' };
}

/** `?maxVideoMB=N` from a query string; anything but a positive number is ignored (the URL is untrusted). */
export function readMaxVideoMB(search: string): number | null {
  const raw = new URLSearchParams(search).get('maxVideoMB');
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : null;
}

const title = (name: string) => `Can't analyse "${name}"`;
const CONVERT = 'Record again with the phone camera app, or convert it to MP4 (H.264) or WebM.';

export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${Math.max(1, Math.round(mb))} MB`;
}

/** Checks that need no decoder: the size and the first bytes (video_sniff.ts). Null when it may be a video. */
export function checkVideoFile(
  file: { readonly name: string; readonly size: number },
  kind: SniffedKind,
  limit: SizeLimit,
): VideoProblem | null {
  if (file.size === 0 || kind === 'empty') {
    return {
      code: 'empty',
      title: title(file.name),
      message:
        'The file is empty (0 bytes): the recording was never saved, or the copy stopped before it began.',
      action: 'Copy the video from the phone again, then choose the new copy.',
    };
  }
  if (file.size > limit.bytes) {
    return {
      code: 'too-large',
      title: title(file.name),
      message: `The file is ${formatMB(file.size)}; this device can analyse videos up to ${formatMB(limit.bytes)} (${limit.why}).`,
      action:
        'Trim the video to the test itself (a seated test takes about 2 minutes), or record at 720p or 1080p rather than 4K.',
    };
  }
  if (IMAGE_KINDS.includes(kind)) {
    return {
      code: 'image',
      title: title(file.name),
      message: `This is ${describeKind(kind)}, not a video, whatever its name says.`,
      action:
        'Choose the video of the test. To measure one still picture, open it as an image on the live screen.',
    };
  }
  if (kind === 'avi' || kind === 'ogg') {
    return {
      code: 'unsupported-container',
      title: title(file.name),
      message: `This is ${describeKind(kind)}; goniocam reads MP4, MOV and WebM videos.`,
      action: CONVERT,
    };
  }
  if (!VIDEO_KINDS.includes(kind) && kind !== 'unknown') {
    return {
      code: 'not-video',
      title: title(file.name),
      message: `This is ${describeKind(kind)}, not a video.`,
      action: 'Choose an MP4, MOV or WebM video of the test.',
    };
  }
  return null;
}

/** The container opened but holds no picture. */
export function noVideoTrackProblem(name: string, hasAudio: boolean): VideoProblem {
  return hasAudio
    ? {
        code: 'audio-only',
        title: title(name),
        message: 'The file holds only sound: there is no picture to measure from.',
        action: 'Choose the video recording itself (a voice memo or an audio export has no picture).',
      }
    : {
        code: 'no-video-track',
        title: title(name),
        message: 'The file holds no video track.',
        action: 'Choose the video recording of the test.',
      };
}

/** The picture is in a codec this browser can neither decode through WebCodecs nor play in a <video>. */
export function unsupportedCodecProblem(name: string, codec: string | null): VideoProblem {
  const what = codec ? `${codecName(codec)} (${codec})` : 'a codec goniocam does not recognise';
  return {
    code: 'unsupported-codec',
    title: title(name),
    message: `The video is encoded as ${what}, which this browser cannot decode.`,
    action:
      codec?.startsWith('hev') || codec === 'hevc'
        ? 'iPhones record HEVC by default: set Camera → Formats → "Most Compatible" (H.264), or open goniocam in Safari or Chrome on a device that plays HEVC, or convert the clip to MP4 (H.264).'
        : CONVERT,
  };
}

function codecName(codec: string): string {
  if (/^(avc|h264)/i.test(codec)) return 'H.264';
  if (/^(hev|hvc|hevc)/i.test(codec)) return 'HEVC (H.265)';
  if (/^vp0?9/i.test(codec)) return 'VP9';
  if (/^vp0?8/i.test(codec)) return 'VP8';
  if (/^av0?1/i.test(codec)) return 'AV1';
  return codec;
}

/** The container could not be read, or its frames stopped decoding: damaged or cut short. */
export function corruptProblem(name: string, kind: SniffedKind): VideoProblem {
  const what =
    kind === 'unknown'
      ? 'The file is not a video goniocam recognises, or it is damaged'
      : `The file is ${describeKind(kind)}, but it is damaged or incomplete (cut short while copying or downloading)`;
  return {
    code: 'corrupt',
    title: title(name),
    message: `${what}, so its frames cannot be read.`,
    action: 'Copy or download the video again and make sure the copy finishes; then choose the new copy.',
  };
}

/** Decoding ran but gave no frame at all. */
export function noFramesProblem(name: string): VideoProblem {
  return {
    code: 'no-frames',
    title: title(name),
    message:
      'Not a single frame of the video could be decoded: it is damaged, or its picture data is missing.',
    action: 'Copy the video again, or export it from the phone once more.',
  };
}

/**
 * A warning (not an error: the frames that did decode are analysed) when decoding stopped well before the
 * container said the clip ends: more than 1 s and more than 5 % of it missing. Null when the clip is whole.
 */
export function cutShortWarning(decodedEndS: number, declaredDurationS: number | null): string | null {
  if (declaredDurationS === null || !(declaredDurationS > 0)) return null;
  const missing = declaredDurationS - decodedEndS;
  if (missing <= 1 || missing <= 0.05 * declaredDurationS) return null;
  return `The video stops being readable at ${decodedEndS.toFixed(1)} s of its ${declaredDurationS.toFixed(1)} s: the file is probably cut short or damaged. The results below use the part that could be read.`;
}

/** A decoder's own error, for logs and the rare case no category fits (never shown alone). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
