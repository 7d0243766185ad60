import { describe, expect, it } from 'vitest';
import {
  checkVideoFile,
  corruptProblem,
  cutShortWarning,
  noVideoTrackProblem,
  readMaxVideoMB,
  unsupportedCodecProblem,
  videoSizeLimit,
} from './video_errors';

const MB = 1024 ** 2;
const limit1G = videoSizeLimit({});

describe('videoSizeLimit', () => {
  it('scales with the memory the device reports, within 256 MB–4 GB', () => {
    expect(videoSizeLimit({ deviceMemoryGB: 8 }).bytes).toBe(2048 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 4 }).bytes).toBe(1024 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 2 }).bytes).toBe(512 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 0.5 }).bytes).toBe(256 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 64 }).bytes).toBe(4096 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 4 }).why).toContain('4 GB of memory');
  });
  it('falls back to 1 GB when the memory is unknown, and an override wins', () => {
    expect(limit1G.bytes).toBe(1024 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: null }).bytes).toBe(1024 * MB);
    expect(videoSizeLimit({ deviceMemoryGB: 8, overrideMB: 1 }).bytes).toBe(MB);
  });
  it('reads ?maxVideoMB= and ignores anything that is not a positive number', () => {
    expect(readMaxVideoMB('?maxVideoMB=2')).toBe(2);
    expect(readMaxVideoMB('?maxVideoMB=0.5&x=1')).toBe(0.5);
    for (const q of ['', '?maxVideoMB=', '?maxVideoMB=-3', '?maxVideoMB=abc', '?maxVideoMB=0']) {
      expect(readMaxVideoMB(q)).toBeNull();
    }
  });
});

describe('checkVideoFile', () => {
  it('passes a video within the limit', () => {
    expect(checkVideoFile({ name: 'a.mp4', size: 5 * MB }, 'mp4', limit1G)).toBeNull();
    expect(checkVideoFile({ name: 'a.webm', size: 5 * MB }, 'webm', limit1G)).toBeNull();
    // Unknown bytes go on to the demuxer, which knows more containers than the sniffer.
    expect(checkVideoFile({ name: 'a.mp4', size: 5 * MB }, 'unknown', limit1G)).toBeNull();
  });
  it('refuses a zero-length file as empty, whatever its name', () => {
    const p = checkVideoFile({ name: 'clip.mp4', size: 0 }, 'empty', limit1G);
    expect(p?.code).toBe('empty');
    expect(p?.message).toContain('0 bytes');
    expect(p?.title).toContain('clip.mp4');
  });
  it('refuses a file over the limit and says both sizes and why', () => {
    const p = checkVideoFile({ name: 'long.mp4', size: 3 * MB }, 'mp4', videoSizeLimit({ overrideMB: 2 }));
    expect(p?.code).toBe('too-large');
    expect(p?.message).toContain('3 MB');
    expect(p?.message).toContain('2 MB');
    expect(p?.message).toContain('maxVideoMB=2');
  });
  it('names a photo renamed .mp4 as a photo', () => {
    const p = checkVideoFile({ name: 'holiday.mp4', size: 200_000 }, 'jpeg', limit1G);
    expect(p?.code).toBe('image');
    expect(p?.message).toContain('JPEG photo');
    expect(checkVideoFile({ name: 'x.mov', size: 10 }, 'heif-image', limit1G)?.code).toBe('image');
  });
  it('refuses other files and containers the app does not read', () => {
    expect(checkVideoFile({ name: 'n.mp4', size: 10 }, 'text', limit1G)?.code).toBe('not-video');
    expect(checkVideoFile({ name: 's.mp4', size: 10 }, 'audio', limit1G)?.code).toBe('not-video');
    expect(checkVideoFile({ name: 'v.avi', size: 10 }, 'avi', limit1G)?.code).toBe('unsupported-container');
  });
});

describe('problems found while opening', () => {
  it('tells audio-only from no track at all', () => {
    expect(noVideoTrackProblem('a.m4a', true).code).toBe('audio-only');
    expect(noVideoTrackProblem('a.m4a', true).message).toContain('only sound');
    expect(noVideoTrackProblem('a.mp4', false).code).toBe('no-video-track');
  });
  it('names the codec and, for HEVC, the phone setting that avoids it', () => {
    const p = unsupportedCodecProblem('iphone.mov', 'hevc');
    expect(p.code).toBe('unsupported-codec');
    expect(p.message).toContain('HEVC (H.265)');
    expect(p.action).toContain('Most Compatible');
    expect(unsupportedCodecProblem('x.webm', 'av1').message).toContain('AV1');
    expect(unsupportedCodecProblem('x.webm', null).message).toContain('does not recognise');
  });
  it('calls an unreadable container damaged or incomplete', () => {
    expect(corruptProblem('cut.mp4', 'mp4').message).toContain(
      'an MP4 video, but it is damaged or incomplete',
    );
    expect(corruptProblem('x.bin', 'unknown').message).toContain('not a video goniocam recognises');
  });
});

describe('cutShortWarning', () => {
  it('warns when decoding stops well before the declared end', () => {
    expect(cutShortWarning(12.3, 60)).toContain('12.3 s of its 60.0 s');
  });
  it('stays quiet for a whole clip, a last frame or two missing, or no declared duration', () => {
    expect(cutShortWarning(59.97, 60)).toBeNull();
    expect(cutShortWarning(58.5, 60)).toBeNull(); // 1.5 s but only 2.5 %
    expect(cutShortWarning(9.5, 10)).toBeNull(); // 5 % but under 1 s
    expect(cutShortWarning(3, null)).toBeNull();
  });
});
