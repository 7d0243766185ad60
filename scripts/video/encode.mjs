// Encoding rendered keyframes into real video files with Debian's ffmpeg (scripts/ensure-ffmpeg.sh), and reading
// back what a file holds with ffprobe. Each frame of the output is one entry of an ffconcat list naming the
// keyframe PNG it shows, with its own presentation time, so the frames and their timestamps are exactly the
// ones planned (no frame-rate conversion, no rounding at segment edges): constant or variable rate alike.
// Encoders run single-threaded with fixed settings, so a re-run gives byte-identical files (same ffmpeg build).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setMp4Rotation } from './mp4_rotation.mjs';

const run = (cmd, args) =>
  execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }).toString();

/** Fail early, with the fix, when ffmpeg is not installed. */
export function requireFfmpeg() {
  for (const tool of ['ffmpeg', 'ffprobe'])
    try {
      run(tool, ['-version']);
    } catch {
      throw new Error(`${tool} is missing: run "sh scripts/ensure-ffmpeg.sh" (or apt-get install ffmpeg)`);
    }
}

/**
 * Write the ffconcat list: frames [{ file, tMs }] (tMs increasing, whole ms); the last frame lasts lastMs.
 * Returns its path.
 */
export function writeConcat(dir, frames, lastMs) {
  const lines = ['ffconcat version 1.0'];
  frames.forEach((f, i) => {
    const next = i + 1 < frames.length ? frames[i + 1].tMs : f.tMs + lastMs;
    // framerate 1000: each image's own time base is 1 ms, so the times are not rounded to the default 1/25 s.
    lines.push(`file '${f.file}'`, 'option framerate 1000', `duration ${((next - f.tMs) / 1000).toFixed(3)}`);
  });
  // The concat demuxer drops the last entry's duration unless the file is listed once more.
  lines.push(`file '${frames.at(-1).file}'`, 'option framerate 1000');
  const path = join(dir, 'frames.ffconcat');
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** Shared input and output flags; -frames:v keeps the planned count (the repeated last list entry adds one). */
const common = (list, count) => [
  '-hide_banner',
  '-loglevel',
  'error',
  '-y',
  '-f',
  'concat',
  '-safe',
  '0',
  '-i',
  list,
  '-frames:v',
  String(count),
  '-fps_mode',
  'passthrough',
  '-threads',
  '1',
  '-map_metadata',
  '-1',
  '-fflags',
  '+bitexact',
];

/**
 * H.264 (yuv420p, +faststart) MP4. `rotate` (clockwise 0/90/180/270): the display matrix the container carries;
 * the frames must already be coded turned the other way (vf: 'transpose=2' for 90). `gop`: frames per keyframe.
 */
export function encodeMp4(list, count, out, { crf = 30, gop = 30, vf, rotate = 0 } = {}) {
  run('ffmpeg', [
    ...common(list, count),
    ...(vf ? ['-vf', vf] : []),
    // Level 3.1 said explicitly: with ms timestamps x264 guesses a huge frame rate and would signal level 5.1.
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'medium',
      '-crf',
      String(crf),
      '-pix_fmt',
      'yuv420p',
      '-level:v',
      '3.1',
    ],
    ...['-g', String(gop), '-x264-params', 'threads=1:lookahead-threads=1'],
    ...['-video_track_timescale', '1000', '-movflags', '+faststart'],
    out,
  ]);
  if (rotate) setMp4Rotation(out, rotate);
}

/** VP9 WebM (yuv420p). */
export function encodeWebm(list, count, out, { crf = 40, gop = 30 } = {}) {
  run('ffmpeg', [
    ...common(list, count),
    ...['-c:v', 'libvpx-vp9', '-b:v', '0', '-crf', String(crf), '-pix_fmt', 'yuv420p', '-g', String(gop)],
    ...['-deadline', 'good', '-cpu-used', '2', '-row-mt', '0', '-tile-columns', '0', '-auto-alt-ref', '1'],
    out,
  ]);
}

/** What ffprobe says about a file's first video stream: codec, coded size, rotation, frame times (ms). */
export function probeVideo(path) {
  const info = JSON.parse(
    run('ffprobe', [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_streams',
      '-show_entries',
      'frame=pts_time',
      '-of',
      'json',
      path,
    ]),
  );
  const s = info.streams[0];
  if (!s) throw new Error(`${path}: no video stream`);
  const matrix = (s.side_data_list ?? []).find((d) => d.side_data_type === 'Display Matrix');
  return {
    codec: s.codec_name,
    pixFmt: s.pix_fmt,
    width: s.width,
    height: s.height,
    // ffprobe gives the matrix's counter-clockwise rotation; the display turns the picture the opposite way.
    rotationCw: matrix ? ((-matrix.rotation % 360) + 360) % 360 : 0,
    framesMs: info.frames.map((f) => Math.round(Number(f.pts_time) * 1000)),
  };
}
