// The bad files of test-fixtures/video/bad/ (README there says what each does in ffprobe and in Chromium), made
// from a good recording so they look like what people really drop on the app: tiny, deterministic.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded } from '../rig/recording_timeline.mjs';

const ff = (args) =>
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const BITEXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags', '+bitexact'];

/** Write the bad files into outDir, cut from goodMp4 (an H.264 recording with its index at the front). */
export function makeBadFiles(goodMp4, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const at = (f) => join(outDir, f);
  // A short good clip to cut from: the recording's first 6 s, stream-copied (no re-encode), index at the front.
  const short = at('.short.mp4');
  ff(['-i', goodMp4, '-t', '6', '-c', 'copy', ...BITEXACT, '-movflags', '+faststart', short]);
  const good = readFileSync(short);
  rmSync(short);

  writeFileSync(at('empty.mp4'), Buffer.alloc(0));
  // Cut at 40 %: the index (moov) is whole and promises samples that are not there.
  writeFileSync(at('truncated.mp4'), good.subarray(0, Math.floor(good.length * 0.4)));
  // Index intact, but 20 % of the sample data in the middle overwritten with noise (length prefixes included).
  const corrupt = Buffer.from(good);
  const rnd = seeded(11);
  for (let i = Math.floor(good.length * 0.45); i < Math.floor(good.length * 0.65); i++)
    corrupt[i] = Math.floor(rnd() * 256);
  writeFileSync(at('corrupt.mp4'), corrupt);
  // Sound only: 2 s of AAC in an MP4, no video track.
  ff([
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100:duration=2',
    '-c:a',
    'aac',
    '-b:a',
    '32k',
    ...BITEXACT,
    at('audio-only.mp4'),
  ]);
  // A still photo (JPEG) renamed .mp4: the recording's first frame.
  ff([
    '-i',
    goodMp4,
    '-frames:v',
    '1',
    '-q:v',
    '5',
    ...BITEXACT,
    '-f',
    'image2',
    '-c:v',
    'mjpeg',
    at('photo.mp4'),
  ]);
  // A real video in a codec Chromium does not decode (MPEG-4 Part 2, "mp4v"): 2 s at 10 fps, 240×180.
  ff([
    '-i',
    goodMp4,
    '-t',
    '2',
    '-vf',
    'scale=240:180',
    '-c:v',
    'mpeg4',
    '-q:v',
    '8',
    ...BITEXACT,
    '-movflags',
    '+faststart',
    at('unsupported-codec.mp4'),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [good, out] = process.argv.slice(2);
  if (!good || !out) throw new Error('usage: node scripts/video/bad_files.mjs GOOD.mp4 OUT_DIR');
  makeBadFiles(good, out);
}
