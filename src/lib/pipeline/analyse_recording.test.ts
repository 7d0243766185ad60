// Recorded hip tests without prompts, on scripted bodies (the stick body of src/testing/ moved as a person
// would in front of a camera nobody is prompting from): either leg first, external before internal, pauses,
// false starts, repeated trials, compensations. The values must be the geometry's own reading of the held
// poses, averaged by the live test's rule.
import { describe, expect, it } from 'vitest';
import { measureHipRotation } from '../geometry';
import { EXCLUDED_AFTER_THIRD } from '../protocols/recorded_result';
import type { CompensationKind, Direction, HipTestId } from '../protocols/types';
import type { Side } from '../types';
import { falseStart, pause, piece, splice } from '../../testing/recording_script';
import type { Perturbation, ScriptedTrial } from '../../testing/scripted_person';
import { PLACEMENT } from '../../testing/scripted_person';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { analyseRecording } from './analyse_recording';
import type { HipRecordingAnalysis, RecordingInfo } from './analysis_types';
import type { TimedPose } from './run_protocol';

const FRAME_MS = 1000 / 15;
const INFO: RecordingInfo = {
  file: 'scripted.mp4',
  model: 'blazepose-full',
  frames: 0,
  fps: 15,
  durationS: 0,
  analysisS: 0,
  width: 640,
  height: 480,
  rotationDeg: 0,
};

function hip(test: HipTestId, frames: TimedPose[], sides?: Side[]): HipRecordingAnalysis {
  const a = analyseRecording(test, frames, INFO, sides ? { sides } : {});
  if (a.kind !== 'hip') throw new Error('expected a hip analysis');
  return a;
}

/** The geometry's own reading of the pose held at `peakDeg` (what a perfect segmentation reports). */
function held(test: HipTestId, side: Side, peakDeg: number): number {
  const m = measureHipRotation(synthPose(test, side, peakDeg, PLACEMENTS[PLACEMENT[test]]!), test, side);
  if (!m.ok) throw new Error(m.reason);
  return m.valueDeg;
}

const tr = (side: Side, peakDeg: number, perturb?: Perturbation): ScriptedTrial =>
  perturb ? { side, peakDeg, perturb } : { side, peakDeg };

describe('a seated recording in an order the prompts never use', () => {
  // Left leg first, external before internal; a pause; a false start; the right leg's internal rotation
  // four times (the person repeated one); the right leg's external rotation last.
  const frames = splice(
    [
      piece('seated', [tr('left', -36), tr('left', -38), tr('left', -37)]),
      piece('seated', [tr('left', 27), tr('left', 29), tr('left', 26)]),
      pause('seated', 'left', 6000),
      falseStart('seated', 'right', 22),
      piece('seated', [tr('right', 40), tr('right', 38), tr('right', 41), tr('right', 44)]),
      piece('seated', [tr('right', -30), tr('right', -32), tr('right', -31)], { holdMs: 4000 }),
    ],
    FRAME_MS,
  );
  const a = hip('seated', frames);
  const r = a.outcome.result;
  const expectMean = (side: Side, d: Direction, peaks: number[]) => {
    const sign = d === 'internal' ? 1 : -1;
    const want = peaks.reduce((s, p) => s + sign * held('seated', side, p), 0) / peaks.length;
    const got = r.sides[side]![d]!;
    expect(got.rule).toBe('mean of 3 trials');
    expect(Math.abs(got.valueDeg! - want)).toBeLessThan(0.5);
  };

  it('finds every held trial, in time order, and no trial in the false start or the pause', () => {
    const order = a.trials.map((t) => `${t.side[0]}${t.direction === 'internal' ? 'IR' : 'ER'}`);
    expect(order).toEqual([
      ...Array(3).fill('lER'),
      ...Array(3).fill('lIR'),
      ...Array(4).fill('rIR'),
      ...Array(3).fill('rER'),
    ]);
    expect(a.trials.every((t) => t.valid && t.compensations.length === 0)).toBe(true);
    expect(a.missing).toEqual([]);
  });

  it('reports each side and direction within 0.5° of the geometry reading of the held poses', () => {
    expectMean('left', 'external', [-36, -38, -37]);
    expectMean('left', 'internal', [27, 29, 26]);
    expectMean('right', 'external', [-30, -32, -31]);
  });

  it('a repeated trial: the first three valid ones count, the fourth is listed as excluded', () => {
    const rir = a.trials.filter((t) => t.side === 'right' && t.direction === 'internal');
    expect(rir.map((t) => t.attempt)).toEqual([1, 2, 3, 4]);
    expect(rir.map((t) => t.excluded)).toEqual([undefined, undefined, undefined, EXCLUDED_AFTER_THIRD]);
    expect(r.sides.right!.internal!.trials).toHaveLength(3);
    expectMean('right', 'internal', [40, 38, 41]);
  });

  it('each trial has its neutral before it and its peak in the hold', () => {
    for (const t of a.trials) {
      expect(t.startMs).toBeLessThan(t.peakMs);
      expect(t.peakMs).toBeLessThan(t.endMs);
      expect(Math.abs(t.neutralDeg)).toBeLessThan(2);
      expect(t.peakDeg).toBeCloseTo(t.valueDeg!, 0);
    }
  });

  it('gives every frame both legs’ angles, and the same analysis every time', () => {
    expect(a.frames).toHaveLength(frames.length);
    expect(a.frames.every((f) => f.legs.left.deg !== null && f.legs.right.deg !== null)).toBe(true);
    expect(hip('seated', frames)).toEqual(a);
  });
});

