import { describe, expect, it } from 'vitest';
import { validateEstimatorConfig, type EstimatorConfig } from './config';

const ok: EstimatorConfig = { model: 'movenet-lightning', backend: 'auto', baseUrl: '/' };

describe('validateEstimatorConfig', () => {
  it('accepts a good config', () => {
    expect(validateEstimatorConfig(ok)).toBe(ok);
  });

  it('names the bad value', () => {
    expect(() => validateEstimatorConfig({ ...ok, model: 'posenet' as never })).toThrow(/"posenet"/);
    expect(() => validateEstimatorConfig({ ...ok, backend: 'cuda' as never })).toThrow(/"cuda"/);
    expect(() => validateEstimatorConfig({ ...ok, baseUrl: '/app' })).toThrow(/"\/app"/);
    expect(() => validateEstimatorConfig({ ...ok, smoothing: { beta: -1 } })).toThrow(/smoothing\.beta.*-1/);
    expect(() => validateEstimatorConfig({ ...ok, rotation: 90 as never })).toThrow(/rotation 90/);
    expect(() => validateEstimatorConfig({ ...ok, rotation: '180' as never })).toThrow(/rotation "180"/);
  });

  it('accepts the frame rotations 0 and 180', () => {
    for (const rotation of [0, 180] as const)
      expect(validateEstimatorConfig({ ...ok, rotation }).rotation).toBe(rotation);
  });
});
