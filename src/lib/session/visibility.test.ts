import { describe, expect, it } from 'vitest';
import { LEG_JOINTS, type Joint, type JointName, type Pose } from '../types';
import { classifyVisibility } from './visibility';

function pose(scores: Partial<Record<JointName, number>>, score = 0.8): Pose {
  const joints: Partial<Record<JointName, Joint>> = {};
  for (const name of LEG_JOINTS) joints[name] = { x: 10, y: 10, score: scores[name] ?? 0.9 };
  return { tMs: 0, width: 100, height: 100, joints, score, model: 'movenet-lightning' };
}

describe('classifyVisibility', () => {
  it('no pose or a weak one is no person', () => {
    expect(classifyVisibility(null).kind).toBe('no-person');
    expect(classifyVisibility(pose({}, 0.05)).kind).toBe('no-person');
  });

  it('all leg joints found is full', () => {
    expect(classifyVisibility(pose({})).kind).toBe('full');
  });

  it('names missing ankles and says to step back', () => {
    const s = classifyVisibility(pose({ left_ankle: 0.1, right_ankle: 0.05 }));
    expect(s.kind).toBe('partial');
    if (s.kind !== 'partial') return;
    expect(s.missing).toEqual(['left_ankle', 'right_ankle']);
    expect(s.message).toMatch(/^Ankles not visible/);
    expect(s.message).toMatch(/feet/);
  });

  it('names a single side', () => {
    const s = classifyVisibility(pose({ right_knee: 0.1 }));
    expect(s.message).toMatch(/^Right knee not visible/);
  });

  it('respects the threshold', () => {
    expect(classifyVisibility(pose({ left_hip: 0.35 }), 0.4).kind).toBe('partial');
    expect(classifyVisibility(pose({ left_hip: 0.35 }), 0.3).kind).toBe('full');
  });
});
