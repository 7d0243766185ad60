// The render rig page: loads a rigged body (bodies.mjs: MakeHuman or one of the Quaternius people), poses it for a
// case, renders one frame and reports the ground truth it applied (joint centres projected through the real camera).
import * as THREE from 'three';
import { loadBody, poseBones } from './bodies.mjs';
import {
  bodyToWorld,
  handsOnLegRotations,
  compensationRotations,
  legRotations,
  tiltedDeltas,
  overheadArmRotations,
  perturbCamera,
} from './pose_body.mjs';

const TRUTH_JOINTS = {
  left_hip: 'LeftUpLeg',
  right_hip: 'RightUpLeg',
  left_knee: 'LeftLeg',
  right_knee: 'RightLeg',
  left_ankle: 'LeftFoot',
  right_ankle: 'RightFoot',
  left_shoulder: 'LeftArm',
  right_shoulder: 'RightArm',
  left_foot_index: 'LeftToeBase',
  right_foot_index: 'RightToeBase',
};

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
document.body.append(renderer.domElement);
/** The body of the case being rendered (spec.body, default MakeHuman), and its ankles standing upright. */
let current;
const standingAnklesOf = new Map();

const body = new THREE.Group(); // body coordinates → world
const scene = new THREE.Scene();
scene.add(body);
const hemi = new THREE.HemisphereLight(0xffffff, 0x444444, 1.5);
const sun = new THREE.DirectionalLight(0xffffff, 2);
scene.add(hemi, sun);
const props = new THREE.Group();
scene.add(props);

function pose(spec) {
  // Bones are posed in body coordinates (the body upright at scale 1), then the body is laid and scaled.
  body.quaternion.identity();
  body.scale.setScalar(1);
  body.position.set(0, 0, 0);
  body.updateMatrixWorld(true);
  current.setBuild(spec.build);
  // A compensating trial's trunk (or, for a pelvis that turns, the trunk and untested leg held where they were) is
  // posed first: parents before children.
  const compensation = compensationRotations(current.bind, spec);
  const deltas = { ...compensation.deltas };
  if (spec.test === 'squat') {
    deltas.Spine = new THREE.Quaternion().setFromAxisAngle(
      new THREE.Vector3(1, 0, 0),
      (spec.squat.trunkLeanDeg ?? 20) * (Math.PI / 180),
    );
  }
  const legs = legRotations(current.bind, spec);
  let hands = null;
  if (spec.handsOnLeg && spec.test === 'supine') {
    // Hands on the tested leg (supine): the spine curl and the arms come from the posed leg; the leg is untouched.
    hands = handsOnLegRotations(current.bind, legs, spec, current.palms);
    Object.assign(deltas, hands.deltas);
  } else if (spec.armsDownDeg) {
    // Arms lowered from the T-pose to the sides (the Quaternius people are bound in a T-pose; no one sits for a
    // hip test with the arms out).
    const a = spec.armsDownDeg * (Math.PI / 180);
    deltas.LeftArm = new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 0, 1), -a);
    deltas.RightArm = new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 0, 1), a);
  }
  if (spec.arms === 'overhead') {
    // The overhead squat assessment: arms straight up, in line with the trunk's forward lean.
    Object.assign(deltas, overheadArmRotations(current.bind, { forwardDeg: spec.squat?.trunkLeanDeg ?? 0 }));
  }
  Object.assign(deltas, legs);
  // A pelvis that turns: the whole body turns, every posed bone turned back (pose_body.mjs compensationRotations).
  poseBones(current, tiltedDeltas(deltas, compensation.tilt));
  body.quaternion.copy(bodyToWorld(spec.test));
  body.scale.setScalar(spec.bodyScale ?? 1);
  // The pelvis turned about the hip that stays down (compensationRotations): move the body to keep that hip put.
  body.position.copy(
    compensation.shiftM.applyQuaternion(body.quaternion).multiplyScalar(spec.bodyScale ?? 1),
  );
  if (compensation.tilt) body.quaternion.multiply(compensation.tilt);
  body.updateMatrixWorld(true);
  if (spec.squat?.planted) {
    // Feet planted (squat clips): the hips stay put in body coordinates while the legs bend, so move the whole
    // body to keep the ankles where they stand upright; the hips then sink (and go back) as in a real squat.
    body.position.copy(
      standingAnklesOf
        .get(current.id + current.build)
        .clone()
        .multiplyScalar(spec.bodyScale ?? 1)
        .sub(ankleMid()),
    );
    body.updateMatrixWorld(true);
  }
  return hands;
}

function ankleMid() {
  return jointWorld('LeftFoot').add(jointWorld('RightFoot')).multiplyScalar(0.5);
}

function jointWorld(name) {
  return current.joint(name).getWorldPosition(new THREE.Vector3());
}

