// Measurement-validity limits of the squat screen: engineering limits (when a frame's numbers can be
// trusted), not clinical cut-offs. Each names its source key (feedback/sources.ts) like limits.ts.
import { sourced } from '../sources';

const l = sourced;

export const SQUAT_LIMITS = {
  /**
   * Both knees sliding the same way in the picture by more than this fraction of leg length: the body is
   * turned to the camera and FPPA mixes in forward knee travel (knee_common_shift.ts). Square on, the
   * common shift stays ≈ 0.03 or less in a squat; the peer clip pose_squats.mp4 (body turned ≈ 30°)
   * reaches 0.2 at the bottom.
   */
  maxKneeCommonShift: l(
    0.08,
    'goniocam-engineering',
    'Both knees shifted the same way by more than 8% of leg length: the body is turned to the camera.',
  ),
  /** Repeat a setup prompt nobody acted on after this long (ms). */
  repromptMs: l(8000, 'goniocam-engineering', 'Repeat a prompt nobody acted on.'),
} as const;
