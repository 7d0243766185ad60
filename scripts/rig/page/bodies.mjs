// The rig's bodies (browser side): each rigged glTF person mapped onto the rig's joint names, so the posing in
// rig.mjs is the same for all of them. A body's bind rotations need not be identity (Quaternius' are not), so
// posing works with world rotations relative to bind (see poseBones). Build is varied without breaking the truth:
// bone lengths by moving a child bone along its parent (the skin stretches with it), girth by pushing the skin
// out along smoothed normals; both before the bind joints are read, so the applied rotation stays the truth.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

/** Rig joint name → the body's bone (three.js strips dots: `UpperLeg.L` → `UpperLegL`). */
const MAKEHUMAN_BONES = Object.fromEntries(
  [
    'Hips',
    'Spine',
    'Neck',
    'Head',
    'LeftUpLeg',
    'LeftLeg',
    'LeftFoot',
    'LeftToeBase',
    'RightUpLeg',
    'RightLeg',
    'RightFoot',
    'RightToeBase',
    'LeftArm',
    'RightArm',
    'LeftForeArm',
    'RightForeArm',
    'LeftHand',
    'RightHand',
  ].map((n) => [n, n]),
);
const QUATERNIUS_BONES = {
  Hips: 'Hips',
  Spine: 'Abdomen',
  Neck: 'Neck',
  Head: 'Head',
  LeftUpLeg: 'UpperLegL',
  LeftLeg: 'LowerLegL',
  LeftFoot: 'FootL',
  RightUpLeg: 'UpperLegR',
  RightLeg: 'LowerLegR',
  RightFoot: 'FootR',
  LeftArm: 'UpperArmL',
  RightArm: 'UpperArmR',
  LeftForeArm: 'LowerArmL',
  RightForeArm: 'LowerArmR',
  LeftHand: 'HandL',
  RightHand: 'HandR',
};

const Q = '/shared-bodies/quaternius-modular/';
const QUATERNIUS_PEOPLE = [
  'men-Adventurer',
  'men-Beach',
  'men-Casual',
  'men-Casual2',
  'men-Farmer',
  'men-King',
  'men-Punk',
  'men-Spacesuit',
  'men-Suit',
  'men-Swat',
  'men-Worker',
  'women-Casual',
  'women-Formal',
  'women-Medieval',
  'women-Punk',
  'women-SciFi',
  'women-Soldier',
  'women-Suit',
  'women-Witch',
  'women-Worker',
];

/** Every body the rig can render, by id (the ids manifests record). */
export const BODIES = {
  // leftPalmAtBind: the left palm's normal at bind (the right one mirrored), for posing hands that hold something
  // (pose_body.mjs handsOnLegRotations): MakeHuman's A-pose palms face the thighs.
  makehuman: {
    url: '/test-fixtures/synth/assets/makehuman.glb',
    bones: MAKEHUMAN_BONES,
    colours: 'vertex',
    leftPalmAtBind: [-1, 0, 0],
  },
  ...Object.fromEntries(
    QUATERNIUS_PEOPLE.map((p) => [
      `q-${p}`,
      {
        url: `${Q}${p}.glb`,
        bones: QUATERNIUS_BONES,
        colours: 'materials',
        // Quaternius' Foot bone starts at the sole, not the ankle: the ankle truth is the point on the shank's line
        // this far above it (the malleoli of a ≈1.8 m adult), and the toe is the foot bone's end (the women's files
        // have no end bone; theirs is placed as the men's, 0.18 m ahead of the foot bone in bind).
        ankleAboveFootM: 0.075,
        toeAheadM: 0.177,
        // T-pose, palms down (thumbs forward, the pinkies behind).
        leftPalmAtBind: [0, -1, 0],
      },
    ]),
  ),
};

const loaded = new Map();

