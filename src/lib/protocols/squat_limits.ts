// Measurement-validity limits of the squat screen: engineering limits (when a frame's numbers can be
// trusted), not clinical cut-offs. Each names its source key (feedback/sources.ts) like limits.ts.
// The deep-squat ones were chosen on the rig's deep overhead squat recordings of the DEV bodies only
// (scripts/rig/squat_deep_set.mjs, scripts/squat_deep_accuracy.ts); the quoted knee-in error is the REPORT bodies'.
import { sourced } from '../sources';
import type { ModelId } from '../types';

const l = sourced;

export const SQUAT_LIMITS = {
  /**
   * Both knees sliding the same way in the picture by more than this fraction of leg length (knee_common_shift.ts):
   * the body is turned to the camera, and the knees' forward travel over the toes shows up sideways (one knee looks
   * valgus, the other varus). Square on, the common shift stays ≈ 0.03 or less in a squat; above it the frame's knee
   * positions are corrected by taking the common shift out before FPPA and knee displacement are read, and lateral
   * trunk lean (a forward lean seen turned) is refused. Dev bodies, deep squats at 10–20° off square, FPPA frames:
   * 14.5° → 8.0° MAE with the correction (gate 0.03: 8.0°, 0.04: 8.5°, 0.06: 10.3°).
   */
  turnedKneeShift: l(
    0.03,
    'goniocam-engineering',
    'Both knees shifted the same way by more than 3% of leg length: the body is turned; the shift is taken out.',
  ),
  /**
   * Beyond this common shift the turn is too large to correct and every sideways value is refused. At the bottom of
   * a deep squat a camera 20° off square reaches 0.17 on the dev bodies; the peer clip pose_squats.mp4 (body turned
   * ≈ 30°) reaches 0.21.
   */
  maxKneeCommonShift: l(
    0.18,
    'goniocam-engineering',
    'Both knees shifted the same way by more than 18% of leg length: the body is turned more than about 20°.',
  ),
  /**
   * FPPA is defined near 45–60° of knee flexion (clinical protocols), not at the bottom of a deep squat where the
   * thigh points at the camera: a deep rep's FPPA comes from frames no deeper than this hip drop (≈ 90° of knee
   * flexion, hip_drop.ts), the deepest such frame that measured. Shallower squats (the rig's 45–55° hip flexion reps
   * reach 0.20–0.26) are read at their bottom as before.
   */
  fppaMaxDepth: l(
    0.3,
    'goniocam-engineering',
    'FPPA is read no deeper than about 90° of knee flexion (clinical FPPA: 45–60°).',
  ),
  /**
   * A rep whose hip drop goes past this is a deep squat (the rig's deep overhead squats reach 0.63–0.84; the
   * squat screen's usual reps 0.2–0.45): its FPPA is not read in the bottom band but at fppaMaxDepth or shallower.
   */
  deepSquatDepth: l(
    0.5,
    'goniocam-engineering',
    'A squat deeper than half a leg length is a deep squat: FPPA is read on the way down, not at the bottom.',
  ),
  /**
   * Knee-in per rep: the median over frames at least this fraction of the rep's deepest hip drop, i.e. the bottom
   * itself. Dev bodies (deep squats, MoveNet Thunder): with the FPPA/displacement band (0.6) the median took in the
   * way down and up, and readings followed the truth at a slope of 0.23 (r 0.51); at 0.8, 0.80 (r 0.89), MAE 0.026 →
   * 0.023 (0.85–0.95: the same slope, a wider tail, max 0.069).
   */
  kneeInBand: l(0.8, 'goniocam-engineering', 'Knee-in is read at the bottom of the rep.'),
  /** A knee-in beyond this fraction of leg length is a misplaced keypoint, not a knee (refused, never shown). */
  maxKneeIn: l(
    0.2,
    'goniocam-engineering',
    'A knee moving more than 20% of leg length sideways relative to its foot is a misplaced keypoint.',
  ),
  /**
   * Knee-in error quoted with the value: the REPORT bodies' P95 of both knees' mean per rep (7 bodies, 42 reps of
   * deep overhead squats filmed by a portrait phone 10–20° off square, MoveNet Thunder; scripts/squat_deep_accuracy.ts:
   * MAE 0.012, P95 0.029, max 0.059, slope 0.8; the dev bodies, where it was chosen: 0.011, 0.026, 0.029), rounded up.
   */
  kneeInErrorP95: l(
    0.03,
    'goniocam-engineering',
    'Knee-in error (P95) on bodies the method was not chosen on, as a fraction of leg length.',
  ),
  /**
   * The largest knee-in error on those report bodies (0.059, one rep of q-women-Formal), rounded up: the bound no
   * shown value went past, and the one the CLI test on squat-deep.mp4 holds each rep to.
   */
  kneeInMaxError: l(
    0.06,
    'goniocam-engineering',
    'Largest knee-in error on bodies the method was not chosen on, as a fraction of leg length.',
  ),
  /** Repeat a setup prompt nobody acted on after this long (ms). */
  repromptMs: l(8000, 'goniocam-engineering', 'Repeat a prompt nobody acted on.'),
} as const;

/**
 * The pose model's own lean on knee-in, per unit of hip drop, added back (per model: `Pose.model`). Both models put
 * the knee keypoints of a deep squat wide of the joint centres as the thighs turn toward the camera. BlazePose full
 * (dev bodies, bottom frames: knees 0.045 of a leg lateral at a hip drop of 0.77, the ankles 0.014 medial): +0.057 ×
 * hip drop takes both knees' mean from 0.044 to 0.019 MAE. MoveNet Thunder (dev bodies, through the pipeline with
 * kneeInBand 0.8): reads 0.023 low; +0.03 × hip drop takes MAE 0.023 → 0.011, P95 0.044 → 0.026, max 0.054 → 0.029
 * (0.02: 0.012/0.032/0.037; 0.04: 0.012/0.028/0.036). Fitted across the dev bodies, never on the report bodies.
 */
export const KNEE_IN_BIAS_PER_DEPTH: Readonly<Partial<Record<ModelId, number>>> = {
  'blazepose-full': 0.057,
  'movenet-thunder': 0.03,
};
