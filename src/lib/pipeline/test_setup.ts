// The pose model each test uses: the one it measured most accurately with on the render rig
// (README, Ground truth and accuracy; `npm run accuracy -- --model M`). The app's guided tests and the
// CLI's default both read this table, so the accuracy figures are the app's.
import type { FrameRotation } from '../pose/rotation';
import type { HipTestId, TestId } from '../protocols/types';
import type { ModelId } from '../types';

export const TEST_MODELS: Readonly<Record<TestId | 'stand', ModelId>> = {
  // BlazePose full: 2.4–3.3° MAE seated; MoveNet Thunder 5.5–6.3°.
  seated: 'blazepose-full',
  // MoveNet Thunder: 1.6° MAE on the CI set, 1.2° on the holdout, with the trunk-axis method; BlazePose
  // full hides the tested hip behind the raised thigh and reads 3.4° (holdout 5.8°).
  supine: 'movenet-thunder',
  // Prone, camera behind the head, frames turned 180° (TEST_ROTATION): MoveNet Thunder, chosen on the dev
  // bodies (docs/accuracy.md: 13.5° MAE, 37 of 52 measured, against BlazePose full's 15.7°, 18 of 52, which
  // labels the straight leg's foot as the tested ankle on most bodies); on the report bodies 6.9° (28 of 48)
  // against 14.6° (16 of 48). On MakeHuman alone BlazePose had read better (CI set 5.7° vs 8.2°).
  prone: 'movenet-thunder',
  // Squat from the front at hip height: MoveNet Thunder, chosen on the dev bodies (docs/accuracy.md: FPPA 5.4° MAE,
  // 50 of 52 measured, against BlazePose full's 9.9° on 31 of 52, whose face-anchored detector finds no one when
  // the head is out of the picture, and 8.0° on 45 with Thunder as its fallback); on the report bodies 5.2° (P95
  // 11.6°) on 47 of 48, against 7.7° (P95 21.5°) on 44. The cost: no heels or toes, so the squat's foot turn-out
  // (BlazePose's 3D feet) is "not measured"; pick BlazePose full for the squat in the CLI (`--model`) to have it.
  squat: 'movenet-thunder',
  stand: 'blazepose-full',
};

/**
 * How far each test's frames are turned before the model sees them (pose/rotation.ts), because of where its
 * camera stands. Prone: the camera is behind the head looking along the body toward the feet, so the person
 * is upside down in the picture (feet at the top); the models read the body far better turned head-up
 * (MoveNet Thunder 12.6° → 5.4° MAE in the exploration, README prone). The app's guided test, the CLI and
 * the replay recordings all apply this, whatever model is pinned: it is the view, not the model.
 */
export const TEST_ROTATION: Readonly<Record<TestId | 'stand', FrameRotation>> = {
  seated: 0,
  supine: 0,
  prone: 180,
  squat: 0,
  stand: 0,
};

/**
 * Whether a frame whose knee the model scored too low gets a second look (pose/knee_mask_estimator.ts: BlazePose
 * full's person mask confirms the shank). Supine only: from overhead the raised thigh or a hand on it makes
 * MoveNet Thunder score the knee under 0.3 in about half the proper views. Chosen on the dev bodies' stills (207
 * proper views: 124 → 152 measured, MAE 5.17° → 4.95°, over saved poses), then shown on the report bodies' (229:
 * 118 → 154 measured, 4.84° → 4.89°; `npm run accuracy` with it wired: dev 151 at 5.0°, report 157 at 4.8°; no
 * foot-end view measured on either). The other tests' refusals are other reasons (docs/accuracy.md, "A person mask
 * as a second look").
 */
export const TEST_KNEE_MASK: Readonly<Record<TestId | 'stand', boolean>> = {
  seated: false,
  supine: true,
  prone: false,
  squat: false,
  stand: false,
};

/**
 * Whether a test can measure external rotation with its model, and why not. Supine 90/90 seen from above:
 * with the foot turned inward past ~25° the raised thigh hides the knee (MoveNet Thunder's knee score falls
 * to 0.1–0.2) or the model pulls the knee onto the shank (BlazePose), on the rig's trial clips
 * (test-fixtures/replay/supine.poses.json); the seated test measures it instead.
 */
export const EXTERNAL_ROTATION: Readonly<Record<HipTestId, { ok: true } | { ok: false; why: string }>> = {
  seated: { ok: true },
  supine: {
    ok: false,
    why: 'From above, the raised thigh hides the knee once the foot turns inward, so goniocam cannot measure external rotation in this position: use the seated test for it.',
  },
  prone: { ok: true },
};
