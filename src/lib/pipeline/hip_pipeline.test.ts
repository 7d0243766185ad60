import { describe, expect, it } from 'vitest';
import { scriptedFrames, standardTrials } from '../../testing/scripted_person';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { PLACEMENT } from '../../testing/scripted_person';
import { hipPipeline } from './hip_pipeline';
import { measureStill } from './measure_still';
import { runProtocol } from './run_protocol';
import { EXTERNAL_ROTATION, TEST_MODELS, TEST_ROTATION } from './test_setup';
import { HIP_TEST_IDS } from '../types';

describe.each(HIP_TEST_IDS)('the %s pipeline', (test) => {
  const p = hipPipeline(test);

  it("carries the test's model, frame turn and external-rotation rule", () => {
    expect(p.model).toBe(TEST_MODELS[test]);
    expect(p.rotation).toBe(TEST_ROTATION[test]);
    expect(p.external).toBe(EXTERNAL_ROTATION[test]);
  });

  it('runs the guided protocol to an outcome whose findings flag a hip under 35°', () => {
    const frames = scriptedFrames({
      test,
      trials: standardTrials({ right: { internal: 40, external: 30 }, left: { internal: 26, external: 38 } }),
    });
    const protocol = p.guided({ firstSide: 'right', includeExternal: true });
    const { result } = runProtocol(protocol, frames);
    const outcome = p.outcome(result!);
    expect(outcome.kind).toBe('hip');
    expect(outcome.result).toBe(result);
    const ids = outcome.findings.map((f) => f.id);
    expect(ids).toContain(`hir-below-minimum-${test}-left`);
    expect(ids).not.toContain(`hir-below-minimum-${test}-right`);
    // External rotation only where the test can measure it; the arc needs both directions.
    expect(Object.keys(result!.sides.right ?? {}).sort()).toEqual(
      p.external.ok ? ['external', 'internal'] : ['internal'],
    );
    if (p.external.ok) {
      const r = result!.sides.right!;
      expect(outcome.arcs.right?.deg).toBeCloseTo(r.internal!.valueDeg! + r.external!.valueDeg!, 1);
    } else expect(outcome.arcs).toEqual({});
  });

  it('starts with the chosen leg', () => {
    const protocol = p.guided({ firstSide: 'left', includeExternal: false });
    expect(protocol.init(0).plan.map((s) => `${s.side}/${s.direction}`)).toEqual([
      'left/internal',
      'right/internal',
    ]);
  });

  it('tests only the sides asked for (a screening link for one leg), in their order', () => {
    const onlyLeft = p.guided({ firstSide: 'right', sides: ['left'], includeExternal: false });
    expect(onlyLeft.init(0).plan.map((s) => `${s.side}/${s.direction}`)).toEqual(['left/internal']);
    const frames = scriptedFrames({ test, trials: standardTrials({ right: { internal: 40 } }) });
    const { result } = runProtocol(
      p.guided({ firstSide: 'left', sides: ['right'], includeExternal: false }),
      frames,
    );
    expect(Object.keys(result!.sides)).toEqual(['right']);
    expect(Math.abs(result!.sides.right!.internal!.valueDeg! - 40)).toBeLessThan(1);
    // The untested leg is named as not tested, and nothing else is said about it.
    const left = p.outcome(result!).findings.filter((f) => f.id.endsWith('-left'));
    expect(left.map((f) => f.id)).toEqual([`side-not-tested-${test}-left`]);
  });

  it('measures a still frame exactly as measureStill does for this test', () => {
    const pose = synthPose(test, 'right', 30, PLACEMENTS[PLACEMENT[test]]!);
    expect(p.still(pose, 'right')).toEqual(measureStill(pose, test, 'right'));
    expect(p.still(null, 'right').reason).toMatch(/no person/);
  });
});
