// A scripted person doing a guided hip test in front of a pinhole camera: the stick body of
// geometry/synthetic_pose.ts moved through neutral → end range → hold → back, trial after trial, with
// optional compensations (knee shift, pelvis hike, trunk lean), dropouts and low scores. The replay
// tests use it where the rig's recorded sequences cannot show a compensation on demand. Pure.
import { seededRandom } from './seeded_random';
import { PLACEMENTS, synthPose, type SynthCamera } from './synthetic_pose';
import type { Joint, JointName, Pose, Side } from '../lib/types';
import type { TimedPose } from '../lib/pipeline/run_protocol';
import type { HipTestId } from '../lib/protocols/types';

/** What goes wrong in a trial, at full strength when the leg reaches the end range. */
export interface Perturbation {
  /** Tested knee and ankle shift sideways in the picture (px). */
  readonly kneeShiftPx?: number;
  /** Tested hip, knee and ankle move up the picture (px): the pelvis hikes. */
  readonly hipHikePx?: number;
  /** Both shoulders shift sideways (px): the trunk leans. */
  readonly trunkShiftPx?: number;
  /** Joints missing from the pose during the hold. */
  readonly drop?: readonly JointName[];
  /** Leg joint scores during the whole trial. */
  readonly score?: number;
  /**
   * Not a movement: the knee keypoint follows the ankle's displacement from neutral by this fraction, as a
   * pose model's knee drifts with the shank at large rotations (loose trousers, an unfamiliar body).
   */
  readonly kneeFollowsFoot?: number;
}

export interface ScriptedTrial {
  readonly side: Side;
  readonly peakDeg: number;
  readonly perturb?: Perturbation;
}

export interface Script {
  readonly test: HipTestId;
  readonly trials: readonly ScriptedTrial[];
  readonly fps?: number;
  readonly neutralMs?: number;
  readonly rampMs?: number;
  readonly holdMs?: number;
  /** Keypoint jitter (px, uniform ±). */
  readonly jitterPx?: number;
  readonly seed?: number;
  /** Seconds of quiet neutral before the first trial. */
  readonly leadInMs?: number;
  /** Seated: the untested leg hangs beside the tested one (default: its knee out to the side, as the app asks). */
  readonly otherLegHanging?: boolean;
}

/** The stick body's camera per test: the placements the app recommends. */
export const PLACEMENT: Record<HipTestId, string> = {
  seated: 'seated-front',
  supine: 'supine-overhead',
  prone: 'prone-head-end',
};

/** The frames of a script: every trial is neutral → ramp → hold → ramp back. */
export function scriptedFrames(script: Script): TimedPose[] {
  const fps = script.fps ?? 15;
  const neutralMs = script.neutralMs ?? 1800;
  const rampMs = script.rampMs ?? 800;
  const holdMs = script.holdMs ?? 2400;
  const jitter = script.jitterPx ?? 0.4;
  const rnd = seededRandom(script.seed ?? 7);
  const cam = PLACEMENTS[PLACEMENT[script.test]]!;
  const body = { otherLegHanging: script.otherLegHanging ?? false };
  const out: TimedPose[] = [];
  let t = 0;
  const dt = 1000 / fps;
  const emit = (
    side: Side,
    deg: number,
    strength: number,
    perturb: Perturbation | undefined,
    hold: boolean,
  ) => {
    const pose = drifted(synthPose(script.test, side, deg, cam, body), script.test, side, cam, perturb);
    out.push({ pose: { ...perturbed(pose, side, strength, perturb, hold, jitter, rnd), tMs: t }, tMs: t });
    t += dt;
  };
  const span = (ms: number, f: (u: number) => void) => {
    const n = Math.max(1, Math.round(ms / dt));
    for (let i = 0; i < n; i++) f(i / n);
  };
  const first = script.trials[0];
  if (first) span(script.leadInMs ?? 1000, () => emit(first.side, 0, 0, undefined, false));
  for (const tr of script.trials) {
    span(neutralMs, () => emit(tr.side, 0, 0, tr.perturb, false));
    span(rampMs, (u) => emit(tr.side, tr.peakDeg * u, u, tr.perturb, false));
    span(holdMs, () => emit(tr.side, tr.peakDeg, 1, tr.perturb, true));
    span(rampMs, (u) => emit(tr.side, tr.peakDeg * (1 - u), 1 - u, tr.perturb, false));
  }
  const last = script.trials[script.trials.length - 1];
  if (last) span(neutralMs, () => emit(last.side, 0, 0, undefined, false));
  return out;
}

/** The trials of a whole standard test: sides × (3 IR, 3 ER) with the given peaks. */
export function standardTrials(
  peaks: Partial<Record<Side, { internal: number; external?: number }>>,
  perTrial: (side: Side, direction: 'internal' | 'external', i: number) => Perturbation | undefined = () =>
    undefined,
): ScriptedTrial[] {
  const out: ScriptedTrial[] = [];
  for (const side of ['right', 'left'] as const) {
    const p = peaks[side];
    if (!p) continue;
    for (let i = 0; i < 3; i++)
      out.push(trialOf(side, p.internal + (i - 1) * 0.8, perTrial(side, 'internal', i)));
    if (p.external !== undefined)
      for (let i = 0; i < 3; i++)
        out.push(trialOf(side, -p.external - (i - 1) * 0.8, perTrial(side, 'external', i)));
  }
  return out;
}

const trialOf = (side: Side, peakDeg: number, perturb: Perturbation | undefined): ScriptedTrial =>
  perturb ? { side, peakDeg, perturb } : { side, peakDeg };

function drifted(
  pose: Pose,
  test: HipTestId,
  side: Side,
  cam: SynthCamera,
  p: Perturbation | undefined,
): Pose {
  const k = p?.kneeFollowsFoot;
  const knee = pose.joints[`${side}_knee`];
  const ankle = pose.joints[`${side}_ankle`];
  const rest = synthPose(test, side, 0, cam).joints[`${side}_ankle`];
  if (!k || !knee || !ankle || !rest) return pose;
  const moved = { ...knee, x: knee.x + k * (ankle.x - rest.x), y: knee.y + k * (ankle.y - rest.y) };
  return { ...pose, joints: { ...pose.joints, [`${side}_knee`]: moved } };
}

function perturbed(
  pose: Pose,
  side: Side,
  strength: number,
  p: Perturbation | undefined,
  hold: boolean,
  jitter: number,
  rnd: () => number,
): Pose {
  const joints: Partial<Record<JointName, Joint>> = {};
  const leg = new Set<string>([`${side}_hip`, `${side}_knee`, `${side}_ankle`]);
  for (const [name, j] of Object.entries(pose.joints) as [JointName, Joint][]) {
    let { x, y, score } = j;
    if (p) {
      if ((name === `${side}_knee` || name === `${side}_ankle`) && p.kneeShiftPx)
        x += p.kneeShiftPx * strength;
      if (leg.has(name) && p.hipHikePx) y -= p.hipHikePx * strength;
      if (name.endsWith('_shoulder') && p.trunkShiftPx) x += p.trunkShiftPx * strength;
      if (p.score !== undefined && (leg.has(name) || name.endsWith('_hip'))) score = p.score;
      if (hold && p.drop?.includes(name)) continue;
    }
    joints[name] = { x: x + (rnd() * 2 - 1) * jitter, y: y + (rnd() * 2 - 1) * jitter, score };
  }
  return { ...pose, joints };
}
