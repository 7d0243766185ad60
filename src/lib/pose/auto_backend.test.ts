import { describe, expect, it } from 'vitest';
import type { Pose } from '../types';
import { AutoBackendEstimator } from './auto_backend';
import type { PoseEstimator } from './estimator';
import type { TfjsBackend } from './tfjs_backend';

/** A stand-in estimator whose "inference time" is given: the unit under test is the choice, not a model. */
function fake(backend: TfjsBackend, ms: number, log: string[]): PoseEstimator {
  return {
    info: { model: 'movenet-lightning', backend, runtime: 'tfjs', backendReason: '' },
    lastModelMs: ms,
    async estimate(_f, tMs): Promise<Pose> {
      log.push(`${backend}@${tMs}`);
      return { tMs, width: 1, height: 1, joints: {}, score: 1, model: 'movenet-lightning' };
    },
    reset() {},
    dispose() {
      log.push(`dispose ${backend}`);
    },
  };
}

describe('AutoBackendEstimator', () => {
  it('measures each backend on the first frame, keeps the faster, disposes the other', async () => {
    const log: string[] = [];
    const chosen: string[] = [];
    const auto = new AutoBackendEstimator(
      async (b) => fake(b, b === 'webgl' ? 12 : 27, log),
      ['webgl', 'wasm'],
    ).onChosen(async (b) => void chosen.push(b));
    const pose = await auto.estimate({} as never, 100);
    expect(pose?.tMs).toBe(100);
    expect(log).toContain('dispose wasm');
    expect(log).not.toContain('dispose webgl');
    expect(chosen).toEqual(['webgl']);
    expect(auto.info.backend).toBe('webgl');
    expect(auto.info.backendReason).toBe('auto: webgl 12 ms vs wasm 27 ms → webgl');
    log.length = 0;
    await auto.estimate({} as never, 133);
    expect(log).toEqual(['webgl@133']);
  });

  it('keeps wasm when the GPU is slower', async () => {
    const log: string[] = [];
    const auto = new AutoBackendEstimator(
      async (b) => fake(b, b === 'webgl' ? 240 : 27, log),
      ['webgl', 'wasm'],
    );
    await auto.estimate({} as never, 0);
    expect(auto.info.backend).toBe('wasm');
    expect(log).toContain('dispose webgl');
  });
});
