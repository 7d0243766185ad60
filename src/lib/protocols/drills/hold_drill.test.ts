import { describe, expect, it } from 'vitest';
import { ninetyNinetyPose, supineDrillPose, without } from '../../../testing/drill_script';
import type { Pose } from '../../types';
import { read9090, readSupineDrill } from './hold_drill';

describe('what one frame says about a hold drill’s position', () => {
  it('90/90: in position with the hinge as the angle; the legs the other way round are called swapped', () => {
    const ok = read9090(ninetyNinetyPose({ backSide: 'left', hingeDeg: 15 }), 'left');
    expect(ok.inPosition).toBe(true);
    expect(ok.angleDeg).toBeGreaterThan(5);
    const swapped = read9090(ninetyNinetyPose({ backSide: 'right' }), 'left');
    expect(swapped.inPosition).toBe(false);
    expect(swapped.swapped).toBe(true);
  });
  it('90/90: a back foot tucked forward, a straight knee, a missing ankle each say what to fix', () => {
    expect(read9090(ninetyNinetyPose({ backSide: 'right', backShankTurnDeg: 180 }), 'right').reason).toMatch(
      /turn the right leg in/,
    );
    expect(read9090(ninetyNinetyPose({ backSide: 'right', backKneeDeg: 150 }), 'right').reason).toMatch(
      /bend the right \(back\) knee/,
    );
    expect(
      read9090(without(ninetyNinetyPose({ backSide: 'right' }), ['right_ankle']), 'right').reason,
    ).toMatch(/right ankle not found/);
    expect(read9090(null, 'right').reason).toBe('nobody in view');
  });
  it('supine: turned inward past 5° holds; neutral asks to guide the ankle out', () => {
    expect(readSupineDrill(supineDrillPose('right', 30), 'right').inPosition).toBe(true);
    const n = readSupineDrill(supineDrillPose('right', 0), 'right');
    expect(n.inPosition).toBe(false);
    expect(n.reason).toMatch(/guide the ankle outward/);
  });
  it('supine: a leg lying flat is not the drill position, whatever angle the method reads', () => {
    const p = supineDrillPose('right', 30);
    const hip = p.joints.right_hip!;
    const knee = p.joints.right_knee!;
    const ankle = p.joints.right_ankle!;
    // The thigh laid along the picture, 0.7 of the shank: the leg is down on the table.
    const flat: Pose = {
      ...p,
      joints: {
        ...p.joints,
        right_knee: { ...knee, x: hip.x + 0.7 * (ankle.x - knee.x), y: hip.y + 0.7 * (ankle.y - knee.y) },
        right_ankle: { ...ankle, x: hip.x + 1.7 * (ankle.x - knee.x), y: hip.y + 1.7 * (ankle.y - knee.y) },
      },
    };
    const r = readSupineDrill(flat, 'right');
    expect(r.inPosition).toBe(false);
    expect(r.reason).toMatch(/bend the right hip and knee/);
  });
});
