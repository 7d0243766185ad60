// Which leg did the trial: the one whose shank moved more over the trial's frames.
import { describe, expect, it } from 'vitest';
import { angleSeries } from '../../testing/angle_series';
import { legExcursions } from './hip_segments';
import { attributeExcursions, concurrentMovement } from './leg_attribution';

// The right leg turns 30° in; the left leg's reading follows it by 6° (more than a trial's 5° minimum).
const trial: [number, number][] = [
  [2000, 0],
  [800, 30],
  [2000, 30],
  [800, 0],
  [1500, 0],
];
const follow: [number, number][] = trial.map(([ms, d]) => [ms, d / 5]);

describe('attributeExcursions', () => {
  it('keeps the leg that moved and drops the resting leg’s echo of it', () => {
    const readings = { right: angleSeries(0, trial), left: angleSeries(0, follow) };
    const left = legExcursions('left', readings.left);
    expect(left).toHaveLength(1); // on its own, the echo looks like a 6° trial
    const kept = attributeExcursions({ right: legExcursions('right', readings.right), left }, readings);
    expect(kept.map((x) => x.side)).toEqual(['right']);
  });

  it('one wild frame of the resting leg (a noisy knee) does not steal the trial', () => {
    const right = angleSeries(0, trial);
    const left = angleSeries(0, [[7100, 0]]).map((r, i) =>
      i === 35 && r.frame ? { ...r, frame: { ...r.frame, deg: 60 } } : r,
    );
    const [ex] = legExcursions('right', right);
    expect(concurrentMovement(ex!, left)).toBeLessThan(1);
    expect(attributeExcursions({ right: [ex!], left: [] }, { right, left })).toHaveLength(1);
  });

  it('a resting leg that was not seen does not veto the trial', () => {
    const right = angleSeries(0, trial);
    const left = angleSeries(0, [[7100, 0]], { gaps: [[0, 8000]] });
    const [ex] = legExcursions('right', right);
    expect(concurrentMovement(ex!, left)).toBe(0);
    expect(attributeExcursions({ right: [ex!], left: [] }, { right, left })).toHaveLength(1);
  });

  it('a resting leg whose reading jumps 35° without a held turn of its own does not take the held trial', () => {
    // prone.mp4: the untested leg lies flat and the model reads it at −20° while the tested leg is at its start and at
    // +15° while it holds; noisy (±3°) so it never holds still itself.
    const right = angleSeries(0, trial);
    const left = angleSeries(-20, [[7100, -20]]).map((r) => {
      if (!r.frame) return r;
      const holding = r.tMs >= 2800 && r.tMs <= 4800;
      const wobble = (r.tMs / 100) % 2 === 0 ? 3 : -3;
      return { ...r, frame: { ...r.frame, deg: (holding ? 15 : -20) + wobble } };
    });
    const [ex] = legExcursions('right', right);
    expect(concurrentMovement(ex!, left)).toBeGreaterThan(ex!.peakDevDeg); // "moved more", frame by frame
    expect(legExcursions('left', left).filter((x) => x.hold)).toEqual([]);
    const kept = attributeExcursions({ right: [ex!], left: legExcursions('left', left) }, { right, left });
    expect(kept.filter((x) => x.hold).map((x) => x.side)).toEqual(['right']);
  });
});
