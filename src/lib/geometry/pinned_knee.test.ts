import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import type { Pose, Side } from '../types';
import { RAD_TO_DEG } from './angles';
import { measureHipRotation } from './hip_rotation';
import { pinnedKneeRotationDeg, type KneePin, type SeatedLeg } from './pinned_knee';
import { midpoint, sub } from './vec2';

const cam = PLACEMENTS['seated-front']!;
const other = (s: Side): Side => (s === 'right' ? 'left' : 'right');

function leg(pose: Pose, side: Side, knee?: { x: number; y: number }): SeatedLeg {
  const j = pose.joints;
  const hip = j[`${side}_hip`]!;
  const otherHip = j[`${other(side)}_hip`]!;
  const line = sub(hip, otherHip);
  return {
    knee: knee ?? j[`${side}_knee`]!,
    ankle: j[`${side}_ankle`]!,
    hipMid: midpoint(hip, otherHip),
    hipLineDeg: Math.atan2(line.y, line.x) * RAD_TO_DEG,
  };
}

describe('pinnedKneeRotationDeg', () => {
  it('reads what the knee keypoint reads while the knee stays put (true joints, both sides, ±45°, either pin)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Side>('left', 'right'),
        fc.double({ min: -45, max: 45 }),
        fc.constantFrom<KneePin>('across', 'whole'),
        (side, deg, pin) => {
          const neutral = leg(synthPose('seated', side, 0, cam), side);
          const pose = synthPose('seated', side, deg, cam);
          const plain = measureHipRotation(pose, 'seated', side);
          fc.pre(plain.ok);
          if (!plain.ok) return;
          expect(pinnedKneeRotationDeg(leg(pose, side), neutral, pin)).toBeCloseTo(plain.valueDeg, 6);
        },
      ),
    );
  });

  it('takes out a knee keypoint dragged toward the foot, which shrinks the plain reading', () => {
    const side: Side = 'right';
    const neutral = leg(synthPose('seated', side, 0, cam), side);
    const pose = synthPose('seated', side, 35, cam);
    const k = pose.joints.right_knee!;
    const a = pose.joints.right_ankle!;
    // A third of the ankle's sideways offset from the knee.
    const dragged = { x: k.x + (a.x - k.x) / 3, y: k.y };
    const plain = measureHipRotation(
      { ...pose, joints: { ...pose.joints, right_knee: { ...k, ...dragged } } },
      'seated',
      side,
    );
    if (!plain.ok) throw new Error(plain.reason);
    const truth = measureHipRotation(pose, 'seated', side);
    if (!truth.ok) throw new Error(truth.reason);
    expect(truth.valueDeg - plain.valueDeg).toBeGreaterThan(5);
    expect(pinnedKneeRotationDeg(leg(pose, side, dragged), neutral)).toBeCloseTo(truth.valueDeg, 0);
  });

  it('is the same whether the body shifts or the camera rolls (body axes about the pelvis)', () => {
    const side: Side = 'left';
    const neutral = leg(synthPose('seated', side, 0, cam), side);
    const now = leg(synthPose('seated', side, -30, cam), side);
    const base = pinnedKneeRotationDeg(now, neutral)!;
    const r = (10 * Math.PI) / 180;
    const roll = (p: { x: number; y: number }) => ({
      x: 40 + p.x * Math.cos(r) - p.y * Math.sin(r),
      y: -25 + p.x * Math.sin(r) + p.y * Math.cos(r),
    });
    const rolled: SeatedLeg = {
      knee: roll(now.knee),
      ankle: roll(now.ankle),
      hipMid: roll(now.hipMid),
      hipLineDeg: now.hipLineDeg + 10,
    };
    expect(pinnedKneeRotationDeg(rolled, neutral)).toBeCloseTo(base, 6);
  });

  it("'whole' also takes out a knee keypoint slid down the shank, which 'across' keeps", () => {
    const side: Side = 'right';
    const neutral = leg(synthPose('seated', side, 0, cam), side);
    const pose = synthPose('seated', side, 38, cam);
    const truth = measureHipRotation(pose, 'seated', side);
    if (!truth.ok) throw new Error(truth.reason);
    const k = pose.joints.right_knee!;
    const a = pose.joints.right_ankle!;
    // Dragged a quarter of the way toward the ankle: sideways and down the shank.
    const slid = { x: k.x + (a.x - k.x) / 4, y: k.y + (a.y - k.y) / 4 };
    const across = pinnedKneeRotationDeg(leg(pose, side, slid), neutral, 'across')!;
    const whole = pinnedKneeRotationDeg(leg(pose, side, slid), neutral, 'whole')!;
    expect(whole).toBeCloseTo(truth.valueDeg, 6);
    expect(across - truth.valueDeg).toBeGreaterThan(3);
  });

  it('has no reading for a neutral shank of no length', () => {
    const n = leg(synthPose('seated', 'right', 0, cam), 'right');
    expect(pinnedKneeRotationDeg(n, { ...n, ankle: n.knee })).toBeNull();
  });
});
