// Writes a rotation into an MP4's display matrix (the video track's tkhd), as a phone does for a portrait clip
// coded landscape. Debian's ffmpeg 5.1 no longer turns `-metadata rotate=` into a matrix and has no
// -display_rotation yet, so the few bytes are set here. The matrix is the one phones write (ISO/IEC 14496-12
// §8.3.2: x' = a·x + c·y + tx, y' = b·x + d·y + ty), e.g. for 90° clockwise on a W×H coded picture:
// a = 0, b = 1, c = −1, d = 0, tx = H.
import { readFileSync, writeFileSync } from 'node:fs';

const CONTAINERS = new Set(['moov', 'trak']);

/** Every box [type, start, size] under `from`…`to`, descending into moov and trak. */
function* boxes(buf, from, to) {
  for (let at = from; at + 8 <= to;) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (size === 1) size = Number(buf.readBigUInt64BE(at + 8));
    if (size === 0) size = to - at;
    if (size < 8 || at + size > to) throw new Error(`bad MP4 box "${type}" at ${at}`);
    yield [type, at, size];
    if (CONTAINERS.has(type)) yield* boxes(buf, at + 8, at + size);
    at += size;
  }
}

/** Set the display rotation (clockwise degrees: 0, 90, 180 or 270) of the file's video track(s), in place. */
export function setMp4Rotation(path, rotationCw) {
  const m = { 0: [1, 0, 0, 1], 90: [0, 1, -1, 0], 180: [-1, 0, 0, -1], 270: [0, -1, 1, 0] }[rotationCw];
  if (!m) throw new Error(`rotation must be 0, 90, 180 or 270, got ${rotationCw}`);
  const buf = readFileSync(path);
  let patched = 0;
  for (const [type, at] of boxes(buf, 0, buf.length)) {
    if (type !== 'tkhd') continue;
    const version = buf[at + 8];
    const matrixAt = at + 8 + (version === 1 ? 52 : 40);
    const w = buf.readUInt32BE(matrixAt + 36) / 65536; // tkhd width/height: the coded (pre-matrix) size
    const h = buf.readUInt32BE(matrixAt + 40) / 65536;
    if (!w || !h) continue; // not a visual track
    const [a, b, c, d] = m;
    const tx = { 0: 0, 90: h, 180: w, 270: 0 }[rotationCw];
    const ty = { 0: 0, 90: 0, 180: h, 270: w }[rotationCw];
    const fixed = [a, b, 0, c, d, 0, tx, ty];
    fixed.forEach((v, i) =>
      buf.writeInt32BE(i === 2 || i === 5 ? 0 : Math.round(v * 65536), matrixAt + i * 4),
    );
    buf.writeInt32BE(0x40000000, matrixAt + 32); // w = 1.0 in 2.30
    patched += 1;
  }
  if (!patched) throw new Error(`${path}: no video track header (tkhd) found`);
  writeFileSync(path, buf);
}
