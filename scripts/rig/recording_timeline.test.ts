// The whole-test recordings' schedules: the orders the live prompts never use, what counts as a trial, the
// untested leg out of the way for seated external rotation, and a phone's uneven frame times.
import { describe, expect, it } from 'vitest';
import { segmentAt } from './clip_timeline.mjs';
import {
  HIP_PLANS,
  HIP_TIMING,
  OTHER_LEG_ABDUCTION_DEG,
  buildHipRecording,
  cfrTimes,
  expectedResults,
  keyframesAt,
  vfrTimes,
} from './recording_timeline.mjs';
import { SQUAT_PLAN, TEMPO, buildSquatRecording } from './squat_recording_timeline.mjs';

const order = (trials: { side: string; direction: string }[]) =>
  trials.map((t) => `${t.side} ${t.direction}`).filter((x, i, a) => x !== a[i - 1]);

describe('the seated recording', () => {
  const s = buildHipRecording(HIP_PLANS.seated);

  it('starts with the left leg and external rotation, and pauses between the legs', () => {
    expect(order(s.trials)).toEqual(['left external', 'left internal', 'right internal', 'right external']);
    expect(s.trials).toHaveLength(12);
    expect(s.pauses).toEqual([{ startMs: expect.any(Number), endMs: expect.any(Number) }]);
    const [p] = s.pauses;
    expect(p!.endMs - p!.startMs).toBe(4000);
    expect(s.trials.filter((t) => t.side === 'left').every((t) => t.endMs <= p!.startMs)).toBe(true);
    expect(s.trials.filter((t) => t.side === 'right').every((t) => t.startMs >= p!.endMs)).toBe(true);
    expect(s.durationMs).toBeGreaterThanOrEqual(40_000);
    expect(s.durationMs).toBeLessThanOrEqual(70_000);
  });

  it('has an aborted attempt that is not a trial: part way up, straight back, no hold', () => {
    expect(s.attempts).toHaveLength(1);
    const a = s.attempts[0]!;
    expect(a.maxDeg).toBeLessThan(15);
    const shown = s.timeline.filter((g) => g.startMs >= a.startMs && g.endMs <= a.endMs);
    expect(Math.max(...shown.map((g) => g.endMs - g.startMs))).toBeLessThan(HIP_TIMING.holdMs);
    const leftIR = s.trials.filter((t) => t.side === 'left' && t.direction === 'internal');
    expect(leftIR.map((t) => t.trial)).toEqual([1, 2, 3]);
    expect(leftIR[0]!.endMs).toBeLessThan(a.startMs);
    expect(leftIR[1]!.startMs).toBeGreaterThan(a.endMs);
  });

  it('holds each peak for the hold time, with the tested leg at the peak and the other at 0', () => {
    for (const t of s.trials) {
      expect(t.holdEndMs - t.holdStartMs).toBe(HIP_TIMING.holdMs);
      expect(t.peakMs).toBe((t.holdStartMs + t.holdEndMs) / 2);
      const k = s.keyframes[segmentAt(s.timeline, t.peakMs).keyframe]!;
      expect(k.side).toBe(t.side);
      expect(k.hipRotationDeg).toBe(t.direction === 'internal' ? t.peakDeg : -t.peakDeg);
      for (const edge of [t.startMs - 1, t.endMs])
        expect(s.keyframes[segmentAt(s.timeline, edge).keyframe]!.hipRotationDeg).toBe(0);
    }
  });

  it('moves the untested leg out of the way for every external rotation, and only with the rotation at 0', () => {
    for (const t of s.trials.filter((x) => x.direction === 'external'))
      for (let ms = t.startMs; ms < t.endMs; ms += 100)
        expect(s.keyframes[segmentAt(s.timeline, ms).keyframe]!.otherAbductionDeg).toBe(
          OTHER_LEG_ABDUCTION_DEG,
        );
    for (const k of s.keyframes)
      if (k.otherAbductionDeg !== OTHER_LEG_ABDUCTION_DEG && k.otherAbductionDeg)
        expect(k.hipRotationDeg).toBe(0);
    const internal = s.trials.filter((x) => x.direction === 'internal');
    for (const t of internal)
      expect(s.keyframes[segmentAt(s.timeline, t.peakMs).keyframe]!.otherAbductionDeg).toBe(0);
  });

  it('settles in neutral after moving the other leg: still for the settling time and a neutral before turning', () => {
    for (const t of s.trials.filter((x) => x.direction === 'external' && x.trial === 1)) {
      // Walk back from the trial's start over the still neutral frames with the other leg already out.
      let ms = t.startMs - 1;
      const still = (m: number) => {
        const k = s.keyframes[segmentAt(s.timeline, m).keyframe]!;
        return k.hipRotationDeg === 0 && k.otherAbductionDeg === OTHER_LEG_ABDUCTION_DEG;
      };
      while (ms >= 0 && still(ms)) ms -= 1;
      // The move's last step already shows the leg out, so the still stretch is that step longer.
      expect(t.startMs - 1 - ms).toBe(
        HIP_TIMING.moveMs / HIP_TIMING.moveSteps + HIP_TIMING.settleMs + HIP_TIMING.neutralMs,
      );
    }
  });

  it('is contiguous from 0 and expects the mean of the counted trials', () => {
    s.timeline.forEach((g, i) => expect(g.startMs).toBe(i ? s.timeline[i - 1]!.endMs : 0));
    expect(s.timeline.at(-1)!.endMs).toBe(s.durationMs);
    expect(expectedResults(s.trials)).toEqual({
      left: { external: 38, internal: 27 },
      right: { internal: 40.67, external: 33.67 },
    });
  });
});

