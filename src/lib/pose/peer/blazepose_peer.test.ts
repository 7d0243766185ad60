// Peer check: our BlazePose (tfjs runtime, the files in models/) on the pose-detection library's own
// test image must land within the peer's tolerance of the landmarks its tests expect
// (test-fixtures/peer-tfjs-models, from tfjs-models pose-detection/test_data).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEG_JOINTS, type JointName, type Pose } from '../../types';
import { createNodeEstimator } from '../node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../node/decode_image';
import type { PoseEstimator } from '../estimator';

const DIR = new URL('../../../../test-fixtures/peer-tfjs-models/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(`${DIR}pose.expected.json`, 'utf8')) as {
  tolerancePx: number;
  toleranceWorldM: number;
  keypoints: { name: JointName; x: number; y: number }[];
  keypoints3D: { name: JointName; x: number; y: number; z: number }[];
};

function errorsPx(pose: Pose) {
  return expected.keypoints.map((k) => {
    const j = pose.joints[k.name];
    return { name: k.name, px: j ? Math.hypot(j.x - k.x, j.y - k.y) : Infinity };
  });
}

describe.each(['blazepose-full', 'blazepose-lite'] as const)('%s on the peer image pose.jpg', (model) => {
  let estimator: PoseEstimator;
  let pose: Pose | null = null;

  beforeAll(async () => {
    estimator = await createNodeEstimator(model, { smoothing: false });
    const tensor = imageToTensor(await decodeImageFile(`${DIR}pose.jpg`));
    try {
      pose = await estimator.estimate(tensor, 0);
    } finally {
      tensor.dispose();
    }
  });
  afterAll(() => estimator?.dispose());

  it(`finds hips, knees and ankles within the peer's ${expected.tolerancePx} px`, () => {
    expect(pose).not.toBeNull();
    const errs = errorsPx(pose!);
    const legs = errs.filter((e) => (LEG_JOINTS as readonly string[]).includes(e.name));
    expect(legs).toHaveLength(6);
    for (const e of legs) expect(e.px, e.name).toBeLessThanOrEqual(expected.tolerancePx);
  });

  it(`finds all 33 landmarks within the peer's ${expected.tolerancePx} px`, () => {
    const errs = errorsPx(pose!);
    const worst = errs.reduce((a, b) => (b.px > a.px ? b : a));
    expect(worst.px, `worst: ${worst.name}`).toBeLessThanOrEqual(expected.tolerancePx);
  });

  it(`puts the leg world landmarks within the peer's ${expected.toleranceWorldM} m`, () => {
    const world = pose!.world!;
    expect(world).toBeDefined();
    for (const k of expected.keypoints3D.filter((k) => (LEG_JOINTS as readonly string[]).includes(k.name))) {
      const w = world[k.name]!;
      expect(Math.hypot(w.x - k.x, w.y - k.y, w.z - k.z), k.name).toBeLessThanOrEqual(
        expected.toleranceWorldM,
      );
    }
  });
});
