// `goniocam analyze` on the render rig's whole-test recordings (test-fixtures/video: the clips the browser e2e
// loads), checked against their truth JSON: trials found where the clip holds them, each value within the
// test's stated bound (the P95 error the app quotes, MEASUREMENT_ERROR_DEG), the goniocam-analysis/1 shape
// (external rotation in positive degrees, reps only for a squat, null with a reason for what the clip does not
// show), and the committed bad files refused with one line and exit 1. One analysis per clip: real models in
// Node, the CPU cost of the whole file ≈ 3.5 min on 2 cores.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_ERROR_DEG } from '../lib/feedback/thresholds';
import type { AnalysisJson } from '../lib/report/analysis_export';
import type { TestId } from '../lib/types';
import { tempDir } from '../testing/make_clip';
import { analyzeCommand } from './analyze_command';

const VIDEO = fileURLToPath(new URL('../../test-fixtures/video/', import.meta.url));

interface TruthTrial {
  side: 'left' | 'right';
  direction: 'internal' | 'external';
  holdStartMs: number;
  holdEndMs: number;
  peakDeg: number;
  counted: boolean;
}
interface Truth {
  test: TestId;
  durationMs: number;
  frameCount: number;
  expected: Record<string, Record<string, number>> & { reps?: number };
  trials?: TruthTrial[];
  reps?: { bottomStartMs: number; bottomEndMs: number; fppaDeg: { left: number; right: number } }[];
}

const truthOf = (name: string) => JSON.parse(readFileSync(join(VIDEO, `${name}.json`), 'utf8')) as Truth;

async function analyze(
  file: string,
  test: TestId,
): Promise<{ code: number; json: AnalysisJson; err: string }> {
  let out = '';
  let err = '';
  const code = await analyzeCommand([file, '--test', test, '--json'], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    progress: false,
  });
  expect(out.trim().split('\n'), 'exactly one line on stdout').toHaveLength(1);
  return { code, json: JSON.parse(out) as AnalysisJson, err };
}

/** Analysed once, when a test first asks (not while the file is collected: clips run one after another). */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
}

/** One full analysis of a 40–67 s clip: ≈ 30–50 s of CPU, minutes when the machine is shared. */
const LONG = 600_000;

const direction = (json: AnalysisJson, side: string, dir: string) =>
  json.sides.find((s) => s.side === side)?.directions?.find((d) => d.direction === dir);

describe.each([
  ['seated', 'seated'],
  ['supine', 'supine'],
  ['prone', 'prone'],
] as const)('goniocam analyze %s.mp4 (the rig, truth beside it)', (name, test) => {
  const truth = truthOf(name);
  const bound = MEASUREMENT_ERROR_DEG[test].p95Deg!;
  const run = once(() => analyze(join(VIDEO, `${name}.mp4`), test));

  it(
    'prints one goniocam-analysis/1 object for the whole clip',
    async () => {
      const { code, json, err } = await run();
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(json).toMatchObject({ format: 'goniocam-analysis/1', file: `${name}.mp4`, test });
      expect(json.fps).toBeCloseTo(10, 1);
      expect(json.frames).toBe(truth.frameCount);
      // Within a frame: the container's duration may end at the last frame's start or its end.
      expect(Math.abs(json.durationS - truth.durationMs / 1000)).toBeLessThanOrEqual(0.11);
      expect(json.reps).toBeUndefined();
    },
    LONG,
  );

  it('finds each counted trial where the clip holds it, and reports each side and direction', async () => {
    const { json } = await run();
    const rows: string[] = [];
    for (const [side, dirs] of Object.entries(truth.expected)) {
      for (const [dir, want] of Object.entries(dirs)) {
        const d = direction(json, side, dir)!;
        const counted = truth.trials!.filter((t) => t.side === side && t.direction === dir && t.counted);
        const found = counted.filter((t) =>
          d.trials.some((x) => x.valid && x.peakMs >= t.holdStartMs - 500 && x.peakMs <= t.holdEndMs + 500),
        );
        rows.push(
          `${side} ${dir}: ${d.resultDeg ?? '–'}° (truth ${want}°), trials ${d.trials.map((t) => t.peakDeg).join(' ')}; ${found.length}/${counted.length} of the clip's found`,
        );
        // Positive degrees in each direction, external too.
        for (const t of d.trials) expect(t.peakDeg).toBeGreaterThan(0);
        expect(found, `${side} ${dir} trials found`).toHaveLength(counted.length);
        expect(d.rule).toBe('mean of 3 trials');
      }
    }
    console.log(`${name}.mp4 through the CLI:\n  ${rows.join('\n  ')}`);
  });

  // The clips spoil no trial: every trial found is one the clip holds (a fourth one too), none voided. prone.mp4
  // used to show three voided "attempts" where the model misread a resting leg for 0.1–0.2 s, and lost two left
  // external trials to a neutral read 15 s before them (protocols/hip_segments.ts startStretch).
  it('finds no trial the clip does not hold, and voids none', async () => {
    const { json } = await run();
    for (const [side, dirs] of Object.entries(truth.expected))
      for (const dir of Object.keys(dirs)) {
        const d = direction(json, side, dir)!;
        const inClip = truth.trials!.filter((t) => t.side === side && t.direction === dir);
        expect(
          d.trials.map((t) => t.valid),
          `${side} ${dir}`,
        ).toEqual(inClip.map(() => true));
      }
  });

  // Seated left external rotation was a known miss (23.5° for 38°: the model drags the knee toward the foot) until
  // a trial pinned the knee where its neutral had it (protocols/hip_trial_reading.ts).
  it(`reads each side and direction within the test's bound (P95 ${bound}°)`, async () => {
    const { json } = await run();
    for (const [side, dirs] of Object.entries(truth.expected))
      for (const [dir, want] of Object.entries(dirs)) {
        const got = direction(json, side, dir)!.resultDeg!;
        expect(Math.abs(got - want), `${side} ${dir}: ${got}° vs truth ${want}°`).toBeLessThanOrEqual(bound);
      }
  });

  if (name === 'supine')
    it('gives external rotation null with the reason the supine view cannot measure it', async () => {
      const { json } = await run();
      for (const side of ['left', 'right']) {
        const d = direction(json, side, 'external')!;
        expect(d.resultDeg).toBeNull();
        expect(d.reason).toMatch(/external rotation/);
        expect(d.trials).toEqual([]);
      }
    });
});

