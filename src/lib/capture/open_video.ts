// Opening a recording the person chose: check it before any model loads (size, what its bytes say it is),
// open the container, find the picture, and pick the decoder: WebCodecs when it can decode the codec, the
// browser's <video> when only that can, otherwise a clear "unsupported codec". Every failure comes back as a
// VideoProblem (video_errors.ts) the screen shows as is; nothing here throws at the user.
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input, type InputVideoTrack } from 'mediabunny';
import { ElementVideo } from './video_element_decoder';
import { WebCodecsVideo } from './video_decoder';
import {
  checkVideoFile,
  corruptProblem,
  errorText,
  noFramesProblem,
  noVideoTrackProblem,
  unsupportedCodecProblem,
  type SizeLimit,
  type VideoProblem,
} from './video_errors';
import { sniffContainer, SNIFF_BYTES, type SniffedKind } from './video_sniff';
import type { OpenedVideo, VideoInfo, VideoRotation } from './video_source';
import { clipMs } from './video_timeline';

export type OpenResult =
  | { readonly ok: true; readonly video: OpenedVideo }
  | { readonly ok: false; readonly problem: VideoProblem; readonly detail?: string };

/** Whether this browser has what the main decoder needs (WebCodecs and OffscreenCanvas). */
export function canUseWebCodecs(): boolean {
  return typeof VideoDecoder !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

export interface OpenOptions {
  /**
   * 'video-element' skips WebCodecs and reads frames by seeking a <video> (the fallback), for a browser
   * whose WebCodecs decoder misbehaves on a clip, and so the fallback itself can be checked where WebCodecs works.
   */
  readonly decoder?: 'auto' | 'video-element';
}

export async function openVideo(file: File, limit: SizeLimit, opts: OpenOptions = {}): Promise<OpenResult> {
  const kind = sniffContainer(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  const early = checkVideoFile(file, kind, limit);
  if (early) return { ok: false, problem: early };

  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  const fail = (problem: VideoProblem, err?: unknown): OpenResult => {
    input.dispose();
    return { ok: false, problem, ...(err === undefined ? {} : { detail: errorText(err) }) };
  };
  let track: InputVideoTrack | null;
  try {
    if (!(await input.canRead())) return fail(corruptProblem(file.name, kind));
    // No tracks at all in an MP4/MOV: its index (moov, written last by most recorders) is missing, i.e.
    // the file was cut short; that is "damaged or incomplete", not "no video".
    if ((await input.getTracks()).length === 0) return fail(corruptProblem(file.name, kind));
    track = await input.getPrimaryVideoTrack();
    if (!track) return fail(noVideoTrackProblem(file.name, (await input.getAudioTracks()).length > 0));
  } catch (err) {
    return fail(corruptProblem(file.name, kind), err);
  }

  let base: Omit<VideoInfo, 'width' | 'height' | 'decoder'>;
  let firstS: number;
  let display: { width: number; height: number };
  try {
    firstS = await track.getFirstTimestamp();
    const durationS =
      (await input.getDurationFromMetadata([track])) ?? (await input.computeDuration([track]));
    // A short look at the packets gives the frame rate; × duration estimates the frame count for the bar.
    const stats = await track.computePacketStats(120);
    base = {
      rotationDeg: (await track.getRotation()) as VideoRotation,
      codec: await track.getCodec(),
      container: kind,
      durationS: durationS > 0 ? durationS - firstS : null,
      frameCount:
        durationS > 0 && stats.averagePacketRate > 0
          ? Math.round((durationS - firstS) * stats.averagePacketRate)
          : null,
    };
    display = { width: await track.getDisplayWidth(), height: await track.getDisplayHeight() };
  } catch (err) {
    return fail(corruptProblem(file.name, kind), err);
  }

  const webCodecs = opts.decoder !== 'video-element' && canUseWebCodecs();
  if (webCodecs && (await track.canDecode().catch(() => false))) {
    const video = new WebCodecsVideo(input, track, firstS, { ...base, ...display, decoder: 'webcodecs' });
    // Decode the first frame now: a file whose picture data is missing fails here, before any model loads.
    try {
      (await video.frameAt(0, 64)).close();
    } catch (err) {
      video.dispose();
      return { ok: false, problem: firstFrameProblem(file.name, kind, err), detail: errorText(err) };
    }
    return { ok: true, video };
  }

  // WebCodecs cannot decode this codec here: try the browser's own player, with the container's timestamps.
  let times: { tMs: number; durationMs: number }[];
  try {
    times = await packetTimes(track, firstS);
  } catch (err) {
    return fail(corruptProblem(file.name, kind), err);
  }
  input.dispose();
  const fallback = await ElementVideo.open(file, times, firstS, base);
  if (fallback) return { ok: true, video: fallback };
  return { ok: false, problem: unsupportedCodecProblem(file.name, base.codec) };
}

function firstFrameProblem(name: string, kind: SniffedKind, err: unknown): VideoProblem {
  return /No frame/.test(errorText(err)) ? noFramesProblem(name) : corruptProblem(name, kind);
}

/** Every frame's presentation time and duration from the packets (no decoding), in presentation order. */
async function packetTimes(
  track: InputVideoTrack,
  firstS: number,
): Promise<{ tMs: number; durationMs: number }[]> {
  const out: { tMs: number; durationMs: number }[] = [];
  for await (const p of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
    out.push({ tMs: clipMs(p.timestamp, firstS), durationMs: p.duration * 1000 });
  }
  return out.sort((a, b) => a.tMs - b.tMs);
}
