// The drills on what the real pose model saw: the rig's trial clips (a rendered body at known angles) run
// through each view's model into test-fixtures/replay/*.poses.json (scripts/record-replay.ts). The supine
// clip is the supine passive drill (right leg: holds of known length at 40°, 38°, 41°); the seated clip is
// the seated lift (right leg: three reps to 40°, 38°, 41°, 2.5 s at each). No model runs here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_ERROR_DEG } from '../../feedback/thresholds';
import { runProtocol } from '../../pipeline/run_protocol';
import { drillProtocol } from './drill_protocol';
import { HOLD } from './drill_limits';
import type { Pose } from '../../types';
import { loadReplay } from '../../../testing/replay_fixtures';

describe('supine passive drill on the model’s keypoints (MoveNet Thunder, rig supine clip)', () => {
  const seq = loadReplay('supine');
  const frames = seq.poses.map((pose, i) => ({ pose, tMs: seq.truth.series[i]!.tMs }));
  const run = runProtocol(drillProtocol('supine-passive-ir', 'right', { target: 10 * 60_000 }), frames);
  const r = run.result!;
  // The truth, by the timer's own rule: time between consecutive frames where the right thigh is turned
  // inward past the drill's minimum.
  const s = seq.truth.series;
  const inPos = (i: number) => s[i]!.side === 'right' && s[i]!.hipRotationDeg >= HOLD.supineMinIrDeg.value;
  // The angle held, by the timer's rule too: each unbroken run's median, weighted by the run's length.
  let truthMs = 0;
  let truthAngle = 0;
  for (let i = 0; i < s.length;) {
    if (!inPos(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < s.length && inPos(j + 1)) j++;
    const degs = s
      .slice(i, j + 1)
      .map((x) => x.hipRotationDeg)
      .sort((a, b) => a - b);
    const m = degs.length >> 1;
    const median = degs.length % 2 ? degs[m]! : (degs[m - 1]! + degs[m]!) / 2;
    truthMs += s[j]!.tMs - s[i]!.tMs;
    truthAngle += median * (s[j]!.tMs - s[i]!.tMs);
    i = j + 1;
  }
  truthAngle /= truthMs;

  it('hold time within 1 s of the truth, angle held within the supine P95', () => {
    if (r.drill !== 'supine-passive-ir' || !r.angle.ok) throw new Error('no hold');
    console.log(
      `supine drill: held ${(r.heldMs / 1000).toFixed(2)} s (truth ${(truthMs / 1000).toFixed(2)} s) in ${r.bouts.length} bouts, angle ${r.angle.valueDeg.toFixed(1)}° (truth ${truthAngle.toFixed(1)}°)`,
    );
    expect(Math.abs(r.heldMs - truthMs)).toBeLessThanOrEqual(1000);
    expect(Math.abs(r.angle.valueDeg - truthAngle)).toBeLessThanOrEqual(MEASUREMENT_ERROR_DEG.supine.p95Deg!);
  });
});

describe('seated lift on the model’s keypoints (BlazePose full, rig seated clip)', () => {
  const seq = loadReplay('seated');
  const frames = seq.poses.map((pose, i) => ({ pose, tMs: seq.truth.series[i]!.tMs }));
  const run = runProtocol(drillProtocol('seated-ir-lift', 'right', { target: 100 }), frames);
  const r = run.result!;
  const truth = seq.truth.trials.filter((t) => t.side === 'right' && t.direction === 'internal');

  it('counts the three inward trials and nothing else, each end range within the seated P95, hold time within 0.6 s', () => {
    if (r.drill !== 'seated-ir-lift') throw new Error('wrong drill');
    console.log(
      `seated lift: ${r.reps.map((x, i) => `${x.peakDeg.toFixed(1)}° (truth ${truth[i]?.peakDeg}°) held ${(x.holdMs / 1000).toFixed(2)} s (truth ${((truth[i]!.holdEndMs - truth[i]!.holdStartMs) / 1000).toFixed(2)} s)`).join('; ')}; not counted: ${r.discarded.map((d) => d.detail).join('; ') || 'none'}`,
    );
    expect(r.reps).toHaveLength(3);
    r.reps.forEach((rep, i) => {
      expect(Math.abs(rep.peakDeg - truth[i]!.peakDeg)).toBeLessThanOrEqual(
        MEASUREMENT_ERROR_DEG.seated.p95Deg!,
      );
      expect(Math.abs(rep.holdMs - (truth[i]!.holdEndMs - truth[i]!.holdStartMs))).toBeLessThanOrEqual(600);
      expect(rep.startMs).toBeGreaterThanOrEqual(truth[i]!.rampStartMs);
      expect(rep.endMs).toBeLessThanOrEqual(truth[i]!.returnedMs + 500);
    });
  });
});

describe('hip CARs on the model’s keypoints (BlazePose full, rig CAR clip)', () => {
  // scripts/rig/car_clip.ts: standing, the right knee twice round a 35° cone; truth from the true joints.
  const json = JSON.parse(
    readFileSync(new URL('../../../../test-fixtures/replay/cars.poses.json', import.meta.url), 'utf8'),
  ) as {
    format: string;
    fps: number;
    truth: {
      series: { tMs: number }[];
      loops: { startMs: number; endMs: number; radiusThighs: number; roundness: number }[];
    };
    poses: (Pose | null)[];
  };
  if (json.format !== 'goniocam-car-poses/1') throw new Error(`unexpected ${json.format}`);
  const frames = json.poses.map((pose, i) => ({ pose, tMs: json.truth.series[i]!.tMs }));
  const run = runProtocol(drillProtocol('hip-cars', 'right', { target: 10 }), frames);
  const r = run.result!;

  it('finds both circles, each size within 35 % (it reads small: the model loses the knee pointing at the camera) and roundness within 0.15 of the truth; trunk and pelvis still', () => {
    if (r.drill !== 'hip-cars') throw new Error('wrong drill');
    const truth = json.truth.loops;
    console.log(
      `hip CARs: ${r.loops.map((l, i) => `radius ${l.radiusThighs.toFixed(3)} (truth ${truth[i]?.radiusThighs}) thigh lengths, roundness ${l.roundness.toFixed(3)} (truth ${truth[i]?.roundness}), trunk ${l.trunkRangeDeg.toFixed(1)}°, pelvis ${l.pelvisRangeDeg.toFixed(1)}°`).join('; ')}; not counted: ${r.discarded.map((d) => d.detail).join('; ') || 'none'}`,
    );
    expect(r.loops).toHaveLength(2);
    r.loops.forEach((l, i) => {
      expect(Math.abs(l.radiusThighs - truth[i]!.radiusThighs) / truth[i]!.radiusThighs).toBeLessThanOrEqual(
        0.35,
      );
      expect(Math.abs(l.roundness - truth[i]!.roundness)).toBeLessThanOrEqual(0.15);
      expect(l.trunkStill && l.pelvisStill).toBe(true);
    });
  });
});
