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
 *   kneeOverToeDeg, legs?, footFlat?, stanceM? } }
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
    // A compensating trial's thigh swing (spec.compensation kind 'knee'): the tested hip abducts so the knee moves out
    // to the side while the femur still spins by θ about its own (now swung) axis, so θ stays the truth.
    const swing = tested && spec.compensation?.kind === 'knee' ? spec.compensation.deg * DEG : 0;
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
      F = v(outward * Math.sin(swing), 0, Math.cos(swing)); // hip flexed 90° (swung out by a compensation)
      D = v(0, -1, 0); // knee 90°: shank along the body axis (plumb when seated)
      spinDeg = outward * theta;
    } else if (spec.test === 'prone' && tested) {
      F = v(outward * Math.sin(swing), -Math.cos(swing), 0); // hip neutral (abducted by a compensation)
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
      // squat.stanceM: how far each ankle stands outside its hip (a deep squat is done with the feet wider).
      const ankleX = bind[`${S}UpLeg`].x + outward * (q.stanceM ?? 0.04);
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

/**
 * A compensation a person makes during a trial, for the clips that check the app's detectors find one (issue 10:
 * the detectors were only ever shown not to fire on clean trials). spec.compensation { kind, deg } (deg: how far,
 * at this pose):
 * - 'pelvis': the tested side's hip hikes (seated and supine: a tilt in the frontal plane, the tested hip toward the
 *   head) or lifts off the table (prone: a roll about the body's long axis, the tested hip toward the ceiling), about
 *   the untested hip, which stays on the seat or table; the trunk stays upright and both legs keep their world
 *   rotations (the untested one where it lay, the tested one turning as the trial says);
 * - 'trunk': the trunk leans sideways, away from the tested side (a lateral bend at the spine);
 * - 'knee' is the tested thigh's swing, in legRotations.
 * Returns { deltas } to pose first (parents before children), `tilt` (the pelvis: a turn of the whole body, body
 * coordinates, or null) and `shiftM` (body coordinates): where to move the turned body so the untested hip stays
 * put. The pelvis turns as the whole body: the Quaternius women's legs hang from the skeleton's root, not its Hips
 * bone, so turning Hips left their hips level; every other posed bone is then turned back (tiltedDeltas).
 */
export function compensationRotations(bind, spec) {
  const none = { deltas: {}, tilt: null, shiftM: v(0, 0, 0) };
  const kind = spec.compensation?.kind;
  const deg = spec.compensation?.deg ?? 0;
  if ((kind !== 'pelvis' && kind !== 'trunk') || deg === 0) return none;
  const outward = spec.side === 'left' ? 1 : -1;
  const a = deg * DEG;
  if (kind === 'trunk')
    // About +Z a positive turn takes the head (+Y) toward −X, the person's right: away from a tested left.
    return { ...none, deltas: { Spine: new Quaternion().setFromAxisAngle(v(0, 0, 1), outward * a) } };
  // About +Z a positive turn lifts +X (the person's left) toward the head; about +Y it takes +X toward −Z (the back:
  // the ceiling when prone).
  const axis = spec.test === 'prone' ? v(0, 1, 0) : v(0, 0, 1);
  const tilt = new Quaternion().setFromAxisAngle(axis, outward * a);
  const O = spec.side === 'left' ? 'Right' : 'Left';
  const deltas = { Spine: new Quaternion() };
  for (const b of ['UpLeg', 'Leg', 'Foot']) deltas[`${O}${b}`] = new Quaternion();
  const h = bind[`${O}UpLeg`];
  return { deltas, tilt, shiftM: h.clone().sub(h.clone().applyQuaternion(tilt)) };
}

/**
 * The deltas to pose inside a body turned by `tilt` so that each posed bone ends with the world rotation it asked
 * for: each turned back by the tilt (tilt⁻¹ · delta). Bones not posed turn with the body (the pelvis).
 */
export function tiltedDeltas(deltas, tilt) {
  if (!tilt) return deltas;
  const back = tilt.clone().invert();
  return Object.fromEntries(Object.entries(deltas).map(([k, q]) => [k, back.clone().multiply(q)]));
}

/**
 * Arms raised overhead (the overhead squat assessment): each upper arm's world rotation relative to bind, taking
 * its bind direction (shoulder → elbow, `bind.LeftArm` → `bind.LeftForeArm`) to one pointing up, `outDeg` out to
 * the side and `forwardDeg` forward (in line with a trunk leaning that far). The forearm follows (a straight arm).
 */
export function overheadArmRotations(bind, { outDeg = 15, forwardDeg = 0 } = {}) {
  const out = {};
  for (const S of ['Left', 'Right']) {
    const outward = S === 'Left' ? 1 : -1;
    const bindDir = bind[`${S}ForeArm`].clone().sub(bind[`${S}Arm`]);
    const dir = v(outward * Math.tan(outDeg * DEG), 1, Math.tan(forwardDeg * DEG));
    out[`${S}Arm`] = segmentRotation(bindDir, dir);
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

/** Palm centre beyond the wrist, along the hand (adult palm ≈ 8 cm from wrist crease to its centre). */
const PALM_FROM_WRIST_M = 0.08;
/** Each palm lies on the leg's surface this far from the joint centre line (a knee ≈ 11–13 cm across). */
const GRIP_OFFSET_M = 0.065;
/** The most the trunk curls up (head and shoulders lifted) to reach the leg; in steps of CURL_STEP_DEG. */
const MAX_CURL_DEG = 45;
const CURL_STEP_DEG = 5;

/** `q` then a spin about `axis` (unit) that turns `from` (unit, ⊥ axis after q) as close as can be to `to`. */
function withTwist(q, axis, from, to) {
  const f = from.clone().applyQuaternion(q);
  f.addScaledVector(axis, -f.dot(axis));
  const t = to.clone().addScaledVector(axis, -to.dot(axis));
  if (f.lengthSq() < 1e-9 || t.lengthSq() < 1e-9) return q;
  f.normalize();
  t.normalize();
  const angle = Math.atan2(f.clone().cross(t).dot(axis), f.dot(t));
  return new Quaternion().setFromAxisAngle(axis, angle).multiply(q);
}

/**
 * Supine 90/90 with the hands on the tested leg (people hold their knee and shin to keep the thigh vertical):
 * world rotations (body coordinates, relative to bind, parents first) of the spine and both arms, from the
 * leg's own rotations, which are not touched (the truth stays exactly θ).
 *
 * One hand holds the side of the knee, the other the front of the upper shin (`handsOnLeg.shinAt` of the way down
 * it, so it turns with the shank), each from its own side; `handsOnLeg.kneeHand` says which hand is at the knee
 * ('same': the hand of the tested side, 'other': the other one). Each palm lies on the leg, facing it, its fingers
 * on the leg's surface (down the shank at the knee, across the shin, wrapping it); the arm is a two-bone chain
 * solved in closed form (shoulder → elbow → wrist), the elbow bent out to the side and toward the table, the
 * forearm turned with the hand.
 * Arms too short to reach with the trunk flat (the Quaternius people's are) curl the trunk up at the spine, in
 * steps, as a person lifts head and shoulders to reach.
 *
 * bind: rig joint positions (Spine, LeftArm, LeftForeArm, LeftHand, Right…, and the legs'); legs: legRotations'
 * result for the same spec; palms: { Left, Right } each palm's normal at bind (body coordinates). Returns
 * { deltas, curlDeg, wrists: { Left, Right } (where each wrist goes) }.
 */
export function handsOnLegRotations(bind, legs, spec, palms) {
  const S = spec.side === 'left' ? 'Left' : 'Right';
  const O = S === 'Left' ? 'Right' : 'Left';
  const outward = S === 'Left' ? 1 : -1; // the tested side's lateral direction (+X is the person's left)
  const hip = bind[`${S}UpLeg`];
  const knee = hip.clone().add(bind[`${S}Leg`].clone().sub(hip).applyQuaternion(legs[`${S}UpLeg`]));
  const ankle = knee
    .clone()
    .add(bind[`${S}Foot`].clone().sub(bind[`${S}Leg`]).applyQuaternion(legs[`${S}Leg`]));
  const shankDir = ankle.clone().sub(knee).normalize();
  const thighDir = knee.clone().sub(hip).normalize();
  // The knee's lateral side: across the thigh and shank plane, toward the tested side.
  const lateral = thighDir.clone().cross(shankDir).normalize();
  if (lateral.x * outward < 0) lateral.negate();
  const kneeHand = spec.handsOnLeg?.kneeHand === 'other' ? O : S;
  const shinHand = kneeHand === S ? O : S;
  // Each hand holds the leg from its own side: the tested side's hand on the lateral face, the other on the medial.
  const facing = (A) => (A === S ? lateral.clone() : lateral.clone().negate());
  const shinAt = spec.handsOnLeg?.shinAt ?? 0.2;
  // Where each palm touches the leg, and the leg's outward normal there. The shin's front faces the way the thigh
  // points (up, toward an overhead camera) whatever the rotation; the shin hand sits on it, toward its own side.
  // The fingers lie on the leg: the knee hand's point down the shank, the shin hand's across the shin, wrapping it.
  const grips = {
    [kneeHand]: { at: knee.clone(), normal: facing(kneeHand), fingers: shankDir.clone() },
    [shinHand]: {
      at: knee.clone().addScaledVector(shankDir, shinAt * bind[`${S}Foot`].distanceTo(bind[`${S}Leg`])),
      normal: thighDir.clone().multiplyScalar(0.7).addScaledVector(facing(shinHand), 0.7).normalize(),
      fingers: facing(shinHand).negate(),
    },
  };
  for (const g of Object.values(grips)) {
    g.palm = g.at.clone().addScaledVector(g.normal, GRIP_OFFSET_M);
    g.along = g.fingers.addScaledVector(g.normal, -g.fingers.dot(g.normal)).normalize();
    g.wrist = g.palm.clone().addScaledVector(g.along, -PALM_FROM_WRIST_M);
  }

  const pivot = bind.Spine;
  const lengths = (A) => ({
    upper: bind[`${A}ForeArm`].distanceTo(bind[`${A}Arm`]),
    fore: bind[`${A}Hand`].distanceTo(bind[`${A}ForeArm`]),
  });
  const shoulderAt = (A, curl) => pivot.clone().add(bind[`${A}Arm`].clone().sub(pivot).applyQuaternion(curl));
  let curlDeg = 0;
  let curl = new Quaternion();
  for (; ; curlDeg += CURL_STEP_DEG) {
    curl = new Quaternion().setFromAxisAngle(v(1, 0, 0), curlDeg * DEG); // +X: the trunk flexes forward
    const reached = ['Left', 'Right'].every((A) => {
      const s = shoulderAt(A, curl);
      const { upper, fore } = lengths(A);
      return s.distanceTo(grips[A].wrist) <= 0.97 * (upper + fore);
    });
    if (reached || curlDeg >= MAX_CURL_DEG) break;
  }
  const deltas = { Spine: curl };
  const wrists = {};
  for (const A of ['Left', 'Right']) {
    const { upper, fore } = lengths(A);
    const s = shoulderAt(A, curl);
    const { along, wrist } = grips[A];
    const toW = wrist.clone().sub(s);
    const d = Math.min(Math.max(toW.length(), Math.abs(upper - fore) + 1e-3), upper + fore - 1e-3);
    const dir = toW.normalize();
    // Elbow out to the arm's own side and down toward the table (−Z is posterior, the table when supine).
    const pole = v(A === 'Left' ? 1 : -1, 0, -0.6);
    const n = pole.addScaledVector(dir, -pole.dot(dir)).normalize();
    const cosA = (upper * upper + d * d - fore * fore) / (2 * upper * d);
    const sinA = Math.sqrt(Math.max(0, 1 - cosA * cosA));
    const elbow = s
      .clone()
      .addScaledVector(dir, upper * cosA)
      .addScaledVector(n, upper * sinA);
    wrists[A] = s.clone().addScaledVector(dir, d);
    const bindUpper = bind[`${A}ForeArm`].clone().sub(bind[`${A}Arm`]).normalize();
    const bindFore = bind[`${A}Hand`].clone().sub(bind[`${A}ForeArm`]).normalize();
    const foreDir = wrists[A].clone().sub(elbow).normalize();
    deltas[`${A}Arm`] = new Quaternion().setFromUnitVectors(bindUpper, elbow.clone().sub(s).normalize());
    // The hand's bind direction is the forearm's (both bodies' hands lie straight on the forearm at bind).
    const palmTo = grips[A].normal.clone().negate();
    const handQ = withTwist(new Quaternion().setFromUnitVectors(bindFore, along), along, palms[A], palmTo);
    deltas[`${A}ForeArm`] = withTwist(
      new Quaternion().setFromUnitVectors(bindFore, foreDir),
      foreDir,
      palms[A],
      palms[A].clone().applyQuaternion(handQ),
    );
    deltas[`${A}Hand`] = handQ;
  }
  return { deltas, curlDeg, wrists };
}
