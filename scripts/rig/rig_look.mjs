// The look of the rig's clips (trial clips and whole-test recordings): where the camera stands for each test, the
// body's outfit and the room. Shared so the recordings look like the clips the e2e tests already pass on.

export const PLACEMENT = {
  seated: 'seated-front',
  supine: 'supine-overhead',
  prone: 'prone-head-end',
  squat: 'squat-front-fixed',
};
/** The prone camera behind the head looks down 40° along the body (the app's placement; the rig's default). */
export const PRONE_TILT_DEG = 40;
/** A phone on a stand, set up a little off: the same for every clip. */
export const CAMERA = { yawDeg: 4, pitchDeg: -3, rollDeg: 1, distanceM: 2.5, fovDeg: 45 };
/**
 * The squat clip's camera turns 2° instead of 4°: at the bottom of a squat the knees are ≈ 0.3 m in front of the
 * hip–ankle line, so each degree of yaw moves the two legs' FPPA ≈ 1.7° apart (one more valgus, one less); at 4°
 * that alone would make the legs differ by ≈ 13°.
 */
export const SQUAT_CAMERA = { ...CAMERA, yawDeg: 2 };
/**
 * The seat of the seated recordings: a stool 0.5 m wide instead of the 0.9 m bench. The untested leg moves out
 * of the way by hip abduction, which swings its knee back as well as out (the thigh is 0.38 m long, the bench's
 * front edge 0.3 m ahead of the hip): on the wide bench its hanging shank passed through the bench's front face,
 * which no body can do. On the stool the abducted shank hangs beside the seat.
 */
export const RECORDING_SEAT = { widthM: 0.5 };
export const OUTFIT = {
  skin: [0.78, 0.57, 0.44],
  shirt: [0.15, 0.5, 0.25],
  shorts: [0.1, 0.2, 0.7],
  feet: [0.95, 0.95, 0.95],
};
export const SCENE = {
  background: [0.85, 0.85, 0.82],
  floor: [0.6, 0.45, 0.3],
  furniture: [0.35, 0.25, 0.18],
  ambient: 1.3,
  sun: 2,
  sunDir: [1, 3, 2],
};
