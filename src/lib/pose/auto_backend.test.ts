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
    lastTurnMs: 0,
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

  it('rejects a second frame while the trial runs, so no trial or model load happens twice', async () => {
    const log: string[] = [];
    let made = 0;
    const auto = new AutoBackendEstimator(
      async (b) => {
        made++;
        return fake(b, 10, log);
      },
      ['webgl', 'wasm'],
    );
    const first = auto.estimate({} as never, 0);
    await expect(auto.estimate({} as never, 33)).rejects.toThrow(/trial is still running/);
    expect((await first)?.tMs).toBe(0);
    expect(made).toBe(2);
    expect(auto.trials.map((t) => t.backend)).toEqual(['webgl', 'wasm']);
  });

  it('falls back to the other backend when one cannot start, and says so', async () => {
    const log: string[] = [];
    const auto = new AutoBackendEstimator(
      async (b) => {
        if (b === 'webgl') throw new Error('WebGL context lost');
        return fake(b, 27, log);
      },
      ['webgl', 'wasm'],
    );
    expect((await auto.estimate({} as never, 0))?.tMs).toBe(0);
    expect(auto.info.backend).toBe('wasm');
    expect(auto.info.backendReason).toBe('auto: wasm 27 ms vs webgl failed → wasm');
  });

  it('disposes a candidate that fails while running and rethrows when every backend fails', async () => {
    const log: string[] = [];
    const broken = (b: 'webgl' | 'wasm'): PoseEstimator => ({
      ...fake(b, 1, log),
      estimate: () => Promise.reject(new Error(`${b} kernel missing`)),
    });
    const auto = new AutoBackendEstimator(async (b) => broken(b), ['webgl', 'wasm']);
    await expect(auto.estimate({} as never, 0)).rejects.toThrow('wasm kernel missing');
    expect(log).toEqual(['dispose webgl', 'dispose wasm']);
  });

  it('disposes the winner when disposed during the trial', async () => {
    const log: string[] = [];
    const auto = new AutoBackendEstimator(
      async (b) => fake(b, b === 'webgl' ? 12 : 27, log),
      ['webgl', 'wasm'],
    );
    const pending = auto.estimate({} as never, 0);
    auto.dispose();
    expect(await pending).toBeNull();
    expect(log).toContain('dispose webgl');
    expect(log).toContain('dispose wasm');
  });
});
