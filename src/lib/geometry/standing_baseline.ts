import type { Pose, Side } from '../types';
import { legJoints, pair } from './joints';
import { acrossAxis, kneeOverAnklePx } from './knee_in';
import { length, midpoint, sub, type Vec2 } from './vec2';

/**
 * Where the person's hips and ankles are when standing, and how long their legs are in the picture:
 * the reference a squat's depth is measured against (hip_drop.ts). Any view: it only needs the legs.
 */
export interface StandingBaseline {
  readonly hipMid: Vec2;
  readonly ankleMid: Vec2;
  /** Mean hip→knee→ankle path of the legs used, pixels. */
  readonly legLengthPx: number;
  readonly confidence: number;
  /**
   * Each measured leg's knee offset from its ankle across the standing body, pixels, + toward the other hip
   * (knee_in.ts): the standing stance knee-in is measured from.
   */
  readonly kneeOverAnklePx?: Readonly<Partial<Record<Side, number>>>;
  /** Each measured leg's standing ankle (squat_sides.ts: a planted foot tells which leg is which). */
  readonly ankles?: Readonly<Partial<Record<Side, Vec2>>>;
}

/** The baseline from one standing pose, using `legs` (both by default), or why not. */
export function standingBaseline(
  pose: Pose,
  legs: readonly Side[] = ['left', 'right'],
): StandingBaseline | { reason: string } {
  const hips = pair(pose, 'left_hip', 'right_hip');
  if (!hips) return { reason: 'both hips must be clearly visible' };
  const ankles: Vec2[] = [];
  const ankleOf: Partial<Record<Side, Vec2>> = {};
  const lengths: number[] = [];
  let conf = Math.min(hips[0].score, hips[1].score);
  for (const side of legs) {
    const leg = legJoints(pose, side);
    if ('missing' in leg) return { reason: leg.missing };
    ankles.push(leg.ankle);
    ankleOf[side] = { x: leg.ankle.x, y: leg.ankle.y };
    lengths.push(length(sub(leg.knee, leg.hip)) + length(sub(leg.ankle, leg.knee)));
    conf = Math.min(conf, leg.knee.score, leg.ankle.score);
  }
  if (lengths.length === 0) return { reason: 'no leg to measure' };
  const legLengthPx = lengths.reduce((a, b) => a + b, 0) / lengths.length;
  if (!(legLengthPx >= 20)) return { reason: 'the legs are too small in the picture' };
  const hipMid = midpoint(hips[0], hips[1]);
  const ankleMid = meanPoint(ankles);
  const across = acrossAxis({ hipMid, ankleMid });
  const kneeOverAnkle: Partial<Record<Side, number>> = {};
  for (const side of legs) {
    const px = across ? kneeOverAnklePx(pose, side, across) : null;
    if (typeof px === 'number') kneeOverAnkle[side] = px;
  }
  return {
    hipMid,
    ankleMid,
    legLengthPx,
    confidence: conf,
    kneeOverAnklePx: kneeOverAnkle,
    ankles: ankleOf,
  };
}

/** The average of several standing baselines (the frames of a still second), or null for none. */
export function meanBaseline(list: readonly StandingBaseline[]): StandingBaseline | null {
  if (list.length === 0) return null;
  const n = list.length;
  const kneeOverAnkle: Partial<Record<Side, number>> = {};
  const ankles: Partial<Record<Side, Vec2>> = {};
  for (const side of ['left', 'right'] as const) {
    const xs = list.flatMap((b) =>
      b.kneeOverAnklePx?.[side] === undefined ? [] : [b.kneeOverAnklePx[side]],
    );
    if (xs.length > 0) kneeOverAnkle[side] = xs.reduce((a, b) => a + b, 0) / xs.length;
    const ps = list.flatMap((b) => (b.ankles?.[side] ? [b.ankles[side]] : []));
    if (ps.length > 0) ankles[side] = meanPoint(ps);
  }
  return {
    hipMid: meanPoint(list.map((b) => b.hipMid)),
    ankleMid: meanPoint(list.map((b) => b.ankleMid)),
    legLengthPx: list.reduce((s, b) => s + b.legLengthPx, 0) / n,
    confidence: list.reduce((s, b) => s + b.confidence, 0) / n,
    kneeOverAnklePx: kneeOverAnkle,
    ankles,
  };
}

function meanPoint(ps: readonly Vec2[]): Vec2 {
  return {
    x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
    y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
  };
}