describe('the prone and supine recordings', () => {
  it('prone: right leg first, external before internal, a fourth trial that does not count', () => {
    const s = buildHipRecording(HIP_PLANS.prone);
    expect(order(s.trials)).toEqual(['right external', 'right internal', 'left internal', 'left external']);
    const rightIR = s.trials.filter((t) => t.side === 'right' && t.direction === 'internal');
    expect(rightIR.map((t) => t.counted)).toEqual([true, true, true, false]);
    expect(expectedResults(s.trials).right!.internal).toBe(38.33);
    expect(s.keyframes.every((k) => k.otherAbductionDeg === 0)).toBe(true);
  });

  it('supine: internal rotation only, left first, an aborted attempt and a fourth trial on the right', () => {
    const s = buildHipRecording(HIP_PLANS.supine);
    expect(order(s.trials)).toEqual(['left internal', 'right internal']);
    expect(s.attempts).toHaveLength(1);
    expect(s.trials.filter((t) => !t.counted)).toEqual([
      expect.objectContaining({ side: 'right', trial: 4, peakDeg: 29 }),
    ]);
    expect(s.durationMs).toBeGreaterThanOrEqual(40_000);
  });
});

describe('the squat recording', () => {
  const s = buildSquatRecording();

  it('has every rep at its tempo, and a standing pause after the third', () => {
    const tempos = SQUAT_PLAN.reps.flatMap((r) => ('tempo' in r ? [r.tempo] : []));
    expect(s.reps.map((r) => r.tempo)).toEqual(tempos);
    for (const r of s.reps) {
      const t = TEMPO[r.tempo];
      expect(r.bottomStartMs - r.startMs).toBe(t.descentMs);
      expect(r.bottomEndMs - r.bottomStartMs).toBe(t.bottomMs);
      expect(r.endMs - r.bottomEndMs).toBe(t.riseMs);
      expect(s.keyframes[segmentAt(s.timeline, r.bottomMs).keyframe]!.name).toBe(`rep${r.rep}-bottom`);
    }
    expect(s.pauses).toHaveLength(1);
    expect(s.pauses[0]!.startMs).toBe(s.reps[2]!.endMs + TEMPO.normal.standMs);
    expect(s.durationMs).toBeGreaterThanOrEqual(40_000);
  });
});

describe('frame times', () => {
  it('constant rate: frame n at n·1000/fps', () => {
    expect(cfrTimes(1000, 10)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(() => cfrTimes(1000, 0)).toThrow(/fps/);
  });

  it("a phone's variable rate: uneven, with drops and repeats, so index ÷ fps is wrong; the same every run", () => {
    const v = vfrTimes(60_000, { fps: 12 });
    expect(vfrTimes(60_000, { fps: 12 })).toEqual(v);
    const gaps = v.slice(1).map((f, i) => f.tMs - v[i]!.tMs);
    expect(Math.min(...gaps)).toBeGreaterThan(0);
    expect(new Set(gaps).size).toBeGreaterThan(10);
    expect(gaps.filter((g) => g > 1.6 * (1000 / 12)).length).toBeGreaterThanOrEqual(10); // dropped frames
    const repeats = v.filter((f) => f.captureMs !== f.tMs);
    expect(repeats.length).toBeGreaterThanOrEqual(10);
    for (const f of repeats) expect(f.captureMs).toBeLessThan(f.tMs);
    const worst = Math.max(...v.map((f, i) => Math.abs(f.tMs - (i * 1000) / 12)));
    expect(worst).toBeGreaterThan(1000); // by the end, index ÷ 12 fps is more than a second off
  });

  it('keyframesAt gives the pose shown at each moment', () => {
    const s = buildHipRecording(HIP_PLANS.seated);
    const t = s.trials[0]!;
    const [k] = keyframesAt(s.timeline, [t.peakMs]);
    expect(s.keyframes[k!]!.hipRotationDeg).toBe(-t.peakDeg);
  });
});
