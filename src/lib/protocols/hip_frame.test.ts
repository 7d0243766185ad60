import { describe, expect, it } from 'vitest';
import { PLACEMENT } from '../../testing/scripted_person';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { measureHipRotation } from '../geometry';
import { MAX_THIGH_TO_SHANK, TRACKED_MAX_THIGH_TO_SHANK } from '../geometry/hip_rotation';
import { readHipFrame } from './hip_frame';
import { PLAUSIBLE } from './limits';
import type { HipTestId } from './types';

describe.each<HipTestId>(['seated', 'supine', 'prone'])('readHipFrame (%s)', (test) => {
  const pose = (deg: number) => synthPose(test, 'right', deg, PLACEMENTS[PLACEMENT[test]]!);

  it('reads a rotation inside the physiological range, with the joints the compensations need', () => {
    const r = readHipFrame(pose(60), test, 'right');
    if (!r.ok) throw new Error(r.reason);
    expect(r.frame.deg).toBeGreaterThan(55);
    expect(r.frame.ankle).toBeDefined();
    expect(r.frame.hipMid).toBeDefined();
    // Supine only: the tested hip to its ankle, the knee-moved check's yardstick from overhead (the thigh end-on).
    const { right_hip: hip, right_ankle: ankle } = pose(60).joints;
    if (test === 'supine')
      expect(r.frame.hipToAnklePx).toBeCloseTo(Math.hypot(ankle!.x - hip!.x, ankle!.y - hip!.y), 6);
    else expect(r.frame.hipToAnklePx).toBeUndefined();
  });

  it.each([75, -75])('refuses %d° (past the physiological range) with a reason, never a value', (deg) => {
    const r = readHipFrame(pose(deg), test, 'right');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(
        new RegExp(`beyond the physiological range \\(${PLAUSIBLE.maxRotationDeg.value}°\\)`),
      );
  });
});

describe('readHipFrame: a seated knee the model placed down the shank', () => {
  // The knee keypoint moved part way toward the ankle, as BlazePose does on many rig bodies seen along the thigh.
  const lowered = (f: number) => {
    const p = synthPose('seated', 'right', 20, PLACEMENTS[PLACEMENT.seated]!);
    const k = p.joints.right_knee!;
    const a = p.joints.right_ankle!;
    const knee = { ...k, x: k.x + f * (a.x - k.x), y: k.y + f * (a.y - k.y) };
    const thighToShank =
      Math.hypot(knee.x - p.joints.right_hip!.x, knee.y - p.joints.right_hip!.y) /
      Math.hypot(a.x - knee.x, a.y - knee.y);
    return { pose: { ...p, joints: { ...p.joints, right_knee: knee } }, thighToShank };
  };

  it('is refused on a still but read in a video, with the knee marked untrusted', () => {
    const { pose, thighToShank } = lowered(0.45);
    expect(thighToShank).toBeGreaterThan(MAX_THIGH_TO_SHANK);
    expect(thighToShank).toBeLessThan(TRACKED_MAX_THIGH_TO_SHANK);
    const still = measureHipRotation(pose, 'seated', 'right');
    expect(still.ok).toBe(false);
    const r = readHipFrame(pose, 'seated', 'right');
    if (!r.ok) throw new Error(r.reason);
    expect(r.frame.kneeTrusted).toBe(false);
    // The knee slid along the shank's line: the reading barely changes.
    expect(r.frame.deg).toBeCloseTo(20, 0);
  });

  it('trusts a knee where a still would take it', () => {
    const r = readHipFrame(lowered(0).pose, 'seated', 'right');
    if (!r.ok) throw new Error(r.reason);
    expect(r.frame.kneeTrusted).toBe(true);
  });

  it('still refuses a thigh past the video limit, saying the knee may be lost', () => {
    const { pose, thighToShank } = lowered(0.7);
    expect(thighToShank).toBeGreaterThan(TRACKED_MAX_THIGH_TO_SHANK);
    const r = readHipFrame(pose, 'seated', 'right');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/thigh looks long/);
  });
});
