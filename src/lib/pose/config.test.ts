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
  });
});
