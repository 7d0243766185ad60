// Recorded pose sequences (goniocam-poses/1): what a pose model saw over a trial clip, frame by frame, with
// the clip's truth — the input of replay tests, written by scripts/record-replay.ts. Parsed as untrusted
// JSON with valibot: every problem is named with its path, never a throw.
import * as v from 'valibot';
import { JOINT_NAMES, MODEL_IDS, TEST_IDS, type ModelId, type Pose, type Side, type TestId } from '../types';

export const POSE_SEQUENCE_FORMAT = 'goniocam-poses/1';

const finite = v.pipe(v.number(), v.finite());
const score = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const side = v.picklist(['left', 'right'] as const satisfies readonly Side[]);

const JointSchema = v.object({ x: finite, y: finite, score });
const WorldJointSchema = v.object({ x: finite, y: finite, z: finite, score });

const PoseSchema = v.object({
  tMs: finite,
  width: v.pipe(v.number(), v.integer(), v.minValue(1)),
  height: v.pipe(v.number(), v.integer(), v.minValue(1)),
  joints: v.record(v.picklist(JOINT_NAMES), JointSchema),
  world: v.optional(v.record(v.picklist(JOINT_NAMES), WorldJointSchema)),
  score,
  model: v.picklist(MODEL_IDS),
});

const SeriesPoint = v.object({ tMs: finite, side, hipRotationDeg: finite });

const Trial = v.object({
  side,
  direction: v.picklist(['internal', 'external']),
  trial: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** + internal, − external. */
  peakDeg: finite,
  rampStartMs: finite,
  holdStartMs: finite,
  holdEndMs: finite,
  returnedMs: finite,
  /**
   * The rig made this trial with a compensation (scripts/rig/clips.mjs --compensate): its kind and how far at the
   * peak (degrees of pelvis or trunk tilt, or of the thigh's swing out). The detectors should catch it.
   */
  compensation: v.optional(v.object({ kind: v.picklist(['knee', 'pelvis', 'trunk']), deg: finite })),
});

const Sequence = v.object({
  format: v.literal(POSE_SEQUENCE_FORMAT),
  source: v.string(),
  model: v.picklist(MODEL_IDS),
  test: v.optional(v.picklist([...TEST_IDS, 'stand'])),
  fps: v.pipe(v.number(), v.gtValue(0)),
  truth: v.object({ series: v.array(SeriesPoint), trials: v.array(Trial) }),
  poses: v.array(v.nullable(PoseSchema)),
});

export type TruthPoint = v.InferOutput<typeof SeriesPoint>;
export type TrialTruth = v.InferOutput<typeof Trial>;

export interface PoseSequence {
  readonly source: string;
  readonly model: ModelId;
  readonly test?: TestId | 'stand';
  readonly fps: number;
  readonly truth: { readonly series: readonly TruthPoint[]; readonly trials: readonly TrialTruth[] };
  /** One per frame, in order; null where the model found nobody. */
  readonly poses: readonly (Pose | null)[];
}

export type ParseResult = { ok: true; value: PoseSequence } | { ok: false; error: string };

/** Validate a parsed goniocam-poses/1 JSON value: the sequence, or what is wrong with it (up to 5 problems). */
export function parsePoseSequence(json: unknown): ParseResult {
  // valibot's object schema takes an array for an object (and then lists every key as missing).
  if (Array.isArray(json))
    return { ok: false, error: `not a ${POSE_SEQUENCE_FORMAT} sequence: (root): an array, not an object` };
  const parsed = v.safeParse(Sequence, json);
  if (!parsed.success) {
    const issues = parsed.issues.slice(0, 5).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    return { ok: false, error: `not a ${POSE_SEQUENCE_FORMAT} sequence: ${issues.join('; ')}` };
  }
  const s = parsed.output;
  // Frame-level agreement valibot's per-field schemas can't see: one truth point per pose, same clock.
  if (s.poses.length !== s.truth.series.length) {
    return {
      ok: false,
      error: `poses has ${s.poses.length} frames but truth.series has ${s.truth.series.length}: they must match one to one`,
    };
  }
  for (let i = 0; i < s.poses.length; i++) {
    const t = s.truth.series[i]!.tMs;
    if (i > 0 && t <= s.truth.series[i - 1]!.tMs)
      return { ok: false, error: `truth.series.${i}.tMs: ${t} ms does not come after the frame before it` };
    const pose = s.poses[i];
    if (pose && pose.tMs !== t)
      return { ok: false, error: `poses.${i}.tMs: ${pose.tMs} ms, but its truth frame is at ${t} ms` };
  }
  return { ok: true, value: s };
}
