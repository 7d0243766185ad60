import { describe, expect, it } from 'vitest';
import { repValues } from './squat_rep_values';
import type { Rep } from './squat_reps';
import type { RepValue, SquatFrame } from './squat_types';

const v = (value: number): RepValue => ({ ok: true, value, confidence: 0.9 });
const no = (reason: string): RepValue => ({ ok: false, reason });

function frame(
  tMs: number,
  depth: number,
  fppa: RepValue,
  medial: RepValue = v(depth / 10),
  shift = 0,
  kneeIn: RepValue = v(depth / 5),
): SquatFrame {
  return {
    tMs,
    depth,
    depthConfidence: 0.9,
    legs: {
      left: { fppaDeg: fppa, medialKneeDisplacement: medial, footTurnOutDeg: no('no 3D'), kneeIn },
    },
    trunkLeanDeg: v(depth * 10),
    kneeCommonShift: v(shift),
    kneeIn,
  };
}

const rep: Rep = { index: 2, startMs: 0, bottom: { tMs: 300, depth: 0.3 }, endMs: 600 };

describe('repValues', () => {
  it('takes FPPA from the deepest frame that has one, the rest from the deepest frame', () => {
    const frames = [
      frame(100, 0.12, v(4)),
      frame(200, 0.24, v(9)),
      frame(300, 0.3, no('the thigh points at the camera')),
      frame(400, 0.21, v(7)),
    ];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r).toMatchObject({ index: 2, startMs: 0, bottomMs: 300, endMs: 600 });
    expect(r.legs.left).toMatchObject({ fppaDeg: v(9), fppaAtDepth: 0.24, fppaAtMs: 200 });
    expect(r.legs.left!.medialKneeDisplacement).toEqual(v(0.03)); // it has one at the bottom
    expect(r.depth).toEqual({ ok: true, value: 0.3, confidence: 0.9 });
    expect(r.trunkLeanDeg).toEqual(v(3));
    expect(r.legs.left!.footTurnOutDeg).toEqual(no('no 3D'));
  });

  it('reports the reason from the bottom when FPPA only exists high up in a rep that is not deep', () => {
    const frames = [frame(100, 0.05, v(3)), frame(300, 0.25, no('the thigh points at the camera'))];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r.legs.left).toMatchObject({ fppaDeg: no('the thigh points at the camera'), fppaAtDepth: null });
  });

  it('reads a deep rep’s FPPA on the way down or up, no deeper than ≈ 90° of knee flexion', () => {
    const thigh = no('the thigh points at the camera');
    const frames = [
      frame(100, 0.15, v(6)),
      frame(200, 0.5, v(30)), // deeper than FPPA is defined: not used even though it measured
      frame(300, 0.7, thigh),
      frame(400, 0.25, v(8)),
    ];
    const r = repValues({ ...rep, bottom: { tMs: 300, depth: 0.7 } }, frames, ['left'], 0.6);
    expect(r.legs.left).toMatchObject({ fppaDeg: v(8), fppaAtDepth: 0.25, fppaAtMs: 400 });
    const none = repValues(
      { ...rep, bottom: { tMs: 300, depth: 0.7 } },
      [frame(200, 0.5, v(30)), frame(300, 0.7, thigh)],
      ['left'],
      0.6,
    );
    expect(none.legs.left!.fppaDeg).toMatchObject({ ok: false, reason: /45–60° of knee flexion/ });
  });

  it('gives knee-in as the median over the bottom band (one misplaced frame does not decide it)', () => {
    const frames = [
      frame(100, 0.1, v(3), v(0.01), 0, v(0.5)), // above the band: not used
      frame(200, 0.26, v(3), v(0.01), 0, v(0.04)),
      frame(300, 0.3, v(3), v(0.01), 0, v(0.18)), // one frame's misplaced knee
      frame(400, 0.27, v(3), v(0.01), 0, v(0.05)),
    ];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r.kneeIn).toMatchObject({ ok: true, value: 0.05 });
    expect(r.legs.left!.kneeIn).toMatchObject({ ok: true, value: 0.05 });
  });

  it('asks no shallower frame once the bottom shows a body turned beyond the correction', () => {
    const turned = no('both knees moved 20% of a leg the same way: the body is turned to the camera');
    const frames = [frame(200, 0.24, v(9), v(0.04), 0.1), frame(300, 0.3, turned, turned, 0.2, turned)];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r.legs.left).toMatchObject({ fppaDeg: turned, medialKneeDisplacement: turned, fppaAtDepth: null });
    expect(r.kneeCommonShift).toEqual(v(0.2));
    expect(r.kneeIn).toMatchObject({ ok: false });
    expect(r.legs.left!.kneeIn).toEqual(turned);
  });

  it('says so when no frame was measured or a leg was never seen', () => {
    const empty = repValues(rep, [], ['left'], 0.6);
    expect(empty.depth).toMatchObject({ ok: false, reason: /no frame/ });
    expect(empty.kneeIn).toMatchObject({ ok: false, reason: /no frame/ });
    const r = repValues(rep, [frame(300, 0.3, v(3))], ['left', 'right'], 0.6);
    expect(r.legs.right!.fppaDeg).toEqual(no('right leg not measured at the bottom'));
  });
});
