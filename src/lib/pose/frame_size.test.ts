import { describe, expect, it } from 'vitest';
import type { PoseInput } from './estimator';
import { frameSize } from './frame_size';

const as = (o: object) => o as unknown as PoseInput;

describe('frameSize', () => {
  it('reads the pixel size the model sees, never a CSS box', () => {
    expect(frameSize(as({ shape: [480, 640, 3] }))).toEqual({ width: 640, height: 480 });
    // A <video> shown at 320×180 in the page still delivers 1280×720 frames.
    expect(frameSize(as({ videoWidth: 1280, videoHeight: 720, width: 320, height: 180 }))).toEqual({
      width: 1280,
      height: 720,
    });
    expect(frameSize(as({ naturalWidth: 800, naturalHeight: 600, width: 400, height: 300 }))).toEqual({
      width: 800,
      height: 600,
    });
    expect(frameSize(as({ width: 256, height: 192 }))).toEqual({ width: 256, height: 192 });
  });
});
