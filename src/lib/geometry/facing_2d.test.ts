import { describe, expect, it } from 'vitest';
import { facingInImage } from './facing_2d';
import { frontalSquatPose, sideSquatPose } from '../../testing/synthetic_squat';

describe('facingInImage', () => {
  it('reads the feet of a side view', () => {
    expect(facingInImage(sideSquatPose({ facing: 'right' }))).toEqual({ sign: 1 });
    expect(facingInImage(sideSquatPose({ facing: 'left' }))).toEqual({ sign: -1 });
  });

  it('falls back to nose vs ears without feet', () => {
    const omit = ['left_heel', 'right_heel', 'left_foot_index', 'right_foot_index'] as const;
    expect(facingInImage(sideSquatPose({ facing: 'left', omit }))).toEqual({ sign: -1 });
    expect(facingInImage(sideSquatPose({ facing: 'left', omit: [...omit, 'nose'] }))).toMatchObject({
      reason: /which way/,
    });
  });

  it('does not read feet seen end-on (frontal view) as a direction', () => {
    // The synthetic frontal feet point down the picture and it has no ears: no answer, not a guess.
    expect(facingInImage(frontalSquatPose())).toMatchObject({ reason: /which way/ });
  });
});
