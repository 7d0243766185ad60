import { describe, expect, it } from 'vitest';
import { DEG_TO_RAD } from '../geometry/angles';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';
import { finishSquat, squatOptions, squatProtocol } from './squat';
import { squatScript, type ScriptFrame, type ScriptRep } from '../../testing/squat_script';
import type { SquatOptions, SquatResult, SquatState } from './squat_types';
import type { Prompt } from './types';

function replay(frames: readonly ScriptFrame[], options: Partial<SquatOptions> = {}) {
  const protocol = squatProtocol(options);
  let state: SquatState = protocol.init(frames[0]?.tMs ?? 0);
  const said: (Prompt & { tMs: number })[] = [];
  for (const f of frames) {
    const out = protocol.step(state, f.pose, f.tMs);
    state = out.state;
    said.push(...out.prompts.map((p) => ({ ...p, tMs: f.tMs })));
  }
  return { state, said, ids: said.map((p) => p.id), result: protocol.result(state) };
}

const fppaOf = (r: SquatResult, side: 'left' | 'right') => r.legs[side]!.fppaDeg;
const five = (rep: ScriptRep) => Array.from({ length: 5 }, () => rep);

describe('squat protocol: setup', () => {
  it('asks for the person, the whole body, a frontal view, then stillness, before any rep counts', () => {
    const side = sideSquatPose();
    const frames: ScriptFrame[] = [
      { tMs: 0, pose: null },
      { tMs: 33, pose: frontalSquatPose({ omit: ['left_ankle'] }) },
      { tMs: 66, pose: side },
      ...squatScript([{ depth: 0.4 }], { standMs: 1200 }).map((f) => ({ ...f, tMs: f.tMs + 100 })),
    ];
    const { ids, said, result } = replay(frames);
    expect(ids.slice(0, 5)).toEqual([
      'squat-find-person',
      'squat-show-body',
      'squat-face-camera',
      'squat-stand-still',
      'squat-start',
    ]);
    expect(said[1]!.text).toMatch(/left ankle/);
    // The start comes after a full second of standing still.
    expect(said[4]!.tMs - said[3]!.tMs).toBeGreaterThanOrEqual(1000);
    expect(result!.reps).toHaveLength(1);
  });

  it('restarts the still second when the person moves, and has no result before a baseline', () => {
    const protocol = squatProtocol();
    let s = protocol.init(0);
    for (let t = 0; t < 2000; t += 100) {
      // Bobbing 8% of a leg every 400 ms: never still for a second.
      s = protocol.step(s, frontalSquatPose({ depth: (t / 100) % 4 === 0 ? 0.08 : 0 }), t).state;
    }
    expect(s.phase).toBe('setup');
    expect(protocol.result(s)).toBeNull();
  });
});

