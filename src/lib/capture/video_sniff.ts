// What a file really is, from its first bytes. A file's name and MIME type are whatever the person (or the
// phone) called it: a photo renamed "clip.mp4" must be refused as a photo, not fail deep inside a decoder
// with a message nobody can act on. Pure: bytes in, a kind out.

/** How many leading bytes sniffContainer needs to decide (ISO BMFF brands sit in the first 12). */
export const SNIFF_BYTES = 64;

export type SniffedKind =
  | 'empty'
  | 'mp4'
  | 'mov'
  | 'webm'
  | 'matroska'
  // Video containers the app does not read (the browser's own <video> may still play some of them).
  | 'avi'
  | 'ogg'
  // Pictures and other files that are not video at all.
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'heif-image'
  | 'bmp'
  | 'audio'
  | 'pdf'
  | 'zip'
  | 'text'
  | 'unknown';

export const VIDEO_KINDS: readonly SniffedKind[] = ['mp4', 'mov', 'webm', 'matroska'];
export const IMAGE_KINDS: readonly SniffedKind[] = ['jpeg', 'png', 'gif', 'webp', 'heif-image', 'bmp'];

const ascii = (b: Uint8Array, from: number, len: number): string =>
  b.length < from + len ? '' : String.fromCharCode(...b.subarray(from, from + len));

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

// HEIC/AVIF photos are ISO BMFF files too (the same "ftyp" box as an MP4): their brand tells them apart.
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);
// A QuickTime file without "ftyp" (older cameras) starts straight with one of these atoms.
const QT_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/** The container or file kind of a file from its leading bytes (at least SNIFF_BYTES of them when available). */
export function sniffContainer(head: Uint8Array): SniffedKind {
  if (head.length === 0) return 'empty';
  if (ascii(head, 4, 4) === 'ftyp') {
    const major = ascii(head, 8, 4);
    if (major === 'qt  ') return 'mov';
    // avis is an image sequence, msf1/hevc can be a burst: still not a video the app measures from.
    if (IMAGE_BRANDS.has(major)) return 'heif-image';
    return 'mp4';
  }
  if (QT_ATOMS.has(ascii(head, 4, 4))) return 'mov';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    // The EBML header names its DocType within its first few dozen bytes.
    const text = ascii(head, 0, Math.min(head.length, SNIFF_BYTES));
    return text.includes('webm') ? 'webm' : 'matroska';
  }
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF') {
    const form = ascii(head, 8, 4);
    if (form === 'WEBP') return 'webp';
    if (form === 'AVI ') return 'avi';
    if (form === 'WAVE') return 'audio';
    return 'unknown';
  }
  if (ascii(head, 0, 2) === 'BM' && head.length >= 14) return 'bmp';
  if (ascii(head, 0, 4) === 'OggS') return 'ogg';
  if (ascii(head, 0, 3) === 'ID3' || ascii(head, 0, 4) === 'fLaC') return 'audio';
  // An MPEG audio frame sync (0xFFE/0xFFF) with a layer set: an .mp3 with no ID3 tag.
  if (head[0] === 0xff && head.length > 1 && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0)
    return 'audio';
  if (ascii(head, 0, 4) === '%PDF') return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (looksLikeText(head)) return 'text';
  return 'unknown';
}

function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, SNIFF_BYTES);
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
}

/** A person-facing name for a sniffed kind ("a JPEG photo"). */
export function describeKind(kind: SniffedKind): string {
  switch (kind) {
    case 'jpeg':
      return 'a JPEG photo';
    case 'png':
      return 'a PNG image';
    case 'gif':
      return 'a GIF image';
    case 'webp':
      return 'a WebP image';
    case 'heif-image':
      return 'a HEIC/AVIF photo';
    case 'bmp':
      return 'a BMP image';
    case 'audio':
      return 'an audio file';
    case 'pdf':
      return 'a PDF document';
    case 'zip':
      return 'a ZIP archive (or an Office document)';
    case 'text':
      return 'a text file';
    case 'avi':
      return 'an AVI video';
    case 'ogg':
      return 'an Ogg file';
    case 'mp4':
      return 'an MP4 video';
    case 'mov':
      return 'a QuickTime (MOV) video';
    case 'webm':
      return 'a WebM video';
    case 'matroska':
      return 'a Matroska (MKV) video';
    case 'empty':
      return 'an empty file';
    case 'unknown':
      return 'a file of unknown type';
  }
}
