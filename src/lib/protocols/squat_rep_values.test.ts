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
): SquatFrame {
  return {
    tMs,
    depth,
    depthConfidence: 0.9,
    legs: { left: { fppaDeg: fppa, medialKneeDisplacement: medial, footTurnOutDeg: no('no 3D') } },
    trunkLeanDeg: v(depth * 10),
    kneeCommonShift: v(shift),
  };
}

const rep: Rep = { index: 2, startMs: 0, bottom: { tMs: 300, depth: 0.5 }, endMs: 600 };

describe('repValues', () => {
  it('takes FPPA from the deepest frame that has one, the rest from the deepest frame', () => {
    const frames = [
      frame(100, 0.2, v(4)),
      frame(200, 0.4, v(9)),
      frame(300, 0.5, no('the thigh points at the camera')),
      frame(400, 0.35, v(7)),
    ];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r).toMatchObject({ index: 2, startMs: 0, bottomMs: 300, endMs: 600 });
    expect(r.legs.left).toMatchObject({ fppaDeg: v(9), fppaAtDepth: 0.4 });
    expect(r.legs.left!.medialKneeDisplacement).toEqual(v(0.05)); // it has one at the bottom
    expect(r.depth).toEqual({ ok: true, value: 0.5, confidence: 0.9 });
    expect(r.trunkLeanDeg).toEqual(v(5));
    expect(r.legs.left!.footTurnOutDeg).toEqual(no('no 3D'));
  });

  it('reports the reason from the bottom when FPPA only exists high up in the rep', () => {
    const frames = [frame(100, 0.1, v(3)), frame(300, 0.5, no('the thigh points at the camera'))];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r.legs.left).toMatchObject({ fppaDeg: no('the thigh points at the camera'), fppaAtDepth: null });
  });

  it('asks no shallower frame once the bottom shows a body turned to the camera', () => {
    const turned = no('both knees moved 12% of a leg the same way: the body is turned to the camera');
    const frames = [frame(200, 0.4, v(9), v(0.04), 0.06), frame(300, 0.5, turned, turned, 0.12)];
    const r = repValues(rep, frames, ['left'], 0.6);
    expect(r.legs.left).toMatchObject({ fppaDeg: turned, medialKneeDisplacement: turned, fppaAtDepth: null });
    expect(r.kneeCommonShift).toEqual(v(0.12));
  });

  it('says so when no frame was measured or a leg was never seen', () => {
    const empty = repValues(rep, [], ['left'], 0.6);
    expect(empty.depth).toMatchObject({ ok: false, reason: /no frame/ });
    const r = repValues(rep, [frame(300, 0.5, v(3))], ['left', 'right'], 0.6);
    expect(r.legs.right!.fppaDeg).toEqual(no('right leg not measured at the bottom'));
  });
});
