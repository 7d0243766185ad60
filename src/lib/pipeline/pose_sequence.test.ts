import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePoseSequence, POSE_SEQUENCE_FORMAT } from './pose_sequence';

const pose = (tMs: number) => ({
  tMs,
  width: 480,
  height: 360,
  joints: { left_hip: { x: 200, y: 150, score: 0.9 }, right_hip: { x: 230, y: 150, score: 0.9 } },
  world: { left_hip: { x: 0.1, y: 0, z: 0, score: 0.9 } },
  score: 0.95,
  model: 'blazepose-full',
});

const good = () => ({
  format: POSE_SEQUENCE_FORMAT,
  source: 'hand-made',
  model: 'blazepose-full',
  test: 'seated',
  fps: 10,
  truth: {
    series: [
      { tMs: 0, side: 'right', hipRotationDeg: 0 },
      { tMs: 100, side: 'right', hipRotationDeg: 8 },
    ],
    trials: [
      {
        side: 'right',
        direction: 'internal',
        trial: 1,
        peakDeg: 40,
        rampStartMs: 0,
        holdStartMs: 800,
        holdEndMs: 3300,
        returnedMs: 4100,
      },
    ],
  },
  poses: [pose(0), null],
});

function error(json: unknown): string {
  const r = parsePoseSequence(json);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

describe('parsePoseSequence', () => {
  it('accepts a well-formed sequence, null frames included', () => {
    const r = parsePoseSequence(good());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.poses).toHaveLength(2);
      expect(r.value.poses[1]).toBeNull();
      expect(r.value.truth.trials[0]!.peakDeg).toBe(40);
    }
  });

  it.each(['seated', 'supine', 'prone'])('accepts the committed %s recording', (test) => {
    const path = new URL(`../../../test-fixtures/replay/${test}.poses.json`, import.meta.url);
    const r = parsePoseSequence(JSON.parse(readFileSync(path, 'utf8')));
    expect(r.ok && r.value.test).toBe(test);
    if (r.ok) expect(r.value.poses.length).toBe(r.value.truth.series.length);
  });

  it('names a wrong format and a non-object', () => {
    expect(error({ ...good(), format: 'goniocam-poses/2' })).toMatch(
      /^not a goniocam-poses\/1 sequence: format:/,
    );
    expect(error(null)).toMatch(/\(root\)/);
    expect(error([])).toMatch(/\(root\)/);
  });

  it('names the path of a bad joint, score or model', () => {
    const s = good();
    s.poses[0] = { ...pose(0), joints: { left_hip: { x: Number.NaN, y: 1, score: 0.5 } } } as never;
    expect(error(s)).toMatch(/poses\.0\.joints\.left_hip\.x/);
    const t = good();
    t.poses[0] = { ...pose(0), joints: { left_elbowz: { x: 1, y: 1, score: 0.5 } } } as never;
    expect(error(t)).toMatch(/poses\.0\.joints\.left_elbowz/);
    const u = good();
    u.poses[0] = { ...pose(0), score: 1.5 };
    expect(error(u)).toMatch(/poses\.0\.score/);
    expect(error({ ...good(), model: 'openpose' })).toMatch(/^not a .*model:/);
  });

  it('names missing or malformed truth', () => {
    const { truth: _t, ...noTruth } = good();
    expect(error(noTruth)).toMatch(/truth/);
    const s = good();
    s.truth.series[1] = { tMs: 100, side: 'middle', hipRotationDeg: 8 };
    expect(error(s)).toMatch(/truth\.series\.1\.side/);
    const t = good();
    t.truth.trials[0]!.direction = 'sideways';
    expect(error(t)).toMatch(/truth\.trials\.0\.direction/);
    expect(error({ ...good(), fps: 0 })).toMatch(/fps/);
  });

  it('refuses frames that do not line up with their truth', () => {
    expect(error({ ...good(), poses: [pose(0)] })).toMatch(/poses has 1 frames but truth\.series has 2/);
    expect(error({ ...good(), poses: [pose(0), pose(150)] })).toMatch(
      /poses\.1\.tMs: 150 ms, but its truth frame is at 100 ms/,
    );
    const s = good();
    s.truth.series[1]!.tMs = 0;
    expect(error({ ...s, poses: [pose(0), null] })).toMatch(
      /truth\.series\.1\.tMs: 0 ms does not come after/,
    );
  });
});
