// The pipeline a feeder looks up by test id is the one the live session runs: same model, frame turn and,
// for a recording of the same movements, the same values as the guided protocol.
import { describe, expect, it } from 'vitest';
import { scriptedFrames, standardTrials } from '../../testing/scripted_person';
import { HIP_TEST_IDS } from '../types';
import type { RecordingInfo } from './analysis_types';
import { pipelineFor } from './pipelines';
import { runProtocol } from './run_protocol';
import { TEST_MODELS, TEST_ROTATION } from './test_setup';

const INFO: RecordingInfo = {
  file: 'scripted.mp4',
  model: 'blazepose-full',
  frames: 0,
  fps: 15,
  durationS: 0,
  analysisS: 0,
  width: 640,
  height: 480,
  rotationDeg: 0,
};

describe.each(HIP_TEST_IDS)('pipelineFor(%s)', (test) => {
  const p = pipelineFor(test);

  it("is the test's own pipeline", () => {
    expect(p.test).toBe(test);
    expect(p.model).toBe(TEST_MODELS[test]);
    expect(p.rotation).toBe(TEST_ROTATION[test]);
  });

  it('reads a recording of a guided test as the guided protocol does (within 0.5°)', () => {
    const frames = scriptedFrames({
      test,
      trials: standardTrials({ right: { internal: 40, external: 30 }, left: { internal: 26, external: 38 } }),
    });
    const live = runProtocol(p.guided({ firstSide: 'right', includeExternal: true }), frames).result!;
    const recorded = p.analyse(frames, INFO);
    for (const side of ['left', 'right'] as const)
      for (const dir of ['internal', 'external'] as const) {
        const a = live.sides[side]?.[dir]?.valueDeg;
        const b = recorded.outcome.result.sides[side]?.[dir]?.valueDeg;
        if (a === undefined) expect(b ?? undefined).toBeUndefined();
        else expect(Math.abs(a! - b!)).toBeLessThanOrEqual(0.5);
      }
  });
});

describe('pipelineFor(squat)', () => {
  it('is the squat pipeline', () => {
    const p = pipelineFor('squat');
    expect(p.test).toBe('squat');
    expect(p.model).toBe(TEST_MODELS.squat);
  });
});
