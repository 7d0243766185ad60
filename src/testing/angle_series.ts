// Numeric angle series for the segmentation unit tests: a leg's readings built from piecewise-linear
// keyframes (degrees over time), with the body references a still body would give. Test support only.
import type { LegReading } from '../lib/protocols/hip_segments';

/** [durationMs, toDeg]: move linearly from the previous angle to toDeg over durationMs (0 ms = jump). */
export type Leg = readonly [number, number];

/** Readings every `frameMs` from `startDeg` through the legs; `null` in `gaps` (ms ranges) = not measured. */
export function angleSeries(
  startDeg: number,
  legs: readonly Leg[],
  opts: { frameMs?: number; gaps?: readonly [number, number][]; confidence?: number } = {},
): LegReading[] {
  const frameMs = opts.frameMs ?? 100;
  const keys: [number, number][] = [[0, startDeg]];
  for (const [ms, deg] of legs) keys.push([keys[keys.length - 1]![0] + ms, deg]);
  const end = keys[keys.length - 1]![0];
  const out: LegReading[] = [];
  for (let t = 0; t <= end; t += frameMs) {
    if (opts.gaps?.some(([a, b]) => t >= a && t <= b)) {
      out.push({ tMs: t, frame: null, reason: 'the ankle is not clearly visible' });
      continue;
    }
    let k = 1;
    while (k < keys.length - 1 && keys[k]![0] < t) k++;
    const [t0, d0] = keys[k - 1]!;
    const [t1, d1] = keys[k]!;
    const deg = t1 === t0 || t >= t1 ? d1 : t <= t0 ? d0 : d0 + ((d1 - d0) * (t - t0)) / (t1 - t0);
    out.push({
      tMs: t,
      frame: {
        tMs: t,
        deg,
        confidence: opts.confidence ?? 0.9,
        knee: { x: 300, y: 300 },
        shankPx: 100,
        hipLineDeg: 0,
        trunkDeg: -90,
      },
      reason: null,
    });
  }
  return out;
}
