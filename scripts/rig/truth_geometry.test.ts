// The rig and the geometry agree: measuring the rig's own truth joints (the joint centres it projected
// through the render camera) must give back the rotation it applied. This separates geometry error from
// pose-model error, and catches any sign or side mix-up in either.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Joint, JointName, Pose, Side } from '../../src/lib/types';
import { measureStill, type StillTest } from '../../src/lib/pipeline/measure_still';

interface Case {
  id: string;
  test: StillTest;
  side: Side;
  truth: {
    hipRotationDeg: number | null;
    fppaDeg: number | null;
    joints2d: Record<string, [number, number]>;
  };
  camera: { yawDeg: number; pitchDeg: number; rollDeg: number; placement: string };
  expectMeasurable: boolean;
}

// bodies-*: the same across the rig's many bodies and builds (issue 10); truth only, so no frames are needed.
const sets = ['ci', 'holdout', 'bodies-dev', 'bodies-report'];

function truthPose(c: Case): Pose {
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const [name, [x, y]] of Object.entries(c.truth.joints2d))
    joints[name as JointName] = { x, y, score: 1 };
  return { tMs: 0, width: 640, height: 480, joints, score: 1, model: 'blazepose-full' };
}

describe.each(sets)('geometry on the rig truth joints (%s set)', (set) => {
  const manifest = JSON.parse(
    readFileSync(new URL(`../../test-fixtures/synth/${set}/manifest.json`, import.meta.url), 'utf8'),
  ) as { cases: Case[] };
  const errors: Record<string, number[]> = {};

  for (const c of manifest.cases) {
    const r = measureStill(truthPose(c), c.test, c.side);
    const truth = c.test === 'squat' ? c.truth.fppaDeg : c.truth.hipRotationDeg;
    const value = c.test === 'squat' ? r.fppaDeg : r.hipRotationDeg;
    if (c.expectMeasurable && r.measurable && truth !== null && value !== null) {
      (errors[`${c.test} ${c.camera.placement}`] ??= []).push(Math.abs(value - truth));
    }
  }

  it('recovers the applied rotation (report per test and placement)', () => {
    const lines = Object.entries(errors).map(([k, e]) => {
      const mae = e.reduce((a, b) => a + b, 0) / e.length;
      return `${k}: n=${e.length} MAE ${mae.toFixed(2)}° max ${Math.max(...e).toFixed(2)}°`;
    });
    console.log(lines.join('\n'));
    expect(Object.keys(errors).length).toBeGreaterThan(0);
  });
});
