// Broken "videos" made at test time from the peer's pose_1.mp4 and photo, one per way a clip can fail, each
// with what the CLI must say about it. Deterministic (no random bytes). Node only.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { seededRandom } from './seeded_random';

const PEER = new URL('../../test-fixtures/peer-tfjs-models/', import.meta.url);

export interface BadClip {
  readonly file: string;
  /** What the one-line message must say. */
  readonly says: RegExp;
}

export function makeBadClips(dir: string): BadClip[] {
  const mp4 = readFileSync(new URL('pose_1.mp4', PEER)); // its index (moov) is at the end
  const out: BadClip[] = [];
  const put = (name: string, bytes: Uint8Array, says: RegExp) => {
    writeFileSync(join(dir, name), bytes);
    out.push({ file: join(dir, name), says });
  };
  put('empty.mp4', new Uint8Array(0), /empty \(0 bytes\)/);
  put('cut-before-index.mp4', mp4.subarray(0, 30_000), /cut short or damaged: its index .*moov/);
  // The index first (as phones and web exports write it), then the file cut: frames stop early.
  const faststart = join(dir, 'faststart.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-i',
    fileOf('pose_1.mp4'),
    '-c',
    'copy',
    '-movflags',
    '+faststart',
    faststart,
  ]);
  put(
    'cut-after-index.mp4',
    readFileSync(faststart).subarray(0, 50_000),
    /cut short or damaged: only \d+ of its 120 frames/,
  );
  const rng = seededRandom(7);
  put(
    'noise.mp4',
    Uint8Array.from({ length: 50_000 }, () => Math.floor(rng() * 256)),
    /not a video ffmpeg can read/,
  );
  // Every 500th byte flipped from the codec header on: the decoder cannot even learn the picture format.
  const damaged = Uint8Array.from(mp4);
  for (let i = 2000; i < damaged.length; i += 500) damaged[i] = damaged[i]! ^ 0xff;
  put('damaged.mp4', damaged, /could not be decoded: its video data is damaged/);
  // The codec's four-character code renamed: a codec no decoder knows.
  put(
    'unknown-codec.mp4',
    Buffer.from(mp4.toString('latin1').replaceAll('avc1', 'zzz9'), 'latin1'),
    /codec \(zzz9\) is not one ffmpeg can decode/,
  );
  copyFileSync(new URL('pose.jpg', PEER), join(dir, 'photo.mp4'));
  out.push({ file: join(dir, 'photo.mp4'), says: /still image \(mjpeg\), not a video/ });
  const audio = join(dir, 'audio-only.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=d=1', '-c:a', 'aac', audio]);
  out.push({ file: audio, says: /no video track \(only audio\)/ });
  out.push({ file: join(dir, 'missing.mp4'), says: /no such file/ });
  return out;
}

function fileOf(name: string): string {
  return new URL(name, PEER).pathname;
}