describe('compensations in a recording: the live checks against each trial’s own neutral', () => {
  const shankPx = (() => {
    const p = synthPose('seated', 'right', 0, PLACEMENTS['seated-front']!);
    return Math.hypot(
      p.joints.right_ankle!.x - p.joints.right_knee!.x,
      p.joints.right_ankle!.y - p.joints.right_knee!.y,
    );
  })();
  /** The first trial perturbed, three clean ones after it. */
  const run = (perturb: Perturbation | undefined) =>
    hip(
      'seated',
      piece('seated', [tr('right', 38, perturb), tr('right', 37), tr('right', 38), tr('right', 39)]),
    );
  const clean = run(undefined);

  it('a clean twin carries none and no span', () => {
    expect(clean.trials.every((t) => t.valid && t.compensations.length === 0)).toBe(true);
    expect(clean.spans).toEqual([]);
  });

  const cases: [CompensationKind, Perturbation, 'invalid' | 'flag'][] = [
    ['knee-moved', { kneeShiftPx: 0.4 * shankPx }, 'invalid'],
    ['knee-moved', { kneeShiftPx: 0.18 * shankPx }, 'flag'],
    ['pelvis-tilt', { hipHikePx: 14 }, 'invalid'],
    ['trunk-lean', { trunkShiftPx: 60 }, 'invalid'],
    ['out-of-frame', { drop: ['right_ankle'] }, 'invalid'],
    ['low-confidence', { score: 0.4 }, 'flag'],
  ];

  it.each(cases)('%s (%o) → %s, with its span', (kind, perturb, severity) => {
    const a = run(perturb);
    const first = a.trials[0]!;
    expect(first.compensations.map((c) => `${c.kind}:${c.severity}`)).toContain(`${kind}:${severity}`);
    expect(first.valid).toBe(severity === 'flag');
    const span = a.spans.find((s) => s.compensation.kind === kind)!;
    expect(span.side).toBe('right');
    expect(span.startMs).toBeGreaterThanOrEqual(first.startMs);
    expect(span.endMs).toBeLessThanOrEqual(first.endMs);
    // The other trials are clean, and the direction still has three valid ones.
    expect(a.trials.slice(1).every((t) => t.valid && t.compensations.length === 0)).toBe(true);
    const dr = a.outcome.result.sides.right!.internal!;
    expect(dr.trials.filter((t) => t.valid)).toHaveLength(3);
    if (severity === 'flag')
      expect(dr.confidence).toBeLessThan(clean.outcome.result.sides.right!.internal!.confidence);
  });

  it('small movements below the limits are not compensations', () => {
    const a = run({ kneeShiftPx: 0.05 * shankPx, hipHikePx: 2, trunkShiftPx: 5 });
    expect(a.trials.every((t) => t.valid && t.compensations.length === 0)).toBe(true);
  });
});

describe('what a recording does not show', () => {
  it('a leg that never moves: its directions are missing with a reason, the other leg is measured', () => {
    const a = hip('prone', piece('prone', [tr('left', 30), tr('left', 31), tr('left', 29)]));
    expect(a.outcome.result.sides.left!.internal!.valueDeg).not.toBeNull();
    const right = a.missing.filter((m) => m.side === 'right');
    expect(right.map((m) => m.direction)).toEqual(['internal', 'external']);
    expect(right[0]!.reason).toMatch(/no internal rotation trial of the right leg/);
    expect(a.outcome.result.sides.right!.internal!.reason).toBe(right[0]!.reason);
    expect(a.missing.find((m) => m.side === 'left' && m.direction === 'external')).toBeDefined();
  });

  it('supine: external rotation is never measured, its trials are ignored, and the reason says why', () => {
    const a = hip(
      'supine',
      piece('supine', [
        tr('right', 35),
        tr('right', -30),
        tr('right', 36),
        tr('right', -31),
        tr('right', 34),
      ]),
    );
    expect(a.trials.every((t) => t.direction === 'internal')).toBe(true);
    expect(a.outcome.result.sides.right!.external).toBeUndefined();
    expect(a.missing.filter((m) => m.direction === 'external').map((m) => m.reason)[0]).toMatch(
      /cannot measure external rotation/,
    );
  });

  it('the sides option reports only the legs asked for', () => {
    const frames = piece('seated', [tr('left', 30), tr('left', 31), tr('left', 29), tr('right', 35)]);
    const a = hip('seated', frames, ['left']);
    expect(Object.keys(a.outcome.result.sides)).toEqual(['left']);
    expect(a.trials.every((t) => t.side === 'left')).toBe(true);
  });

  it('a leg out of view most of the time: the reason names what the geometry could not see', () => {
    const frames = piece('seated', [tr('left', 30), tr('left', 31), tr('left', 29)]).map((f) => {
      if (!f.pose) return f;
      const joints = { ...f.pose.joints };
      delete joints.right_ankle;
      return { ...f, pose: { ...f.pose, joints } };
    });
    const a = hip('seated', frames);
    const right = a.missing.find((m) => m.side === 'right' && m.direction === 'internal')!;
    expect(right.reason).toMatch(/^the right leg could not be measured in this recording: .*ankle/);
    expect(a.frames[0]!.legs.right).toMatchObject({ deg: null, reason: expect.stringMatching(/ankle/) });
  });

  it('an empty recording, or frames out of order, are refused with a clear message', () => {
    expect(() => analyseRecording('seated', [], INFO)).toThrow(/no frames/);
    const frames = piece('seated', [tr('right', 30)]);
    const swapped = [frames[1]!, frames[0]!, ...frames.slice(2)];
    expect(() => analyseRecording('seated', swapped, INFO)).toThrow(
      /frame 1 at 0 ms does not come after frame 0 at 66.66\d* ms/,
    );
    const again = [...frames.slice(0, 5), frames[4]!, ...frames.slice(5)];
    expect(() => analyseRecording('squat', again, INFO)).toThrow(/frame 5 .* presentation order/);
  });
});
