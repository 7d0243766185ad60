// The rig's hands-on-the-leg pose (supine): the arms reach the tested knee and shin, and the leg (the truth) is
// left exactly as without hands. Bind joints are two of the rig's real skeletons (metres, body upright).
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { handsOnLegRotations, legRotations, type Bind } from './page/pose_body.mjs';

function mirrored(left: Record<string, [number, number, number]>): Bind {
  const bind: Bind = {};
  for (const [k, [x, y, z]] of Object.entries(left)) {
    bind[k] = new Vector3(x, y, z);
    if (k.startsWith('Left')) bind[k.replace('Left', 'Right')] = new Vector3(-x, y, z);
  }
  return bind;
}

const BODIES = {
  // MakeHuman (A-pose, adult arms)
  makehuman: mirrored({
    Spine: [0, 0.996, 0.103],
    LeftUpLeg: [0.089, 0.847, 0.038],
    LeftLeg: [0.139, 0.496, 0.033],
    LeftFoot: [0.185, 0.079, 0.045],
    LeftArm: [0.165, 1.353, 0.018],
    LeftForeArm: [0.35, 1.118, 0.094],
    LeftHand: [0.495, 0.933, 0.154],
  }),
  // Quaternius men-Beach (T-pose, short arms: the trunk must curl up to reach)
  quaternius: mirrored({
    Spine: [0, 1.0, 0.06],
    LeftUpLeg: [0.121, 0.964, 0.045],
    LeftLeg: [0.121, 0.533, 0.087],
    LeftFoot: [0.121, 0.098, 0.065],
    LeftArm: [0.153, 1.432, 0.06],
    LeftForeArm: [0.334, 1.432, 0.056],
    LeftHand: [0.568, 1.432, 0.086],
  }),
};
const PALMS = { Left: new Vector3(0, -1, 0), Right: new Vector3(0, -1, 0) };

/** Where each wrist lands: bind segments turned by the deltas, from the shoulder the spine's curl moved. */
function posedWrist(
  bind: Bind,
  deltas: ReturnType<typeof handsOnLegRotations>['deltas'],
  A: string,
): Vector3 {
  const pivot = bind.Spine!;
  const shoulder = pivot.clone().add(bind[`${A}Arm`]!.clone().sub(pivot).applyQuaternion(deltas.Spine!));
  const elbow = shoulder
    .clone()
    .add(bind[`${A}ForeArm`]!.clone().sub(bind[`${A}Arm`]!).applyQuaternion(deltas[`${A}Arm`]!));
  return elbow
    .clone()
    .add(bind[`${A}Hand`]!.clone().sub(bind[`${A}ForeArm`]!).applyQuaternion(deltas[`${A}ForeArm`]!));
}

describe('hands on the leg (supine)', () => {
  for (const [name, bind] of Object.entries(BODIES)) {
    for (const side of ['left', 'right'] as const) {
      for (const thetaDeg of [-20, 0, 45]) {
        for (const kneeHand of ['same', 'other'] as const) {
          it(`${name}, ${side} leg at ${thetaDeg}°, ${kneeHand} hand at the knee`, () => {
            const spec = { test: 'supine', side, thetaDeg, handsOnLeg: { kneeHand, shinAt: 0.25 } };
            const legs = legRotations(bind, spec);
            const without = legRotations(bind, { ...spec, handsOnLeg: undefined });
            const { deltas, curlDeg, wrists } = handsOnLegRotations(bind, legs, spec, PALMS);
            // The leg's rotations (the truth) are those without hands, and the hands pose no leg bone.
            for (const [bone, q] of Object.entries(without)) expect(legs[bone]!.equals(q)).toBe(true);
            expect(Object.keys(deltas).filter((k) => /Leg|Foot|Hips/.test(k))).toEqual([]);
            expect(curlDeg).toBeGreaterThanOrEqual(0);
            expect(curlDeg).toBeLessThanOrEqual(45);
            const S = side === 'left' ? 'Left' : 'Right';
            const hip = bind[`${S}UpLeg`]!;
            const knee = hip
              .clone()
              .add(bind[`${S}Leg`]!.clone().sub(hip).applyQuaternion(legs[`${S}UpLeg`]!));
            for (const A of ['Left', 'Right']) {
              // The chain reaches where the grip put the wrist (the arm is long enough, with the curl)…
              expect(posedWrist(bind, deltas, A).distanceTo(wrists[A as 'Left' | 'Right'])).toBeLessThan(
                0.005,
              );
              // …and that is on the leg near the knee: within a palm and a grip of the knee or the upper shin.
              expect(wrists[A as 'Left' | 'Right'].distanceTo(knee)).toBeLessThan(0.25);
            }
          });
        }
      }
    }
  }
});
