import { describe, expect, it } from 'vitest';
import { seatedLiftPose, drillFrames } from '../../testing/drill_script';
import { DRILL_IDS } from '../protocols/drills/drill_types';
import { drillPipeline } from './drill_pipeline';
import { runProtocol } from './run_protocol';
import { hipPipeline } from './hip_pipeline';

describe('drill pipelines', () => {
  it('each drill has a model, a placement and a protocol', () => {
    for (const id of DRILL_IDS) {
      const p = drillPipeline(id);
      expect(p.placement.length).toBeGreaterThan(20);
      expect(p.protocol('left').init(0).s.phase).not.toBe('done');
    }
  });
  it('the seated lift uses the seated test’s model and reads the same angle as its still measure', () => {
    const p = drillPipeline('seated-ir-lift');
    expect(p.model).toBe(hipPipeline('seated').model);
    const frames = drillFrames(
      [
        { ms: 1500, pose: () => seatedLiftPose('left', 0) },
        { ms: 800, pose: (u) => seatedLiftPose('left', 33 * u) },
        { ms: 1500, pose: () => seatedLiftPose('left', 33) },
        { ms: 800, pose: (u) => seatedLiftPose('left', 33 * (1 - u)) },
        { ms: 500, pose: () => seatedLiftPose('left', 0) },
      ],
      { jitterPx: 0 },
    );
    const { result } = runProtocol(p.protocol('left', { target: 1 }), frames);
    const still = hipPipeline('seated').still(seatedLiftPose('left', 33), 'left');
    if (result?.drill !== 'seated-ir-lift' || !result.best.ok || still.hipRotationDeg === null)
      throw new Error('no reading');
    expect(result.best.valueDeg).toBeCloseTo(still.hipRotationDeg, 6);
  });
});
