// The committed recordings (test-fixtures/video) agree with their truth and with the schedules that made them,
// as ffprobe reads them: codec, size, rotation, every frame's presentation time. And the bad files are what
// their names say. Needs ffprobe (scripts/ensure-ffmpeg.sh).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HIP_PLANS, buildHipRecording, expectedResults } from '../rig/recording_timeline.mjs';
import { DEEP_SQUAT_PLAN, buildSquatRecording } from '../rig/squat_recording_timeline.mjs';
import { probeVideo } from './encode.mjs';

const DIR = new URL('../../test-fixtures/video/', import.meta.url).pathname;
const truths = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')));

describe('the committed recordings', () => {
  it('are the six expected, and small (all of test-fixtures/video ≤ 6 MB)', () => {
    expect(truths.map((t) => t.name).sort()).toEqual([
      'prone',
      'seated',
      'seated-phone',
      'squat',
      'squat-deep',
      'supine',
    ]);
    const size = (d: string): number =>
      readdirSync(d).reduce(
        (a, f) => a + (statSync(join(d, f)).isDirectory() ? size(join(d, f)) : statSync(join(d, f)).size),
        0,
      );
    expect(size(DIR)).toBeLessThan(6 * 1024 * 1024);
  });

  describe.each(truths.map((t) => [t.name, t]))('%s', (_name, truth) => {
    it('holds exactly the frames and times its truth lists, in the codec, size and rotation it says', () => {
      expect(truth.format).toBe('goniocam-recording-truth/1');
      const frames = truth.frames.tMs as number[];
      expect(frames).toHaveLength(truth.frameCount);
      for (const f of truth.files as string[]) {
        const p = probeVideo(join(DIR, f));
        expect(p.codec).toBe(f.endsWith('.mp4') ? 'h264' : 'vp9');
        expect(p.pixFmt).toBe('yuv420p');
        expect([p.width, p.height]).toEqual([truth.coded.width, truth.coded.height]);
        expect(p.rotationCw).toBe(f.endsWith('.mp4') ? truth.coded.rotationCw : 0);
        expect(p.framesMs).toEqual(frames);
      }
      const fps = frames.length / (truth.durationMs / 1000);
      expect(fps).toBeGreaterThanOrEqual(9.5);
      expect(fps).toBeLessThanOrEqual(15);
      // The deep overhead squat recording is six reps, ≈ 31 s; the whole guided tests 40–70 s.
      expect(truth.durationMs).toBeGreaterThanOrEqual(truth.name === 'squat-deep' ? 30_000 : 40_000);
      expect(truth.durationMs).toBeLessThanOrEqual(70_000);
    });

    it('has the trials (or reps) of the schedule that rendered it', () => {
      if (truth.test === 'squat') {
        const s = buildSquatRecording(truth.name === 'squat-deep' ? DEEP_SQUAT_PLAN : undefined);
        expect(truth.reps.map((r: { startMs: number; endMs: number }) => [r.startMs, r.endMs])).toEqual(
          s.reps.map((r) => [r.startMs, r.endMs]),
        );
        return;
      }
      const s = buildHipRecording(HIP_PLANS[truth.test as keyof typeof HIP_PLANS]);
      expect(truth.trials).toEqual(s.trials);
      expect(truth.expected).toEqual(expectedResults(s.trials));
      // Per frame, the tested leg shows the planned rotation at the moment the picture was taken.
      const moments = (truth.frames.captureMs ?? truth.frames.tMs) as number[];
      for (const t of s.trials) {
        const i = moments.findIndex((m) => m >= t.holdStartMs && m < t.holdEndMs);
        expect(truth.frames[t.side][i]).toBe(t.direction === 'internal' ? t.peakDeg : -t.peakDeg);
        expect(truth.frames[t.side === 'left' ? 'right' : 'left'][i]).toBe(0);
      }
    });
  });

  it('seated-phone is portrait coded landscape with a 90° display matrix, at a variable frame rate', () => {
    const t = truths.find((x) => x.name === 'seated-phone');
    expect(t.display).toEqual({ width: 360, height: 640 });
    expect(t.coded).toEqual({ width: 640, height: 360, rotationCw: 90 });
    const gaps = (t.frames.tMs as number[]).slice(1).map((m, i) => m - t.frames.tMs[i]);
    expect(new Set(gaps).size).toBeGreaterThan(10);
    const mp4 = readFileSync(join(DIR, 'seated-phone.mp4'));
    expect(mp4.indexOf('moov')).toBeLessThan(mp4.indexOf('mdat')); // +faststart
  });
});

describe('the bad files', () => {
  const bad = (f: string) => join(DIR, 'bad', f);

  it('are what their names say', () => {
    expect(statSync(bad('empty.mp4')).size).toBe(0);
    expect([...readFileSync(bad('photo.mp4')).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // a JPEG
    expect(() => probeVideo(bad('audio-only.mp4'))).toThrow(/no video stream/);
    expect(probeVideo(bad('unsupported-codec.mp4')).codec).toBe('mpeg4');
    const whole = probeVideo(bad('corrupt.mp4'));
    expect(whole.codec).toBe('h264'); // the index is intact: only decoding finds the damage
    expect(statSync(bad('truncated.mp4')).size).toBeLessThan(0.41 * statSync(bad('corrupt.mp4')).size);
  });
});