/** Load (once) and return a body: { scene, bones, joints, dress, setBuild, bind, bindWorldQ }. */
export async function loadBody(id) {
  if (loaded.has(id)) return loaded.get(id);
  const def = BODIES[id];
  if (!def) throw new Error(`unknown rig body "${id}" (known: ${Object.keys(BODIES).join(', ')})`);
  const gltf = await new GLTFLoader().loadAsync(def.url);
  const scene = gltf.scene;
  scene.updateMatrixWorld(true);
  const bones = {};
  for (const [rigName, boneName] of Object.entries(def.bones)) {
    const b = scene.getObjectByName(boneName);
    if (!b) throw new Error(`body ${id}: no bone "${boneName}" for ${rigName}`);
    bones[rigName] = b;
  }
  // Joint centres that are not bone heads: a virtual ankle on the shank, a virtual toe on the foot.
  const joints = {};
  for (const S of ['Left', 'Right']) {
    if (def.ankleAboveFootM !== undefined) {
      const leg = bones[`${S}Leg`];
      const footLocal = bones[`${S}Foot`].position.clone(); // in the shank's space: knee → sole along its line
      const ankle = new THREE.Object3D();
      ankle.name = `rig-ankle-${S}`;
      const kneeW = leg.getWorldPosition(new THREE.Vector3());
      const footW = bones[`${S}Foot`].getWorldPosition(new THREE.Vector3());
      const f = 1 - def.ankleAboveFootM / kneeW.distanceTo(footW);
      ankle.position.copy(footLocal.multiplyScalar(f));
      leg.add(ankle);
      joints[`${S}Foot`] = ankle;
    }
    if (def.toeAheadM !== undefined) {
      const foot = bones[`${S}Foot`];
      let toe = scene.getObjectByName(`${def.bones[`${S}Foot`]}_end`);
      if (!toe) {
        toe = new THREE.Object3D();
        toe.name = `rig-toe-${S}`;
        const footW = foot.getWorldPosition(new THREE.Vector3());
        const target = footW.clone().add(new THREE.Vector3(0, 0, def.toeAheadM));
        toe.position.copy(foot.worldToLocal(target));
        foot.add(toe);
      }
      joints[`${S}ToeBase`] = toe;
    }
  }
  scene.updateMatrixWorld(true);
  const skeletonBones = [];
  const meshes = [];
  scene.traverse((o) => {
    if (o.isBone) skeletonBones.push(o);
    if (o.isSkinnedMesh) meshes.push(o);
    // A skinned mesh's bounds are computed once, in whatever pose it first had; the rig moves it anywhere.
    if (o.isMesh) o.frustumCulled = false;
  });
  const bindLocal = new Map(
    skeletonBones.map((b) => [b, { q: b.quaternion.clone(), p: b.position.clone() }]),
  );
  // Geometry units per metre, measured (files differ in where their 100× scale sits): the skinned mesh's extent
  // in the world at bind against its extent in its own geometry.
  const extent = (box) => box.getSize(new THREE.Vector3()).length();
  const skin = meshes.map((m) => {
    m.geometry.computeBoundingBox();
    return {
      mesh: m,
      positions: m.geometry.getAttribute('position').array.slice(),
      unitsPerM: extent(m.geometry.boundingBox) / extent(new THREE.Box3().setFromObject(m, true)),
    };
  });
  const body = {
    id,
    scene,
    bones,
    /** Where a rig joint's centre is (a bone head, or a virtual joint on the bone). */
    joint: (name) => joints[name] ?? bones[name],
    /** Every bone back to its bind rotation (positions keep the current build). */
    resetRotations() {
      for (const [b, { q }] of bindLocal) b.quaternion.copy(q);
    },
    dress: def.colours === 'vertex' ? vertexDresser(meshes[0]) : materialDresser(meshes),
    /** Each palm's normal at bind, body coordinates. */
    palms: {
      Left: new THREE.Vector3(...def.leftPalmAtBind),
      Right: new THREE.Vector3(-def.leftPalmAtBind[0], def.leftPalmAtBind[1], def.leftPalmAtBind[2]),
    },
    build: null,
    bind: null,
    bindWorldQ: null,
  };
  body.setBuild = (build) => setBuild(body, build ?? {}, bindLocal, skin);
  body.setBuild({});
  loaded.set(id, body);
  return body;
}

/**
 * Build: { thighScale, shankScale, girthM } (defaults 1, 1, 0). Moves the knee along the thigh and the foot along
 * the shank, pushes the skin out along smoothed normals, then re-reads the bind joints and rotations.
 */
function setBuild(body, build, bindLocal, skin) {
  const key = JSON.stringify(build);
  if (body.build === key) return;
  body.build = key;
  body.resetRotations();
  for (const [b, { p }] of bindLocal) b.position.copy(p);
  for (const S of ['Left', 'Right']) {
    body.bones[`${S}Leg`].position.multiplyScalar(build.thighScale ?? 1);
    body.bones[`${S}Foot`].position.multiplyScalar(build.shankScale ?? 1);
  }
  for (const { mesh, positions, unitsPerM } of skin) fatten(mesh, positions, (build.girthM ?? 0) * unitsPerM);
  body.scene.updateMatrixWorld(true);
  const names = Object.keys(body.bones);
  body.bind = Object.fromEntries(names.map((n) => [n, body.joint(n).getWorldPosition(new THREE.Vector3())]));
  for (const n of ['LeftToeBase', 'RightToeBase', 'LeftFoot', 'RightFoot'])
    body.bind[n] = body.joint(n).getWorldPosition(new THREE.Vector3());
  body.bindWorldQ = Object.fromEntries(
    names.map((n) => [n, body.bones[n].getWorldQuaternion(new THREE.Quaternion())]),
  );
}

/** Skin pushed out by `d` geometry units along normals averaged over coincident vertices (no cracks at flat-shaded
 * seams). */