describe('squat protocol: reps and values', () => {
  it('counts 5 clean reps, says each, ends by itself, and reads FPPA, displacement, depth at the bottom', () => {
    const { state, ids, result } = replay(
      squatScript(five({ depth: 0.4, fppaDeg: { left: 10, right: 18 } })),
    );
    expect(state.phase).toBe('done');
    expect(ids).toEqual([
      'squat-stand-still',
      'squat-start',
      'squat-rep-done-1',
      'squat-rep-done-2',
      'squat-rep-done-3',
      'squat-rep-done-4',
      'squat-rep-done-5',
      'squat-done',
    ]);
    const r = result!;
    expect(r).toMatchObject({ test: 'squat', variant: 'double', completed: true, targetReps: 5 });
    expect(r.reps).toHaveLength(5);
    expect(fppaOf(r, 'left')).toMatchObject({ n: 5, reason: null });
    expect(fppaOf(r, 'left').mean!).toBeCloseTo(10, 0);
    expect(fppaOf(r, 'right').mean!).toBeCloseTo(18, 0);
    expect(fppaOf(r, 'left').sd!).toBeLessThan(0.2);
    // Medial displacement of the synthetic knee: tan(φ/2)·(1 − depth)/2 of the standing leg.
    const medial = (Math.tan(9 * DEG_TO_RAD) * 0.6) / 2;
    expect(r.legs.right!.medialKneeDisplacement.mean!).toBeCloseTo(medial, 2);
    expect(r.depth.mean!).toBeCloseTo(0.4, 2);
    expect(r.trunkLeanDeg.mean!).toBeCloseTo(0, 6);
    expect(r.fppaAsymmetry).toMatchObject({ ok: true });
    if (r.fppaAsymmetry.ok) expect(r.fppaAsymmetry.leftMinusRightDeg).toBeCloseTo(-8, 0);
    // No 3D keypoints in these poses: turn-out is missing, with the reason.
    expect(r.legs.left!.footTurnOutDeg).toMatchObject({ n: 0, mean: null, reason: /3D keypoints/ });
    for (const rep of r.reps) {
      expect(rep.legs.left!.fppaAtDepth!).toBeGreaterThan(0.39);
      expect(rep.bottomMs).toBeGreaterThan(rep.startMs);
      expect(rep.endMs).toBeGreaterThan(rep.bottomMs);
    }
  });

  it("keeps the live reading with its pose's own time, whatever clock steps the protocol", () => {
    // The live session steps the protocol on its monotonic clock; the drawn pose carries the frame's time.
    const frames = squatScript(five({ depth: 0.4, fppaDeg: { left: 10, right: 18 } }));
    const protocol = squatProtocol();
    let state: SquatState = protocol.init(0);
    let checked = 0;
    for (const f of frames) {
      state = protocol.step(state, f.pose, f.tMs + 5000).state;
      if (state.phase !== 'reps' || !state.live) continue;
      expect(state.livePoseTMs).toBe(f.pose!.tMs);
      expect(state.live.tMs).toBe(f.tMs + 5000);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('holds up with pixel noise, dropped frames and a moment out of view', () => {
    const frames = squatScript(five({ depth: 0.35, fppaDeg: { left: 6, right: 14 }, trunkLeanDeg: 8 }), {
      noisePx: 3,
      dropShare: 0.3,
      hidden: [[3300, 3600]],
      seed: 11,
    });
    const { result } = replay(frames);
    const r = result!;
    expect(r.reps).toHaveLength(5);
    expect(r.discarded).toEqual({ tooShallow: 0, tooFast: 0, lost: 0 });
    expect(Math.abs(fppaOf(r, 'left').mean! - 6)).toBeLessThan(2);
    expect(Math.abs(fppaOf(r, 'right').mean! - 14)).toBeLessThan(2);
    expect(Math.abs(r.trunkLeanDeg.mean! - 8)).toBeLessThan(1.5);
  });

  it('does not count a half rep or a bounce, and says why', () => {
    const reps: ScriptRep[] = [
      { depth: 0.4, fppaDeg: { left: 5, right: 5 } },
      { depth: 0.11 }, // half rep
      { depth: 0.3, downMs: 150, upMs: 150 }, // bounce
      { depth: 0.4, fppaDeg: { left: 5, right: 5 } },
    ];
    const { ids, result } = replay(squatScript(reps));
    expect(result!.reps.map((r) => r.index)).toEqual([1, 2]);
    expect(result!.discarded).toEqual({ tooShallow: 1, tooFast: 1, lost: 0 });
    expect(ids).toContain('squat-deeper');
    expect(ids).toContain('squat-slower');
    expect(result!.completed).toBe(false);
  });

  it('finishes early when told to, keeping the reps so far', () => {
    const protocol = squatProtocol({ targetReps: 5 });
    let s = protocol.init(0);
    for (const f of squatScript([{ depth: 0.4 }, { depth: 0.4 }])) s = protocol.step(s, f.pose, f.tMs).state;
    const out = finishSquat(s, 99_000);
    expect(out.prompts.map((p) => p.id)).toEqual(['squat-done']);
    expect(out.state.phase).toBe('done');
    const r = protocol.result(out.state)!;
    expect(r).toMatchObject({ completed: false, endedMs: 99_000 });
    expect(r.reps).toHaveLength(2);
    // Done is done: further frames change nothing.
    expect(protocol.step(out.state, frontalSquatPose(), 99_100)).toEqual({ state: out.state, prompts: [] });
  });

  it('corrects a body turned a little (knees sliding the same way): FPPA and knee-in, no trunk lean', () => {
    const { ids, result } = replay(
      squatScript(five({ depth: 0.4, fppaDeg: { left: 20, right: 10 }, kneeShift: 0.12 })),
    );
    const r = result!;
    expect(r.reps).toHaveLength(5);
    // The common shift goes, with half the left/right difference: both legs read near the mean, 15°.
    expect(fppaOf(r, 'left')).toMatchObject({ n: 5, mean: expect.closeTo(15, 0) });
    expect(fppaOf(r, 'right')).toMatchObject({ n: 5, mean: expect.closeTo(15, 0) });
    expect(r.trunkLeanDeg).toMatchObject({ n: 0, reason: /turned to the camera/ });
    expect(r.kneeIn).toMatchObject({ n: 5 });
    expect(r.fppaAsymmetry).toMatchObject({ ok: false, reason: /turned to the camera in 5 of 5 reps/ });
    expect(ids).not.toContain('squat-turned');
  });

  it('refuses FPPA when both knees slide the same way beyond the correction, but counts the reps', () => {
    const { ids, result } = replay(
      squatScript(five({ depth: 0.4, fppaDeg: { left: 20, right: 10 }, kneeShift: 0.25 })),
    );
    const r = result!;
    expect(r.reps).toHaveLength(5);
    expect(fppaOf(r, 'left')).toMatchObject({ n: 0, mean: null, reason: /turned to the camera/ });
    expect(r.legs.right!.medialKneeDisplacement.reason).toMatch(/turned to the camera/);
    expect(r.trunkLeanDeg).toMatchObject({ n: 0, reason: /turned to the camera/ });
    expect(r.depth.n).toBe(5); // depth does not depend on the view
    expect(r.fppaAsymmetry).toMatchObject({ ok: false, reason: /no left FPPA/ });
    expect(ids.filter((id) => id === 'squat-turned')).toHaveLength(1);
  });

  it('single-leg variant: shallower reps count, only the standing leg is measured, no asymmetry', () => {
    const { result, said } = replay(squatScript(five({ depth: 0.12, fppaDeg: { right: 16, left: 40 } })), {
      variant: 'single-right',
    });
    const r = result!;
    expect(r.variant).toBe('single-right');
    expect(r.reps).toHaveLength(5);
    expect(Object.keys(r.legs)).toEqual(['right']);
    expect(fppaOf(r, 'right').mean!).toBeCloseTo(16, 0);
    expect(r.fppaAsymmetry).toMatchObject({ ok: false, reason: /both legs/ });
    expect(said.find((p) => p.id === 'squat-start')!.text).toMatch(/right leg/);
  });

  it('replays to the same transcript every time', () => {
    const frames = squatScript(five({ depth: 0.3, fppaDeg: { left: 9 } }), { noisePx: 2, seed: 5 });
    expect(replay(frames)).toEqual(replay(frames));
  });

  it('validates its options, naming the bad value', () => {
    expect(() => squatOptions({ targetReps: 0 })).toThrow(/targetReps = 0/);
    expect(() => squatOptions({ bottomBand: 2 })).toThrow(/bottomBand/);
    expect(() => squatOptions({ variant: 'both' as never })).toThrow(/variant = both/);
    expect(squatOptions({ variant: 'single-left' }).reps.minRepDepth).toBeLessThan(
      squatOptions().reps.minRepDepth,
    );
  });
});

describe('squat protocol: poses it cannot use', () => {
  /** Every number anywhere in the value (JSON.stringify would hide a NaN as null). */
  const numbers = (v: unknown): number[] =>
    typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];

  it('never produces NaN or infinities from degenerate joints', () => {
    const protocol = squatProtocol();
    let s = protocol.init(0);
    const frames = squatScript([{ depth: 0.4, fppaDeg: { left: 8 } }, { depth: 0.4 }]);
    for (const [i, f] of frames.entries()) {
      let pose = f.pose;
      // After the baseline, every 7th frame: all joints on one horizontal line, or all at one point.
      if (pose && i > 60 && i % 7 === 3)
        pose = {
          ...pose,
          joints: Object.fromEntries(
            Object.entries(pose.joints).map(([k, j]) => [k, { ...j, y: 700, x: i % 2 ? j.x : 300 }]),
          ),
        };
      s = protocol.step(s, pose, f.tMs).state;
    }
    const r = protocol.result(s)!;
    expect(r.reps.length).toBeGreaterThan(0);
    const all = numbers(r);
    expect(all.length).toBeGreaterThan(20);
    expect(all.every(Number.isFinite)).toBe(true);
  });
});
