// A seated hip hike, as the real pose model sees it: the rig's clip of the report body q-women-Casual with the tested
// hip hiking 20° in step with every turn (scripts/rig/clips.mjs --compensate pelvis:20; the femoral rotation stays the
// truth), run through BlazePose full and played as a person following the prompts. The models' hip keypoints hardly
// follow a seated hike (this clip's hip line turns ≤ 8° for 20°), so the hip line alone flagged two internal trials and
// none of the external ones, whose results the hike inflates by 10–11° here. The tested knee rises with the thigh
// (protocols/compensations.ts kneeRise), which is where the check now sees it. The limits were chosen on the dev
// bodies (docs/accuracy.md, "A seated hike seen at the knee"); nothing was chosen on this body.
import { describe, expect, it } from 'vitest';
import { followingHipRun } from '../../testing/following_replay';
import { loadReplay, truthDeg } from '../../testing/replay_fixtures';
import type { Side } from '../types';

describe('a seated hip hike on the report body q-women-Casual (model replay, followed)', () => {
  const seq = loadReplay('seated-q-women-Casual-hike20');
  const run = followingHipRun(seq, 'seated');
  const kneeRose = (c: { kind: string; evidence: { label: string } }) =>
    c.kind === 'pelvis-tilt' && c.evidence.label.startsWith('Knee rise');

  it('is a clip that hikes on every trial', () => {
    expect(seq.truth.trials.every((t) => t.compensation?.kind === 'pelvis')).toBe(true);
  });

  it('flags every external result the hike inflated, by the knee rising', () => {
    const inflated: string[] = [];
    for (const side of ['right', 'left'] as Side[]) {
      const got = run.result?.sides[side]?.external?.valueDeg ?? null;
      if (got === null || got - truthDeg(seq, side, 'external') <= 6) continue;
      inflated.push(side);
      const kept = run.state.trials.filter((t) => t.valid && t.side === side && t.direction === 'external');
      expect(
        kept.some((t) => t.compensations.some(kneeRose)),
        `${side} external`,
      ).toBe(true);
    }
    // Both sides read high on this clip (9.6° and 10.9° above the truth when measured; 11.3° and 14.6° before the
    // trial's hip line dropped what the trunk axis turned with, hip_trial_reading.ts seatedHipLineDeg): the check has
    // work to do.
    expect(inflated).toEqual(['right', 'left']);
  });

  it('says what rose, by how much, against which limit', () => {
    const c = run.state.trials.flatMap((t) => t.compensations).find(kneeRose)!;
    expect(c.severity).toBe('flag');
    expect(c.message).toMatch(/thigh lifted/);
    expect(c.evidence.unit).toBe('ratio');
    expect(c.evidence.value).toBeGreaterThan(c.evidence.threshold);
  });
});

describe('the same body without the hike (model replay, followed)', () => {
  it('shows no pelvis compensation on any trial', () => {
    const run = followingHipRun(loadReplay('seated-q-women-Casual'), 'seated');
    expect(run.state.trials.length).toBeGreaterThanOrEqual(12);
    expect(run.state.trials.flatMap((t) => t.compensations.filter((c) => c.kind === 'pelvis-tilt'))).toEqual(
      [],
    );
  });
});
