import { extname } from 'node:path';
import { createNodeEstimator } from '../lib/pose/node/create_node_estimator';
import { decodeImageFile, imageToTensor } from '../lib/pose/node/decode_image';
import { measureStill, type StillResult, type StillTest } from '../lib/pipeline/measure_still';
import type { HipMethod } from '../lib/geometry';
import type { ModelId, Side } from '../lib/types';
import type { PoseEstimator } from '../lib/pose/estimator';
import { caseFile, type FixtureCase } from './manifest';

export interface CaseResult extends StillResult {
  readonly id: string;
}

export interface MeasureOptions {
  readonly model: ModelId;
  readonly method?: HipMethod;
}

/** Measure still-image cases with one estimator: each image is its own frame (tracking reset between). */
export async function measureCases(
  cases: readonly Pick<FixtureCase, 'id' | 'file' | 'test' | 'side'>[],
  dir: string,
  opts: MeasureOptions,
): Promise<CaseResult[]> {
  const estimator: PoseEstimator = await createNodeEstimator(opts.model, { smoothing: false });
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      results.push({ id: c.id, ...(await measureOne(estimator, dir, c.file, c.test, c.side, opts)) });
    }
  } finally {
    estimator.dispose();
  }
  return results;
}

async function measureOne(
  estimator: PoseEstimator,
  dir: string,
  file: string,
  test: StillTest,
  side: Side,
  opts: MeasureOptions,
): Promise<StillResult> {
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
    return measureStill(pose, test, side, opts.method ? { method: opts.method } : {});
  } finally {
    tensor.dispose();
  }
}