function fatten(mesh, original, d) {
  const pos = mesh.geometry.getAttribute('position');
  pos.array.set(original);
  const nor = mesh.geometry.getAttribute('normal');
  if (d > 0 && nor) {
    const key = (i) =>
      `${Math.round(original[i * 3] * 1e4)},${Math.round(original[i * 3 + 1] * 1e4)},${Math.round(original[i * 3 + 2] * 1e4)}`;
    const sum = new Map();
    for (let i = 0; i < pos.count; i++) {
      const k = key(i);
      const s = sum.get(k) ?? [0, 0, 0];
      s[0] += nor.getX(i);
      s[1] += nor.getY(i);
      s[2] += nor.getZ(i);
      sum.set(k, s);
    }
    for (let i = 0; i < pos.count; i++) {
      const n = new THREE.Vector3(...sum.get(key(i))).normalize().multiplyScalar(d);
      pos.setXYZ(i, original[i * 3] + n.x, original[i * 3 + 1] + n.y, original[i * 3 + 2] + n.z);
    }
  }
  pos.needsUpdate = true;
  mesh.geometry.computeBoundingSphere();
}

/** rig.py's vertex colours (linear RGB) per region of the MakeHuman body; each outfit recolours them. */
const REGIONS = {
  skin: [0.72, 0.5, 0.38],
  shirt: [0.55, 0.08, 0.08],
  shorts: [0.08, 0.12, 0.35],
  feet: [0.95, 0.95, 0.95],
  eyes: [0.9, 0.9, 0.9],
};

function vertexDresser(mesh) {
  const col = mesh.geometry.getAttribute('color');
  const region = [];
  for (let i = 0; i < col.count; i++) {
    const c = [col.getX(i), col.getY(i), col.getZ(i)];
    let best = Infinity;
    for (const [k, ref] of Object.entries(REGIONS)) {
      const d = Math.hypot(c[0] - ref[0], c[1] - ref[1], c[2] - ref[2]);
      if (d < best) [region[i], best] = [k, d];
    }
  }
  const base = col.array.slice();
  return (outfit) => {
    for (let i = 0; i < col.count; i++) {
      const out = region[i] === 'eyes' ? base.slice(i * 3, i * 3 + 3) : outfit[region[i]];
      col.setXYZ(i, out[0], out[1], out[2]);
    }
    col.needsUpdate = true;
  };
}

/**
 * Quaternius people: materials are named, so skin and hair take the outfit's colours, and each garment mesh's
 * first clothing material takes the outfit's colour for that part (body → shirt, legs → shorts/trousers,
 * feet → shoes); the other clothing materials (belts, ties, trims) keep their own.
 */
function materialDresser(meshes) {
  const slots = [];
  for (const mesh of meshes) {
    const mats = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    const own = mats.map((m) => m.clone());
    mesh.material = Array.isArray(mesh.material) ? own : own[0];
    const part = /_Body/.test(mesh.name)
      ? 'shirt'
      : /_(Legs|Pants)/.test(mesh.name)
        ? 'shorts'
        : /_Feet/.test(mesh.name)
          ? 'feet'
          : null;
    let garmentTaken = false;
    for (const m of own) {
      let role = null;
      if (/^Skin/.test(m.name)) role = m.name === 'Skin' ? 'skin' : 'skinDark';
      else if (/Hair|Eyebrows|Moustache/.test(m.name)) role = 'hair';
      else if (part && !garmentTaken && !/^Eye/.test(m.name)) [role, garmentTaken] = [part, true];
      if (role) slots.push({ m, role, base: m.color.clone() });
    }
  }
  return (outfit) => {
    for (const { m, role, base } of slots) {
      const c =
        role === 'skinDark'
          ? outfit.skin.map((x) => x * 0.85)
          : role === 'hair'
            ? (outfit.hair ?? base.toArray())
            : outfit[role];
      m.color.setRGB(c[0], c[1], c[2], THREE.LinearSRGBColorSpace);
    }
  };
}

/**
 * Pose a body: every bone back to bind, then each rig bone given its WORLD rotation relative to bind, in body
 * coordinates (`deltas`: rig name → Quaternion, as pose_body.mjs's legRotations gives them; parents first).
 * local = parentWorld⁻¹ · delta · bindWorld, with the parent's world read after its own change.
 */
export function poseBones(body, deltas) {
  body.resetRotations();
  body.scene.updateMatrixWorld(true);
  for (const [name, delta] of Object.entries(deltas)) {
    const bone = body.bones[name];
    const parentW = bone.parent.getWorldQuaternion(new THREE.Quaternion());
    const want = delta.clone().multiply(body.bindWorldQ[name]);
    bone.quaternion.copy(parentW.invert().multiply(want));
    bone.updateMatrixWorld(true);
  }
}
