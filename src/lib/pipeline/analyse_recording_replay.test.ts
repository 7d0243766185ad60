// Recording analysis on what the real pose models saw on the rig's trial clips (test-fixtures/replay/,
// recorded by scripts/record-replay.ts; no model runs here): the trials found without prompts against the
// clip's truth and against the live protocol on the same poses; the same recording cut into trials and put
// back together in other orders; and only every 2nd or 3rd frame analysed (what a feeder that skips frames
// for speed gets).
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_ERROR_DEG } from '../feedback/thresholds';
import { hipProtocol } from '../protocols/hip_guided';
import type { Direction, HipTestId } from '../protocols/types';
import type { Side } from '../types';
import { recordedFrames, splice, trialPieces } from '../../testing/recording_script';
import { analyseRecording } from './analyse_recording';
import type { HipRecordingAnalysis, RecordingInfo } from './analysis_types';
import type { PoseSequence } from './pose_sequence';
import { runProtocol, type TimedPose } from './run_protocol';
import { EXTERNAL_ROTATION } from './test_setup';
import { loadReplay, truthDeg } from '../../testing/replay_fixtures';

const SIDES: Side[] = ['right', 'left'];

function analyse(test: HipTestId, seq: PoseSequence, frames: TimedPose[]): HipRecordingAnalysis {
  const durationS = (frames.at(-1)!.tMs - frames[0]!.tMs) / 1000;
  const info: RecordingInfo = {
    file: `${test}.poses.json`,
    model: seq.model,
    frames: frames.length,
    fps: frames.length / durationS,
    durationS,
    analysisS: 0,
    width: frames.find((f) => f.pose)!.pose!.width,
    height: frames.find((f) => f.pose)!.pose!.height,
    rotationDeg: 0,
  };
  const a = analyseRecording(test, frames, info);
  if (a.kind !== 'hip') throw new Error('expected a hip analysis');
  return a;
}

/** What the live protocol reports on the same poses (played twice, as hip_replay.test.ts does). */
function live(test: HipTestId, seq: PoseSequence, directions: Direction[]) {
  const frames = recordedFrames(seq);
  const period = frames.at(-1)!.tMs + 1000 / seq.fps;
  const twice = [0, 1].flatMap((k) =>
    frames.map((f) => ({ pose: f.pose && { ...f.pose, tMs: f.tMs + k * period }, tMs: f.tMs + k * period })),
  );
  return runProtocol(hipProtocol({ test, directions }), twice).result!;
}

const value = (a: HipRecordingAnalysis, side: Side, d: Direction) =>
  a.outcome.result.sides[side]![d]!.valueDeg;

describe.each<HipTestId>(['seated', 'supine', 'prone'])('%s recording, no prompts', (test) => {
  const seq = loadReplay(test);
  const directions: Direction[] = EXTERNAL_ROTATION[test].ok ? ['internal', 'external'] : ['internal'];
  const a = analyse(test, seq, recordedFrames(seq));

  it('finds each of the clip’s trials, with its peak inside the clip’s hold, and nothing else', () => {
    const wanted = seq.truth.trials.filter((t) => directions.includes(t.direction));
    expect(a.trials).toHaveLength(wanted.length);
    for (const t of wanted) {
      const found = a.trials.filter(
        (x) =>
          x.side === t.side &&
          x.direction === t.direction &&
          x.peakMs >= t.holdStartMs &&
          x.peakMs <= t.holdEndMs,
      );
      expect(found, `${t.side} ${t.direction} ${t.trial}`).toHaveLength(1);
      expect(found[0]!.valid).toBe(true);
    }
  });

  it("reports each side within the test's accuracy bound of the truth, and within 0.5° of the live test", () => {
    const bound = MEASUREMENT_ERROR_DEG[test].p95Deg!;
    const liveResult = live(test, seq, directions);
    const rows: string[] = [];
    for (const side of SIDES)
      for (const d of directions) {
        const got = value(a, side, d)!;
        const liveDeg = liveResult.sides[side]![d]!.valueDeg!;
        rows.push(`${side} ${d} ${got}° (live ${liveDeg}°, truth ${truthDeg(seq, side, d).toFixed(1)}°)`);
        expect(a.outcome.result.sides[side]![d]!.rule).toBe('mean of 3 trials');
        expect(Math.abs(got - truthDeg(seq, side, d))).toBeLessThanOrEqual(bound);
        expect(Math.abs(got - liveDeg)).toBeLessThanOrEqual(0.5);
      }
    console.log(`${test} recording analysed (${seq.model}): ${rows.join('; ')}`);
  });

  it('gives the same values with the trials spliced in other orders (left first, external first)', () => {
    const pieces = trialPieces(seq);
    const keys = [...pieces.keys()].filter((k) => directions.includes(k.split('/')[1] as Direction));
    const orders = [
      [...keys].reverse(),
      // Left leg first, external before internal, the two legs' trials interleaved.
      [...keys].sort((x, y) => rank(x) - rank(y)),
    ];
    let worst = 0;
    for (const order of orders) {
      const b = analyse(
        test,
        seq,
        splice(
          order.map((k) => pieces.get(k)!),
          1000 / seq.fps,
        ),
      );
      for (const side of SIDES)
        for (const d of directions) {
          const diff = Math.abs(value(b, side, d)! - value(a, side, d)!);
          worst = Math.max(worst, diff);
          // Seated trials take the turn from the neutral held just before them (hip_trial_reading.ts), read on the
          // hip line of that moment. The seated clip moves the untested leg out of the way before the external
          // trials, and the other hip's keypoint moves with it (the hip line by ≈ 4.7°): spliced in another order, a
          // trial's neutral can be held with the other leg placed differently from its hold, which no real test
          // does (up to 2.0° seen, left internal, legs interleaved).
          expect(diff, `${order.join(',')}: ${side} ${d}`).toBeLessThanOrEqual(test === 'seated' ? 2.5 : 0.2);
        }
      expect(b.trials.filter((t) => t.valid)).toHaveLength(keys.length);
    }
    console.log(
      `${test} spliced in 2 other orders: every value within ${worst.toFixed(1)}° of the recording's order`,
    );
  });

  it('changes by at most 1° when only every 2nd or 3rd frame is analysed', () => {
    const rows: string[] = [];
    for (const k of [2, 3]) {
      const b = analyse(
        test,
        seq,
        recordedFrames(seq).filter((_, i) => i % k === 0),
      );
      const diffs = SIDES.flatMap((side) => directions.map((d) => value(b, side, d)! - value(a, side, d)!));
      rows.push(`every ${k}: ${diffs.map((x) => (x >= 0 ? '+' : '') + x.toFixed(1)).join(' ')}`);
      for (const x of diffs) expect(Math.abs(x)).toBeLessThanOrEqual(1);
    }
    console.log(
      `${test} subsampled (${SIDES.flatMap((s) => directions.map((d) => `${s} ${d}`)).join(', ')}): ${rows.join('; ')}`,
    );
  });
});

/** Interleaving order: trial number first, then left before right, external before internal. */
function rank(key: string): number {
  const [side, direction, trial] = key.split('/');
  return Number(trial) * 4 + (side === 'left' ? 0 : 2) + (direction === 'external' ? 0 : 1);
}
