// The CLI as a user runs it (bin/goniocam.js in a child process), on a manifest it has never seen: a few
// holdout cases (another seed, another body) plus untrusted entries it must refuse cleanly.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/goniocam.js');
const holdout = join(root, 'test-fixtures/synth/holdout');

describe('goniocam measure', () => {
  it('measures an unseen manifest and refuses untrusted entries with reasons', async () => {
    const src = JSON.parse(readFileSync(join(holdout, 'manifest.json'), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'goniocam-cli-'));
    mkdirSync(join(dir, 'frames'));
    const picked = [
      src.cases.find((c: { test: string }) => c.test === 'seated'),
      src.cases.find((c: { test: string }) => c.test === 'squat'),
    ];
    for (const c of picked) copyFileSync(join(holdout, c.file), join(dir, c.file));
    const manifest = {
      format: 'goniocam-fixtures/1',
      cases: [
        ...picked,
        { id: 'escape', file: '../../etc/passwd.png', test: 'seated', side: 'left' },
        { id: 'video', file: 'frames/clip.mp4', test: 'seated', side: 'left' },
      ],
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const { stdout } = await run('node', [bin, 'measure', join(dir, 'manifest.json'), '--json']);
    const out = JSON.parse(stdout);
    expect(out.format).toBe('goniocam-results/1');
    expect(out.results.map((r: { id: string }) => r.id)).toEqual([
      picked[0].id,
      picked[1].id,
      'escape',
      'video',
    ]);
    const [seated, squat, escape, video] = out.results;
    expect(seated.measurable).toBe(true);
    expect(Math.abs(seated.hipRotationDeg - picked[0].truth.hipRotationDeg)).toBeLessThan(15);
    expect(squat.measurable).toBe(true);
    expect(typeof squat.fppaDeg).toBe('number');
    expect(escape).toMatchObject({
      measurable: false,
      reason: expect.stringMatching(/outside the manifest's folder/),
    });
    expect(video).toMatchObject({
      measurable: false,
      reason: expect.stringMatching(/not measured by the CLI yet/),
    });
    for (const r of out.results) expect(r.confidence).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('measures one image given --test and --side', async () => {
    const c = JSON.parse(readFileSync(join(holdout, 'manifest.json'), 'utf8')).cases.find(
      (x: { test: string }) => x.test === 'seated',
    );
    const { stdout } = await run('node', [
      bin,
      'measure',
      join(holdout, c.file),
      '--test',
      'seated',
      '--side',
      c.side,
      '--json',
    ]);
    expect(JSON.parse(stdout).results).toHaveLength(1);
  }, 120_000);

  it('reads a still with the fallback model when the test model finds no person, and says so', async () => {
    // BlazePose finds no one in a squat frame with the head cut off (test-fixtures/fallback/README.md). The squat's
    // own model is MoveNet Thunder, which needs no face; BlazePose full, asked for by name, falls back to it.
    const { stdout } = await run('node', [
      bin,
      'measure',
      join(root, 'test-fixtures/fallback/squat-head-out-of-frame.png'),
      '--test',
      'squat',
      '--side',
      'right',
      '--model',
      'blazepose-full',
    ]);
    expect(stdout).toMatch(/FPPA 1\d\.\d° .*read by movenet-thunder: blazepose-full found no one/);
  }, 120_000);

  it('names what is wrong with a bad manifest and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'goniocam-cli-'));
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        format: 'goniocam-fixtures/1',
        cases: [{ id: 'x', file: 'a.png', test: 'lunge', side: 'up' }],
      }),
    );
    const err = await run('node', [bin, 'measure', join(dir, 'manifest.json')]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(err).toMatchObject({ code: 2 });
    expect((err as { stderr: string }).stderr).toMatch(/cases\.0\.test/);
  }, 60_000);
});
