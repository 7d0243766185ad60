// `goniocam analyze` end to end: real clips decoded by ffmpeg, real models in Node, the app's pipeline, the
// printed output parsed back. The bad files each give one plain line and a non-zero exit.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeBadClips } from '../testing/bad_clips';
import { tempDir } from '../testing/make_clip';
import { parseCsv } from '../testing/parse_csv';
import type { AnalysisJson } from '../lib/report/analysis_export';
import { analyzeCommand } from './analyze_command';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PEER = join(ROOT, 'test-fixtures/peer-tfjs-models/');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await analyzeCommand(args, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    progress: false,
  });
  return { code, out, err };
}

describe('goniocam analyze on the peer squat video (pose_squats.mp4, 65 frames at 5 fps)', () => {
  it('prints one goniocam-analysis/1 object with the rep the squat pipeline counts', async () => {
    const { code, out, err } = await run([join(PEER, 'pose_squats.mp4'), '--test', 'squat', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(out) as AnalysisJson;
    expect(json).toMatchObject({
      format: 'goniocam-analysis/1',
      file: 'pose_squats.mp4',
      test: 'squat',
      model: 'movenet-thunder', // the squat's model (pipeline/test_setup.ts)
      fps: 5,
      frames: 65,
      durationS: 13,
    });
    expect(json.analysisS).toBeGreaterThan(0);
    expect(json.sides).toEqual([{ side: 'right' }, { side: 'left' }]);
    // By eye (squat_peer_replay.test.ts): bottoms at frames 10, 33 and 59, the third unfinished at the end.
    // The recording pipeline uses the app's 1 s standing baseline, and she stands only 0.6 s before the
    // first squat, so it counts the second: bottom at frame 33–34.
    expect(json.reps!.length).toBeGreaterThanOrEqual(1);
    for (const r of json.reps!) {
      const bottomFrame = r.bottomMs / 200;
      expect([10, 33].some((b) => Math.abs(bottomFrame - b) <= 1)).toBe(true);
      expect(r.depthFraction).toBeGreaterThan(0.35);
      // She stands turned ≈ 30° to the camera: FPPA refused (README, peer check).
      expect(r.fppaDeg).toEqual({ left: null, right: null });
    }
    expect(json.reps!.some((r) => Math.abs(r.bottomMs / 200 - 33) <= 1)).toBe(true);
    expect(json.findings.map((f) => f.id)).toContain('squat-fppa-missing-left');
  });
});

describe('goniocam analyze on the peer video pose_1.mp4 (MoveNet Lightning, the peer model)', () => {
  it('pairs every frame with its own time and finds the peer keypoints within its 60 px (EPSILON_VIDEO)', async () => {
    const dir = tempDir();
    const csvPath = join(dir, 'frames.csv');
    const { code, out } = await run([
      join(PEER, 'pose_1.mp4'),
      '--test',
      'squat',
      '--model',
      'movenet-lightning',
      // Every frame: a 30 fps clip is otherwise read at 15 frames a second (pipeline/inference_rate.ts).
      '--every',
      '1',
      '--csv',
      '--frames-csv',
      csvPath,
    ]);
    expect(code).toBe(0);
    // She dances, she does not squat: a rep table with only its header.
    expect(parseCsv(out)).toHaveLength(1);
    const rows = parseCsv(readFileSync(csvPath, 'utf8'));
    const [header, ...frames] = rows;
    const expected = JSON.parse(readFileSync(join(PEER, 'pose_1.json'), 'utf8')) as Record<
      string,
      { x: number; y: number }
    >[];
    expect(frames).toHaveLength(120);
    frames.forEach((r, i) => expect(Number(r[0])).toBeCloseTo((i * 1000) / 30, 2));
    const errs: number[] = [];
    frames.forEach((r, i) => {
      for (const [name, p] of Object.entries(expected[i]!)) {
        const x = Number(r[header!.indexOf(`${name}_x`)]);
        const y = Number(r[header!.indexOf(`${name}_y`)]);
        errs.push(Math.max(Math.abs(x - p.x), Math.abs(y - p.y)));
      }
    });
    expect(errs).toHaveLength(120 * 17);
    expect(Math.max(...errs)).toBeLessThan(60);
    // MoveNet has no heels: their cells are empty, not zero.
    expect(frames[0]![header!.indexOf('left_heel_x')]).toBe('');
  });
});

describe('goniocam analyze refuses bad files with one plain line', () => {
  const bad = makeBadClips(tempDir());
  it.each(bad.map((b) => [b.file.split('/').pop()!, b] as const))('%s', async (_, b) => {
    const { code, out, err } = await run([b.file, '--test', 'seated', '--json']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(b.says);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^goniocam: /);
    expect(err).not.toMatch(/\bat \w+ \(|Error:|node:internal/);
  });

  it('says what is wrong with the arguments (exit 2)', async () => {
    const clip = join(PEER, 'pose_1.mp4');
    for (const args of [
      [clip],
      [clip, '--test', 'standing'],
      [clip, '--test', 'seated', '--side', 'middle'],
      [clip, '--test', 'seated', '--json', '--csv'],
      [clip, '--test', 'seated', '--every', '0'],
      [clip, '--test', 'seated', '--model', 'mediapipe-full'],
      ['--test', 'seated'],
    ]) {
      const { code, out, err } = await run(args);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/^goniocam analyze: .+\nusage:/);
    }
  });
});

describe('goniocam analyze without ffmpeg', () => {
  it('names what is missing and how to install it, exit 2 (the real bin, a PATH without ffmpeg)', async () => {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [join(ROOT, 'bin/goniocam.js'), 'analyze', join(PEER, 'pose_1.mp4'), '--test', 'seated'],
        { env: { PATH: bin, HOME: process.env.HOME ?? '/tmp' }, cwd: ROOT },
        (err, stdout, stderr) => resolve({ code: err ? (err.code as number) : 0, stdout, stderr }),
      ),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(/^goniocam: ffprobe was not found on PATH.*apt-get install ffmpeg/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
