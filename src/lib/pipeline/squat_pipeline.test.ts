import { describe, expect, it } from 'vitest';
import { squatScript } from '../../testing/squat_script';
import { hipResult as hipFixture } from '../../testing/feedback_fixtures';
import { runProtocol } from './run_protocol';
import { squatPipeline } from './squat_pipeline';
import { TEST_MODELS, TEST_ROTATION } from './test_setup';

describe('the squat pipeline', () => {
  const reps = [0, 1, 2].map(() => ({ depth: 0.3, fppaDeg: { left: 14, right: 3 } }));

  it("carries the squat's model and frame turn", () => {
    expect(squatPipeline.model).toBe(TEST_MODELS.squat);
    expect(squatPipeline.rotation).toBe(TEST_ROTATION.squat);
  });

  it('counts the reps and turns the set into findings, linked to a low hip from the same session', () => {
    const frames = squatScript(reps);
    const { result } = runProtocol(squatPipeline.guided({ targetReps: 3 }), frames);
    expect(result!.reps).toHaveLength(3);
    const alone = squatPipeline.outcome(result!);
    expect(alone.kind).toBe('squat');
    expect(alone.findings.length).toBeGreaterThan(0);
    // One finding per id, whatever rule lists produced them.
    const ids = alone.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const lowHip = hipFixture('seated', { left: { internal: 22 }, right: { internal: 40 } });
    const linked = squatPipeline.outcome(result!, lowHip).findings.map((f) => f.id);
    expect(linked.length).toBeGreaterThan(ids.length);
  });
});
