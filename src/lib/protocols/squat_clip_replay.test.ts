// The squat screen replayed on the rig's squat clip (test-fixtures/synth/clips/squat: stands 2.5 s, then 5
// double-leg squats to 48–52° hip flexion, the left knee more valgus than the right), on what BlazePose full saw
// (test-fixtures/replay/squat.poses.json, recorded by scripts/record-replay.ts) and, as a control, on the rig's
// true joint centres (what a perfect pose model would return). No model runs here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_ERROR_DEG } from '../feedback/thresholds';
import { runProtocol, type TimedPose } from '../pipeline/run_protocol';
import type { Pose, Side } from '../types';
import { squatProtocol } from './squat';

interface SquatTruth {
  series: { tMs: number; hipFlexDeg: number; depth: number; fppaDeg: Record<Side, number> }[];
  reps: {
    rep: number;
    startMs: number;
    bottomStartMs: number;
    bottomEndMs: number;
    endMs: number;
    fppaDeg: Record<Side, number>;
  }[];
  meanFppaDeg: Record<Side, number>;
}

interface Recording {
  format: string;
  model: string;
  test: string;
  fps: number;
  truth: SquatTruth;
  poses: (Pose | null)[];
}

interface Clip {
  width: number;
  height: number;
  frames: number[];
  keyframes: { joints2d: Record<string, [number, number]> }[];
  truth: SquatTruth;
}

const root = new URL('../../../test-fixtures/', import.meta.url);
const rec = JSON.parse(readFileSync(new URL('replay/squat.poses.json', root), 'utf8')) as Recording;
const clip = JSON.parse(readFileSync(new URL('synth/clips/squat/clip.json', root), 'utf8')) as Clip;
const SIDES: Side[] = ['left', 'right'];
const BOUND_DEG = MEASUREMENT_ERROR_DEG.squat.p95Deg!;

/** The rig's projected joint centres of each frame as a pose (score 1): a perfect pose model. */
function truthPoses(): TimedPose[] {
  return clip.frames.map((k, i) => {
    const tMs = clip.truth.series[i]!.tMs;
    const joints = Object.fromEntries(
      Object.entries(clip.keyframes[k]!.joints2d).map(([n, [x, y]]) => [n, { x, y, score: 1 }]),
    ) as Pose['joints'];
    return {
      pose: { tMs, width: clip.width, height: clip.height, joints, score: 1, model: 'blazepose-full' },
      tMs,
    };
  });
}

describe('the squat recording', () => {
  it('is BlazePose full over every frame of the committed clip, on its clock, with its truth', () => {
    expect(rec.format).toBe('goniocam-squat-poses/1');
    expect(rec).toMatchObject({ model: 'movenet-thunder', test: 'squat', fps: 10 });
    expect(rec.truth).toEqual(clip.truth);
    expect(rec.poses).toHaveLength(clip.frames.length);
    rec.poses.forEach((p, i) => {
      expect(p, `frame ${i} has a pose`).not.toBeNull();
      expect(p!.tMs).toBe(rec.truth.series[i]!.tMs);
      for (const j of Object.values(p!.joints)) {
        expect(Number.isFinite(j.x) && Number.isFinite(j.y)).toBe(true);
        expect(j.score).toBeGreaterThanOrEqual(0);
        expect(j.score).toBeLessThanOrEqual(1);
      }
    });
  });
});

describe.each([
  ['BlazePose full (recorded)', () => rec.poses.map((pose, i) => ({ pose, tMs: rec.truth.series[i]!.tMs }))],
  ['the true joint centres', truthPoses],
] as const)('squat protocol on the squat clip: %s', (label, frames) => {
  const run = runProtocol(squatProtocol(), frames());
  const r = run.result!;
  const truth = clip.truth;

  it('counts exactly the 5 reps, each bottom inside its rep, and ends by itself', () => {
    expect(run.state.phase).toBe('done');
    expect(r.completed).toBe(true);
    expect(r.reps).toHaveLength(5);
    expect(r.discarded).toEqual({ tooShallow: 0, tooFast: 0, lost: 0 });
    r.reps.forEach((rep, i) => {
      const t = truth.reps[i]!;
      expect(rep.bottomMs).toBeGreaterThanOrEqual(t.startMs);
      expect(rep.bottomMs).toBeLessThanOrEqual(t.endMs);
      expect(rep.endMs).toBeGreaterThan(t.bottomEndMs);
    });
  });

  it("reports each leg's mean FPPA within the squat accuracy bound of the truth", () => {
    const errors: string[] = [];
    for (const side of SIDES) {
      const got = r.legs[side]!.fppaDeg;
      expect(got.n).toBe(5);
      const err = got.mean! - truth.meanFppaDeg[side];
      errors.push(
        `${side} ${got.mean!.toFixed(1)}° vs ${truth.meanFppaDeg[side].toFixed(1)}° (${err >= 0 ? '+' : ''}${err.toFixed(1)}°)`,
      );
      expect(Math.abs(err), `${side} FPPA error`).toBeLessThanOrEqual(BOUND_DEG);
    }
    const perRep = r.reps
      .map((rep, i) =>
        SIDES.map((s) => {
          const v = rep.legs[s]!.fppaDeg;
          return `${s[0]} ${v.ok ? v.value.toFixed(1) : '–'}/${truth.reps[i]!.fppaDeg[s].toFixed(1)}`;
        }).join(' '),
      )
      .join('; ');
    console.log(
      `squat clip, ${label}: mean FPPA ${errors.join(', ')}; bound ${BOUND_DEG}°. Per rep measured/truth: ${perRep}`,
    );
  });

  it('sees the left knee go into more valgus than the right, as the clip has it', () => {
    expect(r.fppaAsymmetry.ok).toBe(true);
    if (r.fppaAsymmetry.ok) {
      const want = truth.meanFppaDeg.left - truth.meanFppaDeg.right;
      expect(Math.abs(r.fppaAsymmetry.leftMinusRightDeg - want)).toBeLessThanOrEqual(BOUND_DEG);
    }
  });
});
