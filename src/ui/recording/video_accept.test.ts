import { describe, expect, it } from 'vitest';
import { droppedFile, VIDEO_ACCEPT } from './video_accept';

describe('video_accept', () => {
  it('offers MP4, MOV and WebM in the dialog', () => {
    for (const t of ['video/mp4', 'video/quicktime', 'video/webm', '.mov']) expect(VIDEO_ACCEPT).toContain(t);
  });
  it('takes the first dropped file, nothing when the drop holds none', () => {
    const a = new File(['x'], 'a.mp4');
    expect(droppedFile([a, new File(['y'], 'b.mp4')])).toBe(a);
    expect(droppedFile([])).toBeNull();
    expect(droppedFile(null)).toBeNull();
  });
});
