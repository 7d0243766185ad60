// Pure posing math for the render rig (three.js math only, no DOM): from a test, a side and the applied
// rotation θ to each leg bone's WORLD rotation relative to bind (bind rotations are identity, so a bone's
// bind axes are the world axes). Femoral rotation is a spin about the femur's own axis applied to the whole
// leg below the hip, so the knee stays put and the truth is exactly θ. Internal rotation (θ > 0) swings the
// foot outward (laterally). Body coordinates: Y up, the person faces +Z, their left is +X.
import { Quaternion, Vector3 } from 'three';

const DEG = Math.PI / 180;
const v = (x, y, z) => new Vector3(x, y, z);

/** Rotation taking the bind segment direction to `dir`, then spinning about `dir` by spinDeg. */
export function segmentRotation(bindDir, dir, spinDeg = 0) {
  const aim = new Quaternion().setFromUnitVectors(bindDir.clone().normalize(), dir.clone().normalize());
  const spin = new Quaternion().setFromAxisAngle(dir.clone().normalize(), spinDeg * DEG);
  return spin.multiply(aim);
}

/** How the whole body lies in the world for a test: body coordinates → world. */
export function bodyToWorld(test) {
  if (test === 'supine') return new Quaternion().setFromAxisAngle(v(1, 0, 0), -90 * DEG); // anterior → up
  if (test === 'prone') return new Quaternion().setFromAxisAngle(v(1, 0, 0), 90 * DEG); // anterior → down
  return new Quaternion();
}

/**
 * World rotations (body coordinates) of the leg and spine bones for a case.
 * bind: { LeftUpLeg, LeftLeg, LeftFoot, LeftToeBase, Right… } bind joint positions (Vector3).
 * spec: { test, side, thetaDeg, otherLeg?: { abductionDeg, internalDeg }, squat?: { hipFlexDeg, adductionDeg, internalDeg,
 *   kneeOverToeDeg, legs?, footFlat? } }
 * otherLeg (seated only): the untested leg's hip abduction / internal rotation instead of hanging straight.
 * squat.legs: { left?: { adductionDeg, internalDeg }, right?: … } overrides the shared values per leg (a clip with
 * a different valgus on each knee); squat.footFlat keeps the feet level on the floor (ankle dorsiflexion takes
 * the shank's forward lean) instead of turning them with the shank.
 */
export function legRotations(bind, spec) {
  const out = {};
  for (const S of ['Left', 'Right']) {
    const outward = S === 'Left' ? 1 : -1; // the person's left is +X
    const tested = spec.side === S.toLowerCase();
    const theta = tested ? spec.thetaDeg : 0;
    const thighBind = bind[`${S}Leg`].clone().sub(bind[`${S}UpLeg`]);
    const shankBind = bind[`${S}Foot`].clone().sub(bind[`${S}Leg`]);
    let F; // femur direction
    let D; // shank direction at θ = 0
    let spinDeg = 0; // spin about F applied to thigh, shank and foot
    if (spec.test === 'seated' && !tested && spec.otherLeg) {
      // The untested leg moved out of the way (recording clips): its hip abducted so the knees part, the shank
      // still plumb (no spin, so its femoral rotation stays 0). A seated external rotation swings the tested
      // foot toward the midline; past ≈ 25° it would pass through a leg hanging straight beside it (issue 10).
      const a = (spec.otherLeg.abductionDeg ?? 0) * DEG;
      F = v(outward * Math.sin(a), 0, Math.cos(a));
      D = v(0, -1, 0);
      spinDeg = outward * (spec.otherLeg.internalDeg ?? 0);
    } else if (spec.test === 'seated' || (spec.test === 'supine' && tested)) {
      F = v(0, 0, 1); // hip flexed 90°
      D = v(0, -1, 0); // knee 90°: shank along the body axis (plumb when seated)
      spinDeg = outward * theta;
    } else if (spec.test === 'prone' && tested) {
      F = v(0, -1, 0); // hip neutral
      D = v(0, 0, -1); // knee 90°: shank posterior (to the ceiling when prone)
      spinDeg = outward * theta;
    } else if (spec.test === 'squat') {
      const q = { ...spec.squat, ...(spec.squat.legs?.[S.toLowerCase()] ?? {}) };
      const h = q.hipFlexDeg * DEG;
      const a = (q.adductionDeg ?? 0) * DEG;
      F = v(-outward * Math.sin(a), -Math.cos(h) * Math.cos(a), Math.sin(h) * Math.cos(a)).normalize();
      const knee = bind[`${S}UpLeg`].clone().addScaledVector(F, thighBind.length());
      // Feet stay under the hips, a little wide; the shank leans forward so the knee is over the toes.
      const lean = (q.kneeOverToeDeg ?? q.hipFlexDeg * 0.55) * DEG;
      const ankleX = bind[`${S}UpLeg`].x + outward * 0.04;
      const dx = (ankleX - knee.x) / shankBind.length();
      D = v(dx, -Math.cos(lean), -Math.sin(lean)).normalize();
      out[`${S}UpLeg`] = segmentRotation(thighBind, F, outward * (q.internalDeg ?? 0));
      out[`${S}Leg`] = segmentRotation(shankBind, D);
      out[`${S}Foot`] = q.footFlat ? new Quaternion() : out[`${S}Leg`].clone();
      continue;
    } else {
      continue; // the other leg lies straight (bind)
    }
    // A right-handed spin by outward·θ about F swings the foot outward in both placements of F.
    const spin = spinDeg;
    out[`${S}UpLeg`] = segmentRotation(thighBind, F, spin);
    const shank = new Quaternion()
      .setFromAxisAngle(F, spin * DEG)
      .multiply(new Quaternion().setFromUnitVectors(shankBind.clone().normalize(), D));
    out[`${S}Leg`] = shank;
    out[`${S}Foot`] = shank.clone();
  }
  return out;
}

/** Camera roll/yaw/pitch about its target: returns { position, up } for a look-at camera. */
export function perturbCamera(position, target, up, { yawDeg = 0, pitchDeg = 0, rollDeg = 0 }) {
  const rel = position.clone().sub(target);
  rel.applyAxisAngle(up.clone().normalize(), yawDeg * DEG);
  const right = rel.clone().negate().cross(up).normalize();
  rel.applyAxisAngle(right, pitchDeg * DEG);
  const pos = target.clone().add(rel);
  const forward = target.clone().sub(pos).normalize();
  const r = forward.clone().cross(up).normalize();
  const camUp = r
    .clone()
    .cross(forward)
    .normalize()
    .applyAxisAngle(forward, rollDeg * DEG);
  return { position: pos, up: camUp };
}