describe('goniocam analyze squat.mp4 (8 reps, truth beside it)', () => {
  const truth = truthOf('squat');
  const bound = MEASUREMENT_ERROR_DEG.squat.p95Deg!;
  const run = once(() => analyze(join(VIDEO, 'squat.mp4'), 'squat'));

  it(
    'finds each rep at its bottom, with reps and no hip directions',
    async () => {
      const { code, json } = await run();
      expect(code).toBe(0);
      expect(json.test).toBe('squat');
      expect(json.sides).toEqual([{ side: 'right' }, { side: 'left' }]);
      const reps = json.reps!;
      console.log(
        `squat.mp4 through the CLI: ${reps.length} reps (truth ${truth.expected.reps}); bottom FPPA L/R ${reps
          .map((r) => `${r.fppaDeg.left}/${r.fppaDeg.right}`)
          .join(' ')}`,
      );
      expect(reps).toHaveLength(truth.expected.reps!);
      reps.forEach((r, i) => {
        const t = truth.reps![i]!;
        expect(r.bottomMs).toBeGreaterThanOrEqual(t.bottomStartMs - 500);
        expect(r.bottomMs).toBeLessThanOrEqual(t.bottomEndMs + 500);
      });
    },
    LONG,
  );

  it(`reads each leg's mean bottom FPPA within the squat's bound (P95 ${bound}°)`, async () => {
    const { json } = await run();
    for (const side of ['left', 'right'] as const) {
      const vals = json.reps!.map((r) => r.fppaDeg[side]).filter((v): v is number => v !== null);
      expect(vals.length).toBe(json.reps!.length);
      const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
      expect(Math.abs(mean - truth.expected.meanFppaDeg![side]!), `${side} ${mean}`).toBeLessThanOrEqual(
        bound,
      );
    }
  });
});

describe('goniocam analyze on a clip that shows one leg only', () => {
  it(
    'gives each direction of the other leg resultDeg null with its reason',
    async () => {
      // seated.mp4's first 12 s: the left leg's first external-rotation trials; the right leg never turns.
      const clip = join(tempDir(), 'left-only.mp4');
      execFileSync('ffmpeg', [
        '-v',
        'error',
        '-i',
        join(VIDEO, 'seated.mp4'),
        '-t',
        '12',
        '-c',
        'copy',
        clip,
      ]);
      const { code, json } = await analyze(clip, 'seated');
      expect(code).toBe(0);
      for (const dir of ['internal', 'external']) {
        const d = direction(json, 'right', dir)!;
        expect(d.resultDeg).toBeNull();
        expect(d.reason, `right ${dir}`).toMatch(/\w{8,}/);
        expect(d.trials).toEqual([]);
      }
    },
    LONG,
  );
});

describe('goniocam analyze refuses each committed bad file (test-fixtures/video/bad) with one line, exit 1', () => {
  const files = readdirSync(join(VIDEO, 'bad')).filter((f) => f.endsWith('.mp4'));
  const says: Record<string, RegExp> = {
    'audio-only.mp4': /has no video track \(only audio\)/,
    'corrupt.mp4': /cut short or damaged: only 57 of its 62 frames/,
    'empty.mp4': /is empty \(0 bytes\)/,
    'photo.mp4': /still image \(mjpeg\), not a video/,
    'truncated.mp4': /cut short or damaged: only 29 of its 62 frames/,
    'unsupported-codec.mp4': /mpeg4 \(mp4v\), which the goniocam app cannot decode.*libx264/,
  };
  it('has a message for each file there', () => expect(files.sort()).toEqual(Object.keys(says).sort()));
  it.each(files)('%s', async (file) => {
    let out = '';
    let err = '';
    const code = await analyzeCommand([join(VIDEO, 'bad', file), '--test', 'seated', '--json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      progress: false,
    });
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^goniocam: /);
    expect(err).toMatch(says[file]!);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});
