// `goniocam measure`: still images (a fixture manifest's cases, or one image) through each test's one
// pipeline: its model and frame turn, then its still() reading (pipeline/pipelines.ts), so the CLI's still
// numbers are the app's. Node only.
import { extname } from 'node:path';
import { createNodeEstimator } from '../lib/pose/node/create_node_estimator';
import { FALLBACK_MODEL } from '../lib/pose/fallback_estimator';
import { decodeImageFile, imageToTensor } from '../lib/pose/node/decode_image';
import type { StillResult, StillTest } from '../lib/pipeline/measure_still';
import { pipelineFor, type TestPipeline } from '../lib/pipeline/pipelines';
import type { HipMethod, ModelId, Side } from '../lib/types';
import type { PoseEstimator } from '../lib/pose/estimator';
import { KneeMaskEstimator } from '../lib/pose/knee_mask_estimator';
import { caseFile, type FixtureCase } from './manifest';
import type { FrameRotation } from '../lib/pose/rotation';

/** A standing frame ('stand' in the fixture manifests) is read as the squat's still: the knee's FPPA. */
export function stillPipeline(test: StillTest): TestPipeline {
  return pipelineFor(test === 'stand' ? 'squat' : test);
}

export interface CaseResult extends StillResult {
  readonly id: string;
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** The fallback model, when the case's model found no person and it read the still (FALLBACK_MODEL). */
  readonly readBy?: ModelId;
  /** The tested knee was scored too low by the model and counted because the person mask confirmed it (TEST_KNEE_MASK). */
  readonly kneeByMask?: true;
}

export interface MeasureOptions {
  /** A model for every case, or 'per-test': the model the app uses for each case's test (its pipeline's). */
  readonly model: ModelId | 'per-test';
  readonly method?: HipMethod;
  /** How far frames are turned for the model; default 'per-test': each test's camera view (its pipeline's). */
  readonly rotation?: FrameRotation | 'per-test';
}

/**
 * Measure still-image cases, one estimator per model and frame rotation: each image is its own frame (tracking
 * reset between).
 */
export async function measureCases(
  cases: readonly Pick<FixtureCase, 'id' | 'file' | 'test' | 'side'>[],
  dir: string,
  opts: MeasureOptions,
): Promise<CaseResult[]> {
  const estimators = new Map<string, PoseEstimator>();
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const pipeline = stillPipeline(c.test);
      const model = opts.model === 'per-test' ? pipeline.model : opts.model;
      const rotation =
        opts.rotation === undefined || opts.rotation === 'per-test' ? pipeline.rotation : opts.rotation;
      const key = `${model}@${rotation}@${pipeline.kneeMask}`;
      let estimator = estimators.get(key);
      if (!estimator) {
        // As the app: a second model reads the still when the test's model finds no person in it, and the
        // test's second look at a low-scored knee (TEST_KNEE_MASK).
        estimator = await createNodeEstimator(model, {
          smoothing: false,
          rotation,
          fallback: FALLBACK_MODEL[model],
          kneeMask: pipeline.kneeMask,
        });
        estimators.set(key, estimator);
      }
      results.push({
        id: c.id,
        model,
        rotation,
        ...(await measureOne(estimator, dir, c.file, pipeline, c.side, opts)),
      });
    }
  } finally {
    for (const e of estimators.values()) e.dispose();
  }
  return results;
}

async function measureOne(
  estimator: PoseEstimator,
  dir: string,
  file: string,
  pipeline: TestPipeline,
  side: Side,
  opts: MeasureOptions,
): Promise<StillResult & { readBy?: ModelId; kneeByMask?: true }> {
  const refuse = (reason: string): StillResult => ({
    measurable: false,
    hipRotationDeg: null,
    fppaDeg: null,
    confidence: 0,
    reason,
    method: null,
  });
  let path: string;
  try {
    path = caseFile(dir, file);
  } catch (err) {
    return refuse(err instanceof Error ? err.message : String(err));
  }
  if (!['.png', '.jpg', '.jpeg'].includes(extname(path).toLowerCase())) {
    return refuse(`${extname(path)} files are not measured by the CLI yet (stills: .png, .jpg)`);
  }
  let tensor;
  try {
    tensor = imageToTensor(await decodeImageFile(path));
  } catch (err) {
    return refuse(`can't read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    estimator.reset();
    const pose = await estimator.estimate(tensor, 0);
    const still =
      pipeline.test === 'squat' ? pipeline.still(pose, side) : pipeline.still(pose, side, opts.method);
    const byMask = estimator instanceof KneeMaskEstimator && estimator.lastConfirmed.includes(side);
    return {
      ...still,
      ...(pose && pose.model !== estimator.info.model ? { readBy: pose.model } : {}),
      ...(byMask && still.measurable ? { kneeByMask: true as const } : {}),
    };
  } finally {
    tensor.dispose();
  }
}
