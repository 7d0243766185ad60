// The four drills replayed on scripted bodies with a known truth: holds of known length and angle, lifts
// with known peaks and hold times, circles, and the cases that must not count.
import { describe, expect, it } from 'vitest';
import type { Pose, Side } from '../../types';
import {
  carPose,
  drillFrames,
  ninetyNinetyPose,
  seatedLiftPose,
  supineDrillPose,
  without,
  type Segment,
} from '../../../testing/drill_script';
import { drillProtocol, drillProgress, finishDrill, type DrillState } from './drill_protocol';
import type { DrillId, DrillResult } from './drill_types';
import type { Prompt } from '../types';

const FPS = 15;
const DT = 1000 / FPS;

function replay(drill: DrillId, side: Side, segments: Segment[], target?: number) {
  const p = drillProtocol(drill, side, target === undefined ? {} : { target });
  const frames = drillFrames(segments, { fps: FPS, jitterPx: 0.5 });
  let s: DrillState = p.init(0);
  const said: Prompt[] = [];
  for (const f of frames) {
    const o = p.step(s, f.pose, f.tMs);
    s = o.state;
    said.push(...o.prompts);
  }
  const end = finishDrill(s, frames.at(-1)!.tMs + DT);
  return { state: end.state, result: p.result(end.state) as DrillResult, said: said.map((x) => x.id) };
}
const hold = (ms: number, pose: () => Pose | null): Segment => ({ ms, pose });

describe('modified 90/90 (overhead)', () => {
  it('the timer runs only in position: 12 s + 8 s held of 24 s, hinge 20°', () => {
    const back = 'right' as const;
    const r = replay('modified-90-90', back, [
      hold(2000, () => ninetyNinetyPose({ backSide: back, backShankTurnDeg: 150 })),
      hold(12000, () => ninetyNinetyPose({ backSide: back, hingeDeg: 20 })),
      hold(2000, () => ninetyNinetyPose({ backSide: 'left' })),
      hold(8000, () => ninetyNinetyPose({ backSide: back, hingeDeg: 20 })),
    ]);
    if (r.result.drill !== 'modified-90-90') throw new Error('wrong drill');
    // Each bout counts from its first to its last frame: one frame interval short of the truth.
    expect(Math.abs(r.result.heldMs - 20000)).toBeLessThanOrEqual(2 * DT + 1);
    expect(r.result.bouts).toHaveLength(2);
    expect(r.result.angle.ok && Math.abs(r.result.angle.valueDeg - 20)).toBeLessThan(6);
    expect(r.said).toContain('drill-9090-swapped');
    expect(r.said).toContain('drill-hold-lost');
    expect(r.said).toContain('drill-hold-10');
  });
  it('done at the goal time', () => {
    const r = replay(
      'modified-90-90',
      'left',
      [hold(6000, () => ninetyNinetyPose({ backSide: 'left' }))],
      5000,
    );
    expect(r.result.completed).toBe(true);
    expect(r.said).toContain('drill-hold-done');
  });
});

describe('supine passive inward rotation (overhead)', () => {
  it('holds of 10 s and 5 s at 35°, with the person out of view between: 15 s at 35°', () => {
    const r = replay('supine-passive-ir', 'left', [
      hold(2000, () => supineDrillPose('left', 0)),
      hold(10000, () => supineDrillPose('left', 35)),
      hold(1000, () => null),
      hold(5000, () => supineDrillPose('left', 35)),
      hold(1000, () => supineDrillPose('left', 0)),
    ]);
    if (r.result.drill !== 'supine-passive-ir') throw new Error('wrong drill');
    expect(Math.abs(r.result.heldMs - 15000)).toBeLessThanOrEqual(2 * DT + 1);
    expect(r.result.angle.ok && Math.abs(r.result.angle.valueDeg - 35)).toBeLessThan(3);
    expect(r.said).toContain('drill-find-person');
  });
});

