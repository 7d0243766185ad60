// Scripted squatters for the squat tests: standing, then reps with known FPPA, depth and trunk lean,
// as a list of (tMs, pose) frames, optionally with noise, dropped frames and moments out of view. Pure.
import { frontalSquatPose, seededRandom, type SquatPoseSpec } from './synthetic_squat';
import type { Pose, Side } from '../lib/types';

export interface ScriptRep {
  readonly downMs?: number;
  readonly upMs?: number;
  /** Deepest hip drop, fraction of leg length. */
  readonly depth: number;
  /** FPPA at the deepest point; it grows with depth on the way down (0 standing). */
  readonly fppaDeg?: Partial<Record<Side, number>>;
  readonly trunkLeanDeg?: number;
  /** Common knee shift at the deepest point (a body turned to the camera). */
  readonly kneeShift?: number;
}

export interface ScriptOptions {
  readonly fps?: number;
  /** Standing still before the first rep. */
  readonly standMs?: number;
  /** Standing between reps. */
  readonly restMs?: number;
  readonly noisePx?: number;
  readonly seed?: number;
  /** Drop this share of frames entirely (they never arrive). */
  readonly dropShare?: number;
  /** Frames in these [from, to) ms windows arrive with no person (pose null). */
  readonly hidden?: readonly (readonly [number, number])[];
  readonly base?: SquatPoseSpec;
}

export interface ScriptFrame {
  readonly tMs: number;
  readonly pose: Pose | null;
}

export function squatScript(reps: readonly ScriptRep[], o: ScriptOptions = {}): ScriptFrame[] {
  const dt = 1000 / (o.fps ?? 30);
  const rng = seededRandom(o.seed ?? 1);
  const frames: ScriptFrame[] = [];
  let t = 0;
  const emit = (spec: SquatPoseSpec) => {
    const drop = (o.dropShare ?? 0) > 0 && rng() < o.dropShare!;
    const hidden = o.hidden?.some(([a, b]) => t >= a && t < b);
    const pose = frontalSquatPose({ ...o.base, ...spec, tMs: t, noisePx: o.noisePx ?? 0, rng });
    if (!drop) frames.push({ tMs: t, pose: hidden ? null : pose });
    t += dt;
  };
  const stand = (ms: number) => {
    for (const end = t + ms; t < end;) emit({});
  };
  stand(o.standMs ?? 1500);
  for (const r of reps) {
    const at = (k: number): SquatPoseSpec => ({
      depth: r.depth * k,
      fppaDeg: { left: (r.fppaDeg?.left ?? 0) * k, right: (r.fppaDeg?.right ?? 0) * k },
      trunkLeanDeg: (r.trunkLeanDeg ?? 0) * k,
      kneeShift: (r.kneeShift ?? 0) * k,
    });
    // Half-cosine down and up, so the bottom is a smooth turn like a person's.
    const down = r.downMs ?? 1200;
    for (const t0 = t; t < t0 + down;) emit(at((1 - Math.cos((Math.PI * (t - t0)) / down)) / 2));
    const up = r.upMs ?? 1000;
    for (const t0 = t; t < t0 + up;) emit(at((1 + Math.cos((Math.PI * (t - t0)) / up)) / 2));
    stand(o.restMs ?? 800);
  }
  return frames;
}
