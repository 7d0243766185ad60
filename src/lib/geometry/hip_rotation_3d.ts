import type { HipMethod, HipTestId, Pose, Side, WorldJoint } from '../types';
import { RAD_TO_DEG } from './angles';
import { refuse, measured, type Measurement } from './result';
import { cross3, dot3, midpoint3, normalize3, rejectFrom, scale3, sub3, type Vec3 } from './vec3';
import { MIN_MEASURE_SCORE } from './joints';

/**
 * Femoral rotation from BlazePose's 3D world keypoints: the shank's angle about the femur axis,
 * relative to the body's own frame, so it does not depend on where the camera is (as long as the
 * model's 3D is right). Body frame: up = hip centre → shoulder centre, left = right hip → left hip,
 * anterior = left × up. Neutral shank: along the body axis toward the feet (seated, supine 90/90), or
 * posterior (prone, shank pointing at the ceiling).
 */
export function hipRotation3D(pose: Pose, test: HipTestId, side: Side): Measurement<HipMethod> {
  const w = pose.world;
  if (!w) return refuse('this model gives no 3D keypoints (use BlazePose)');
  const need = (name: keyof NonNullable<Pose['world']>): WorldJoint | string => {
    const j = w[name];
    if (!j) return `${name.replace('_', ' ')} has no 3D position`;
    if (j.score < MIN_MEASURE_SCORE) return `${name.replace('_', ' ')} not clearly visible`;
    return j;
  };
  const other = side === 'left' ? 'right' : 'left';
  const js = [
    need(`${side}_hip`),
    need(`${side}_knee`),
    need(`${side}_ankle`),
    need(`${other}_hip`),
    need('left_shoulder'),
    need('right_shoulder'),
  ];
  const bad = js.find((j): j is string => typeof j === 'string');
  if (bad) return refuse(bad);
  const [hip, knee, ankle, otherHip, ls, rs] = js as WorldJoint[];
  const leftHip = side === 'left' ? hip! : otherHip!;
  const rightHip = side === 'left' ? otherHip! : hip!;
  const femur = normalize3(sub3(knee!, hip!));
  const up = normalize3(sub3(midpoint3(ls!, rs!), midpoint3(leftHip, rightHip)));
  const left = normalize3(sub3(leftHip, rightHip));
  if (!femur || !up || !left) return refuse('3D keypoints coincide');
  const anterior = normalize3(cross3(left, up));
  if (!anterior) return refuse('the hip line is parallel to the trunk');
  const neutral: Vec3 = test === 'prone' ? scale3(anterior, -1) : scale3(up, -1);
  const lateral: Vec3 = side === 'left' ? left : scale3(left, -1);
  const n = normalize3(rejectFrom(neutral, femur));
  if (!n) return refuse('the femur lies along the neutral direction: not the test position');
  const latInPlane = normalize3(rejectFrom(rejectFrom(lateral, femur), n));
  if (!latInPlane) return refuse('the femur lies along the hip line: not the test position');
  const s = rejectFrom(sub3(ankle!, knee!), femur);
  const deg = Math.atan2(dot3(s, latInPlane), dot3(s, n)) * RAD_TO_DEG;
  const confidence = Math.min(...(js as WorldJoint[]).map((j) => j.score));
  return measured(deg, confidence, '3d-world');
}