describe('seated inward-rotation lift (camera in front)', () => {
  const side = 'right' as const;
  const rest = (ms: number) => hold(ms, () => seatedLiftPose(side, 0));
  /** neutral → 0.8 s up → holdMs at the peak → 0.8 s down, optionally spoiled. */
  const lift = (peak: number, holdMs: number, spoil?: (p: Pose, u: number) => Pose): Segment[] => {
    const f = (deg: number, u: number) => {
      const p = seatedLiftPose(side, deg);
      return spoil ? spoil(p, u) : p;
    };
    return [
      { ms: 800, pose: (u) => f(peak * u, u / 3) },
      { ms: holdMs, pose: (u) => f(peak, 1 / 3 + u / 3) },
      { ms: 800, pose: (u) => f(peak * (1 - u), 2 / 3 + u / 3) },
      rest(1200),
    ];
  };
  const shiftKnee = (p: Pose, u: number): Pose => {
    const k = Math.sin(Math.PI * u) * 50;
    const j = { ...p.joints };
    j.right_knee = { ...j.right_knee!, x: j.right_knee!.x + k };
    j.right_ankle = { ...j.right_ankle!, x: j.right_ankle!.x + k };
    return { ...p, joints: j };
  };
  const hide = (p: Pose, u: number): Pose => (u > 0.4 && u < 0.6 ? without(p, ['right_ankle']) : p);

  it('counts reps with their peaks and hold times; a hidden leg and a moving knee do not count', () => {
    const r = replay(
      'seated-ir-lift',
      side,
      [
        rest(1500),
        ...lift(30, 1500),
        ...lift(40, 1500, hide),
        ...lift(40, 1500, shiftKnee),
        ...lift(38, 2000),
        ...lift(45, 1000),
        ...lift(45, 1000),
      ],
      3,
    );
    if (r.result.drill !== 'seated-ir-lift') throw new Error('wrong drill');
    expect(r.result.reps).toHaveLength(3);
    for (const [rep, truth] of r.result.reps.map((x, i) => [x, [30, 38, 45][i]!] as const))
      expect(Math.abs(rep.peakDeg - truth)).toBeLessThan(1.5);
    const holds = r.result.reps.map((x) => x.holdMs);
    [1500, 2000, 1000].forEach((truth, i) => expect(Math.abs(holds[i]! - truth)).toBeLessThanOrEqual(250));
    expect(r.result.discarded.map((d) => d.why)).toEqual(['leg-not-seen', 'knee-moved']);
    expect(r.result.completed).toBe(true);
    expect(r.said).toEqual(
      expect.arrayContaining(['drill-lift-go', 'drill-rep-lost', 'drill-rep-knee', 'drill-lift-done']),
    );
    expect(r.result.best.ok && Math.abs(r.result.best.valueDeg - 45)).toBeLessThan(1.5);
  });
  it('nothing counts before the leg has hung still (setup)', () => {
    const r = replay('seated-ir-lift', side, [...lift(35, 1500)]);
    if (r.result.drill !== 'seated-ir-lift') throw new Error('wrong drill');
    expect(r.result.reps).toHaveLength(0);
  });
});

describe('hip CARs (standing, camera in front)', () => {
  const side = 'left' as const;
  const stand = hold(1500, () => carPose({ side, phase: 0, coneDeg: 0 }));
  const circle = (shift = 0): Segment => ({
    ms: 4000,
    pose: (u) => carPose({ side, phase: u, coneDeg: 35, trunkShiftM: shift * Math.sin(Math.PI * u) }),
  });
  it('three circles; the trunk sway in the third is called out', () => {
    const r = replay('hip-cars', side, [stand, circle(), stand, circle(), stand, circle(0.1), stand], 3);
    if (r.result.drill !== 'hip-cars') throw new Error('wrong drill');
    expect(r.result.loops).toHaveLength(3);
    expect(r.result.loops.map((l) => l.trunkStill)).toEqual([true, true, false]);
    const sizes = r.result.loops.map((l) => l.radiusThighs);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(0.05);
    expect(r.said).toContain('drill-loop-trunk');
    expect(drillProgress(r.state)).toEqual({ done: 3, target: 3, unit: 'circles' });
  });
});