/** Switch to the case's body and build; remember its ankles' midpoint standing upright (squat pose at 0°, body
 * scale 1): where a planted squat keeps them. */
async function useBody(spec) {
  current = await loadBody(spec.body ?? 'makehuman');
  if (current.scene.parent !== body) {
    body.clear();
    body.add(current.scene);
  }
  // The build's bind joints and rotations are read in body coordinates: the body upright, at scale 1.
  body.quaternion.identity();
  body.scale.setScalar(1);
  body.position.set(0, 0, 0);
  body.updateMatrixWorld(true);
  current.setBuild(spec.build);
  const key = current.id + current.build;
  if (!standingAnklesOf.has(key)) {
    pose({ test: 'squat', build: spec.build, squat: { hipFlexDeg: 0, trunkLeanDeg: 0 } });
    standingAnklesOf.set(key, ankleMid());
  }
}

/** Ground and furniture under the posed body, so the scene reads as a real test. */
function stage(spec) {
  props.clear();
  const lowest = Math.min(
    ...['LeftFoot', 'RightFoot', 'LeftToeBase', 'RightToeBase', 'Hips', 'Head'].map((n) => jointWorld(n).y),
  );
  const mat = (c) => new THREE.MeshStandardMaterial({ color: new THREE.Color(...c), roughness: 0.9 });
  let floorY = lowest - 0.05;
  const hip = jointWorld('Hips');
  if (spec.test === 'seated') {
    const benchTop = jointWorld('LeftUpLeg').y - 0.09;
    floorY = Math.min(jointWorld('LeftFoot').y, jointWorld('RightFoot').y) - 0.25; // feet off the floor
    // spec.seat.widthM: a narrower seat (a stool) for a leg abducted beside it (rig_look.mjs RECORDING_SEAT).
    const bench = new THREE.Mesh(
      new THREE.BoxGeometry(spec.seat?.widthM ?? 0.9, benchTop - floorY, 0.5),
      mat(spec.scene.furniture),
    );
    bench.position.set(0, (benchTop + floorY) / 2, hip.z + 0.05);
    props.add(bench);
  } else if (spec.test === 'supine' || spec.test === 'prone') {
    const top = hip.y - 0.11;
    floorY = top - 0.6;
    const plinth = new THREE.Mesh(new THREE.BoxGeometry(0.8, top - floorY, 2.2), mat(spec.scene.furniture));
    plinth.position.set(0, (top + floorY) / 2, hip.z + (spec.test === 'supine' ? -0.25 : 0.25));
    props.add(plinth);
  } else {
    floorY = Math.min(jointWorld('LeftFoot').y, jointWorld('RightFoot').y) - 0.075;
  }
  const floor = new THREE.Mesh(new THREE.PlaneGeometry(30, 30), mat(spec.scene.floor));
  floor.rotation.x = -Math.PI / 2;
  floor.position.y = floorY;
  props.add(floor);
  scene.background = new THREE.Color(...spec.scene.background);
  hemi.intensity = spec.scene.ambient;
  sun.intensity = spec.scene.sun;
  sun.position.set(...spec.scene.sunDir);
}

/** How far each raised prone camera looks down (see placeCamera); spec.camera.tiltDeg overrides it. */
const PRONE_TILT_DEG = { 'prone-foot-end': 20, 'prone-head-end': 40 };

