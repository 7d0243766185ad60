// Small hand-made recording analyses for the recording screens' unit tests (data only; the real analysis is
// tested in pipeline/). Frames every 100 ms; the right leg turns in to 36° and out to −40°.
import { hipOutcome, squatOutcome } from '../lib/pipeline/outcome';
import type {
  AnalysedFrame,
  CompensationSpan,
  HipRecordingAnalysis,
  RecordedTrial,
  RecordingInfo,
  SquatRecordingAnalysis,
} from '../lib/pipeline/analysis_types';
import type { Spread, SquatRep, SquatResult } from '../lib/protocols/squat_types';
import type { Side } from '../lib/types';
import { compensation, hipResult, trial } from './feedback_fixtures';

export const INFO: RecordingInfo = {
  file: 'seated test.mp4',
  model: 'blazepose-full',
  frames: 5,
  fps: 10,
  durationS: 0.5,
  analysisS: 1.2,
  width: 640,
  height: 480,
  rotationDeg: 0,
};

/** A frame with the right leg at `right` degrees (null + reason when unmeasured); the left never measured. */
export function frame(tMs: number, right: number | null): AnalysedFrame {
  return {
    tMs,
    pose: null,
    legs: {
      right:
        right === null
          ? { deg: null, confidence: 0, reason: 'knee not seen' }
          : { deg: right, confidence: 0.9, reason: null },
      left: { deg: null, confidence: 0, reason: 'left leg out of the picture' },
    },
  };
}

function recorded(side: Side, over: Partial<RecordedTrial>): RecordedTrial {
  return { ...trial(side, 'internal'), peakMs: 0, peakDeg: 0, ...over };
}

export function hipAnalysis(): HipRecordingAnalysis {
  const trials: RecordedTrial[] = [
    recorded('right', { direction: 'internal', attempt: 1, peakMs: 100, peakDeg: 36.04, valueDeg: 36 }),
    recorded('right', {
      direction: 'external',
      attempt: 1,
      peakMs: 300,
      peakDeg: 40,
      valueDeg: null,
      valid: false,
      compensations: [compensation('knee-moved', 'invalid', 'The knee moved')],
    }),
  ];
  const spans: CompensationSpan[] = [
    {
      side: 'right',
      startMs: 250,
      endMs: 350,
      compensation: compensation('knee-moved', 'invalid', 'The knee moved'),
    },
    {
      side: 'left',
      startMs: 0,
      endMs: 100,
      compensation: compensation('trunk-lean', 'flag', 'Trunk leaned'),
    },
  ];
  return {
    kind: 'hip',
    test: 'seated',
    info: INFO,
    frames: [frame(0, 0), frame(100, 36), frame(200, null), frame(300, -40), frame(400, 0)],
    trials,
    spans,
    missing: [{ side: 'left', direction: 'internal', reason: 'left leg out of the picture' }],
    outcome: hipOutcome(hipResult('seated', { right: { internal: 36 } })),
  };
}

const none = (reason: string): Spread => ({
  n: 0,
  mean: null,
  sd: null,
  min: null,
  max: null,
  confidence: 0,
  reason,
});

function rep(index: number, bottomMs: number, rightFppa: number): SquatRep {
  const v = { ok: true as const, value: rightFppa, confidence: 0.8 };
  const no = { ok: false as const, reason: 'not measured' };
  return {
    index,
    startMs: bottomMs - 100,
    bottomMs,
    endMs: bottomMs + 100,
    depth: { ok: true, value: 0.3, confidence: 0.9 },
    trunkLeanDeg: no,
    kneeCommonShift: no,
    legs: { right: { fppaDeg: v, fppaAtDepth: 0.3, medialKneeDisplacement: no, footTurnOutDeg: no } },
  };
}

export function squatAnalysis(): SquatRecordingAnalysis {
  const result: SquatResult = {
    test: 'squat',
    variant: 'double',
    targetReps: 2,
    reps: [rep(1, 100, 12.34), rep(2, 300, 20)],
    completed: true,
    discarded: { tooShallow: 0, tooFast: 0, lost: 0 },
    legs: {},
    depth: none('no reps'),
    trunkLeanDeg: none('no reps'),
    fppaAsymmetry: { ok: false, reason: 'one leg only' },
    baseline: null,
    startedMs: 0,
    endedMs: 400,
  };
  return {
    kind: 'squat',
    test: 'squat',
    info: { ...INFO, file: 'squats.webm' },
    frames: [frame(0, 2), frame(100, 12), frame(200, 4), frame(300, 20), frame(400, 30)],
    spans: [],
    outcome: squatOutcome(result),
  };
}
