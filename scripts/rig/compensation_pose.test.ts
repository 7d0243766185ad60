// The rig's compensating poses (clips that check the app's detectors find a compensation): the thigh swings out
// with the femoral rotation still the truth, the pelvis hikes or lifts about the hip that stays down (the whole
// body turned, every posed bone turned back), the trunk
// leans away from the tested side. Bind joints are a rig skeleton's (metres, body upright, facing +Z, left +X).
import { Quaternion, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { compensationRotations, legRotations, tiltedDeltas, type Bind } from './page/pose_body.mjs';

const bind: Bind = {};
for (const [k, [x, y, z]] of Object.entries({
  Hips: [0, 0.98, 0.03],
  Spine: [0, 1.0, 0.06],
  LeftUpLeg: [0.121, 0.964, 0.045],
  LeftLeg: [0.121, 0.533, 0.087],
  LeftFoot: [0.121, 0.098, 0.065],
} as Record<string, [number, number, number]>)) {
  bind[k] = new Vector3(x, y, z);
  if (k.startsWith('Left')) bind[k.replace('Left', 'Right')] = new Vector3(-x, y, z);
}
const DEG = Math.PI / 180;
const S = (side: 'left' | 'right') => (side === 'left' ? 'Left' : 'Right');

/** The knee and ankle the leg deltas put where, from the tested hip (bind segments turned by world rotations). */
function leg(deltas: Record<string, Quaternion>, side: 'left' | 'right') {
  const s = S(side);
  const knee = bind[`${s}UpLeg`]!.clone().add(
    bind[`${s}Leg`]!.clone().sub(bind[`${s}UpLeg`]!).applyQuaternion(deltas[`${s}UpLeg`]!),
  );
  const ankle = knee
    .clone()
    .add(bind[`${s}Foot`]!.clone().sub(bind[`${s}Leg`]!).applyQuaternion(deltas[`${s}Leg`]!));
  return { knee, ankle };
}

describe('compensating poses', () => {
  for (const test of ['seated', 'supine', 'prone'] as const)
    for (const side of ['left', 'right'] as const) {
      const outward = side === 'left' ? 1 : -1;
      it(`${test} ${side}: the thigh swings the knee out, and the femur still turns by θ`, () => {
        const thetaDeg = 30;
        const plain = leg(legRotations(bind, { test, side, thetaDeg }), side);
        const swung = leg(
          legRotations(bind, { test, side, thetaDeg, compensation: { kind: 'knee', deg: 20 } }),
          side,
        );
        const thigh = bind[`${S(side)}Leg`]!.distanceTo(bind[`${S(side)}UpLeg`]!);
        // Out to the tested side by the swing's sine of the thigh.
        expect((swung.knee.x - plain.knee.x) * outward).toBeCloseTo(thigh * Math.sin(20 * DEG), 3);
        // The shank at θ against the shank at 0 with the same swing: θ apart (the truth stays the applied spin).
        const zero = leg(
          legRotations(bind, { test, side, thetaDeg: 0, compensation: { kind: 'knee', deg: 20 } }),
          side,
        );
        const a = swung.ankle.clone().sub(swung.knee).normalize();
        const b = zero.ankle.clone().sub(zero.knee).normalize();
        expect(Math.acos(Math.min(1, a.dot(b))) / DEG).toBeCloseTo(thetaDeg, 3);
      });

      it(`${test} ${side}: the pelvis turns about the untested hip, which stays put, and lifts the tested one`, () => {
        const { deltas, tilt, shiftM } = compensationRotations(bind, {
          test,
          side,
          thetaDeg: 0,
          compensation: { kind: 'pelvis', deg: 20 },
        });
        // The whole body turns (the Quaternius women's legs hang from the root, not the Hips bone), then moves.
        const at = (name: string) => bind[name]!.clone().applyQuaternion(tilt!).add(shiftM);
        const other = side === 'left' ? 'RightUpLeg' : 'LeftUpLeg';
        expect(at(other).distanceTo(bind[other]!)).toBeLessThan(1e-9);
        const moved = at(`${S(side)}UpLeg`).sub(bind[`${S(side)}UpLeg`]!);
        const width = bind.LeftUpLeg!.distanceTo(bind.RightUpLeg!);
        if (test === 'prone')
          expect(-moved.z).toBeCloseTo(width * Math.sin(20 * DEG), 3); // toward the ceiling
        else expect(moved.y).toBeCloseTo(width * Math.sin(20 * DEG), 3); // toward the head
        // Posed inside the turned body, the trunk and the untested leg end as they were: upright, where it lay.
        const posed = tiltedDeltas(
          { ...deltas, Extra: new Quaternion(0.1, 0.2, 0.3, 0.9).normalize() },
          tilt,
        );
        for (const b of ['Spine', `${S(side === 'left' ? 'right' : 'left')}UpLeg`])
          expect(tilt!.clone().multiply(posed[b]!).angleTo(new Quaternion())).toBeLessThan(1e-6);
        expect(
          tilt!
            .clone()
            .multiply(posed.Extra!)
            .angleTo(new Quaternion(0.1, 0.2, 0.3, 0.9).normalize()),
        ).toBeLessThan(1e-6);
      });

      it(`${test} ${side}: the trunk leans away from the tested side`, () => {
        const { deltas, tilt, shiftM } = compensationRotations(bind, {
          test,
          side,
          thetaDeg: 0,
          compensation: { kind: 'trunk', deg: 20 },
        });
        const up = new Vector3(0, 1, 0).applyQuaternion(deltas.Spine!);
        expect(up.x * outward).toBeCloseTo(-Math.sin(20 * DEG), 6);
        expect(tilt).toBeNull();
        expect(shiftM.length()).toBe(0);
      });
    }

  it('does nothing without a compensation, or for the knee (legRotations swings the thigh)', () => {
    for (const compensation of [undefined, { kind: 'knee' as const, deg: 20 }]) {
      const r = compensationRotations(bind, { test: 'seated', side: 'left', thetaDeg: 10, compensation });
      expect(r.deltas).toEqual({});
      expect(r.tilt).toBeNull();
      expect(r.shiftM.length()).toBe(0);
    }
  });
});