/** The recommended placement for a test, in body coordinates around the knees, then into the world. */
function placeCamera(spec) {
  const toWorld = (p) => p.clone().applyQuaternion(body.quaternion);
  const kneeMid = jointWorld('LeftLeg').add(jointWorld('RightLeg')).multiplyScalar(0.5);
  const hipMid = jointWorld('LeftUpLeg').add(jointWorld('RightUpLeg')).multiplyScalar(0.5);
  const d = spec.camera.distanceM;
  const tilt = (spec.camera.tiltDeg ?? PRONE_TILT_DEG[spec.camera.placement] ?? 20) * (Math.PI / 180);
  const [cosT, sinT] = [Math.cos(tilt), Math.sin(tilt)];
  const P = {
    'seated-front': { at: kneeMid, eye: [0, -0.1, d], look: [0, -0.2, 0], up: [0, 1, 0] },
    // Prone (body −Y is the feet, −Z the ceiling), the old placement: a phone at the foot end, raised and
    // tilted down ~20° at the thighs (0.3 m head-ward of the knees), so the whole body on the table is in view:
    // 0.7–1.0 m above the knees for 2–3 m. Level with the table, its end face and the feet hide the legs.
    'prone-foot-end': { at: kneeMid, eye: [0, 0.3 - d * cosT, -d * sinT], look: [0, 0.3, 0], up: [0, 0, -1] },
    // Prone from the head end (the app's placement): raised beyond the head, looking down 40° toward the feet at
    // the thighs (1.3–1.9 m above them for 2–3 m), so the plane the shank swings in is seen face-on again, with
    // the trunk in front of the legs. The person is upside down in the picture; the app turns it for the model.
    'prone-head-end': { at: kneeMid, eye: [0, 0.3 + d * cosT, -d * sinT], look: [0, 0.3, 0], up: [0, 0, -1] },
    // Prone from overhead: straight down over the thighs (the ceiling is −Z), the head at the top of the picture.
    // Yaw here tilts the camera sideways about the body's long axis, which turns the upright shank in the picture
    // one for one with θ (scripts/prone-views.ts).
    'prone-overhead': { at: kneeMid, eye: [0, 0.4, -d], look: [0, 0.4, 0], up: [0, 1, 0] },
    'supine-overhead': { at: kneeMid, eye: [0, -0.15, d], look: [0, -0.15, 0], up: [0, 1, 0] },
    'supine-foot-end': { at: kneeMid, eye: [0, -d, 0.35], look: [0, 0, 0], up: [0, 0, 1] },
    'seated-side': { at: kneeMid, eye: [d, -0.1, 0.2], look: [0, -0.2, 0.2], up: [0, 1, 0] },
    'squat-front': { at: hipMid, eye: [0, -0.35, d], look: [0, -0.4, 0], up: [0, 1, 0] },
    // Squat clips: the squat-front camera fixed in the room (with squat.planted the hips sink through the
    // picture), level at the standing hip height and aimed just below it, so the whole body stays in view.
    'squat-front-fixed': {
      at: hipMid.clone().sub(body.position),
      eye: [0, 0, d],
      look: [0, -0.05, 0],
      up: [0, 1, 0],
    },
  }[spec.camera.placement];
  const target = P.at.clone().add(toWorld(new THREE.Vector3(...P.look)));
  const eye = P.at.clone().add(toWorld(new THREE.Vector3(...P.eye)));
  const up = toWorld(new THREE.Vector3(...P.up));
  const { position, up: camUp } = perturbCamera(eye, target, up, spec.camera);
  const cam = new THREE.PerspectiveCamera(spec.camera.fovDeg ?? 45, spec.width / spec.height, 0.05, 50);
  cam.position.copy(position);
  cam.up.copy(camUp);
  cam.lookAt(target); // camUp already carries the roll, so lookAt keeps it
  cam.updateMatrixWorld(true);
  return cam;
}

window.renderCase = async (spec) => {
  await useBody(spec);
  current.dress(spec.outfit);
  // A recording's camera stays put while the body moves: aim it as for this side's neutral pose (the tested knee
  // stays put under rotation anyway, but the untested leg moving out of the way would drag the knees' midpoint).
  let cam;
  if (spec.camera.aimAtNeutral) {
    pose({ ...spec, thetaDeg: 0, otherLeg: undefined, compensation: undefined });
    cam = placeCamera(spec);
  }
  // The seat or table stays where it was under a body that compensates (the pelvis turns about the hip on it).
  if (spec.compensation) {
    pose({ ...spec, compensation: undefined });
    stage(spec);
  }
  const hands = pose(spec);
  if (!spec.compensation) stage(spec);
  cam ??= placeCamera(spec);
  renderer.setSize(spec.width, spec.height, false);
  renderer.render(scene, cam);
  const project = (p) => {
    const n = p.clone().project(cam);
    return [((n.x + 1) / 2) * spec.width, ((1 - n.y) / 2) * spec.height];
  };
  const joints2d = {};
  const joints3dM = {};
  // Joint centres in body coordinates (metres, the person facing +Z, their left +X, up +Y): the truth of what a
  // square-on frontal view shows, whatever the camera's turn (knee-in truth, recording_truth.mjs).
  const jointsBodyM = {};
  // With hands on the leg, the wrists too (where the hands cover the knee and shank); other cases' truth unchanged.
  const truthJoints = hands
    ? { ...TRUTH_JOINTS, left_wrist: 'LeftHand', right_wrist: 'RightHand' }
    : TRUTH_JOINTS;
  for (const [name, bone] of Object.entries(truthJoints)) {
    const w = jointWorld(bone);
    joints2d[name] = project(w).map((x) => Math.round(x * 100) / 100);
    const c = w.clone().applyMatrix4(cam.matrixWorldInverse); // camera frame: x right, y up, z toward viewer
    joints3dM[name] = [c.x, -c.y, -c.z].map((x) => Math.round(x * 10000) / 10000); // → x right, y down, z forward
    const b = body.worldToLocal(w.clone());
    jointsBodyM[name] = [b.x, b.y, b.z].map((x) => Math.round(x * 10000) / 10000);
  }
  const png = renderer.domElement.toDataURL('image/png').split(',')[1];
  return { png, joints2d, joints3dM, jointsBodyM, ...(hands ? { trunkCurlDeg: hands.curlDeg } : {}) };
};
await useBody({});
window.rigReady = true;
