import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffContainer, SNIFF_BYTES } from './video_sniff';

const head = (path: string) =>
  new Uint8Array(readFileSync(new URL(path, import.meta.url))).subarray(0, SNIFF_BYTES);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffContainer', () => {
  it('reads real files by their bytes, not their names', () => {
    expect(sniffContainer(head('../../../test-fixtures/peer-tfjs-models/pose_1.mp4'))).toBe('mp4');
    expect(sniffContainer(head('../../../test-fixtures/peer-tfjs-models/pose_squats.mp4'))).toBe('mp4');
    expect(sniffContainer(head('../../../test-fixtures/e2e/lunge.jpg'))).toBe('jpeg');
    expect(sniffContainer(head('../../../test-fixtures/peer-tfjs-models/pose.jpg'))).toBe('jpeg');
  });

  it('tells MP4, QuickTime and HEIC apart by the ftyp brand', () => {
    expect(sniffContainer(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))).toBe('mp4');
    expect(sniffContainer(bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0]))).toBe('mov');
    expect(sniffContainer(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('heif-image');
    expect(sniffContainer(bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0]))).toBe('heif-image');
    // An old QuickTime file that starts straight with its movie atom.
    expect(sniffContainer(bytes([0, 0, 0, 0x08], 'wide', [0, 0, 0, 0]))).toBe('mov');
  });

  it('tells WebM from other Matroska by the EBML DocType', () => {
    const ebml = [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84];
    expect(sniffContainer(bytes(ebml, 'webm'))).toBe('webm');
    expect(sniffContainer(bytes(ebml, 'matroska'))).toBe('matroska');
  });

  it('recognises pictures, audio, documents and text', () => {
    expect(sniffContainer(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffContainer(bytes('GIF89a'))).toBe('gif');
    expect(sniffContainer(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffContainer(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBe('avi');
    expect(sniffContainer(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe('audio');
    expect(sniffContainer(bytes('ID3', [4, 0, 0]))).toBe('audio');
    expect(sniffContainer(bytes([0xff, 0xfb, 0x90, 0x64]))).toBe('audio');
    expect(sniffContainer(bytes('OggS', [0, 2]))).toBe('ogg');
    expect(sniffContainer(bytes('%PDF-1.7'))).toBe('pdf');
    expect(sniffContainer(bytes('PK', [3, 4, 20, 0]))).toBe('zip');
    expect(sniffContainer(bytes('hello, this is a note\n'))).toBe('text');
  });

  it('says empty for no bytes and unknown for noise', () => {
    expect(sniffContainer(new Uint8Array())).toBe('empty');
    expect(sniffContainer(new Uint8Array([0, 1, 2, 3, 250, 251, 0, 9]))).toBe('unknown');
  });
});
