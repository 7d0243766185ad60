// Hand-made recording analyses for the export and CLI-printing tests: a seated clip that shows only the
// right leg (three internal trials, one of them voided, two external), and a squat set from the scripted
// squatter run through the real squat protocol. Findings come from the real pipeline/outcome.ts.
import { hipTestResult } from '../lib/protocols/hip_result';
import { squatProtocol } from '../lib/protocols/squat';
import { runProtocol } from '../lib/pipeline/run_protocol';
import { hipOutcome, squatOutcome } from '../lib/pipeline/outcome';
import type {
  AnalysedFrame,
  HipRecordingAnalysis,
  RecordedTrial,
  RecordingInfo,
  SquatRecordingAnalysis,
} from '../lib/pipeline/analysis_types';
import type { Direction } from '../lib/protocols/types';
import type { Pose, Side } from '../lib/types';
import { squatScript } from './squat_script';

export function recordingInfo(over: Partial<RecordingInfo> = {}): RecordingInfo {
  return {
    file: 'seated.mp4',
    model: 'blazepose-full',
    frames: 3,
    fps: 29.97,
    durationS: 60.0333,
    analysisS: 21.437,
    width: 640,
    height: 480,
    rotationDeg: 0,
    ...over,
  };
}

function recorded(
  side: Side,
  direction: Direction,
  attempt: number,
  startMs: number,
  valueDeg: number | null,
  over: Partial<RecordedTrial> = {},
): RecordedTrial {
  return {
    side,
    direction,
    attempt,
    valueDeg,
    confidence: 0.9,
    neutralDeg: 1.2,
    startMs,
    endMs: startMs + 3000,
    valid: valueDeg !== null,
    compensations: [],
    peakMs: startMs + 1500,
    peakDeg: (valueDeg ?? 20) + 0.4,
    ...over,
  };
}

const POSE: Pose = {
  tMs: 0,
  width: 640,
  height: 480,
  model: 'blazepose-full',
  score: 0.9,
  joints: {
    right_hip: { x: 300.123456, y: 200.5, score: 0.98765 },
    right_knee: { x: 310, y: 300, score: 0.9 },
    right_ankle: { x: 305, y: 420, score: 0.8 },
  },
};

/** Seated: right IR 34.0/36.0 (+ one voided by knee movement), ER 41.0/43.0; the left leg never shown. */
export function seatedAnalysis(): HipRecordingAnalysis {
  const voided = recorded('right', 'internal', 2, 9000, null, {
    compensations: [
      {
        kind: 'knee-moved',
        severity: 'invalid',
        message: 'The knee moved sideways, so the reading is not the hip\'s: keep the knee still, "please".',
        evidence: {
          label: 'knee shift',
          value: 0.2,
          unit: 'ratio',
          threshold: 0.1,
          comparator: '>',
          source: 'goniocam-engineering',
        },
        tMs: 9800.4,
      },
    ],
  });
  const trials: RecordedTrial[] = [
    recorded('right', 'internal', 1, 2000, 34),
    voided,
    recorded('right', 'internal', 3, 14000, 36),
    recorded('right', 'external', 1, 20000, 41),
    recorded('right', 'external', 2, 26000, 43),
    recorded('right', 'internal', 4, 32000, 50, {
      excluded: 'after the first three trials, as in the live test',
    }),
  ];
  const plan = [
    { side: 'right', direction: 'internal' },
    { side: 'right', direction: 'external' },
  ] as const;
  const counted = trials.filter((t) => !t.excluded);
  const result = hipTestResult('seated', '2d-hip-line', plan, counted, 0, 60_000);
  const frames: AnalysedFrame[] = [
    {
      tMs: 0,
      pose: POSE,
      legs: {
        left: { deg: null, confidence: 0, reason: 'left knee not in view' },
        right: { deg: 1.234, confidence: 0.87654, reason: null },
      },
    },
    {
      tMs: 33.3667,
      pose: null,
      legs: {
        left: { deg: null, confidence: 0, reason: 'no person, in view' },
        right: { deg: null, confidence: 0, reason: 'no person, in view' },
      },
    },
    {
      tMs: 66.7333,
      pose: { ...POSE, tMs: 66.7333 },
      legs: {
        left: { deg: null, confidence: 0, reason: 'left knee not in view' },
        right: { deg: -12.5, confidence: 0.8, reason: null },
      },
    },
  ];
  return {
    kind: 'hip',
    test: 'seated',
    info: recordingInfo(),
    frames,
    trials,
    spans: [],
    missing: [
      { side: 'left', direction: 'internal', reason: 'the clip does not show the left leg turning' },
      { side: 'left', direction: 'external', reason: 'the clip does not show the left leg turning' },
    ],
    outcome: hipOutcome(result),
  };
}

/** Three double-leg squats, left knee 12° and right 4° valgus at 0.4 leg lengths deep, run through the protocol. */
export function squatAnalysis(): SquatRecordingAnalysis {
  const rep = { depth: 0.4, fppaDeg: { left: 12, right: 4 }, downMs: 1200, upMs: 1200 };
  const frames = squatScript([rep, rep, rep], { fps: 30, standMs: 1500, restMs: 800 });
  const { result } = runProtocol(squatProtocol({ targetReps: 3 }), frames);
  if (!result) throw new Error('squatAnalysis: the scripted squat gave no result');
  return {
    kind: 'squat',
    test: 'squat',
    info: recordingInfo({ file: 'squat.mp4', frames: frames.length, fps: 30 }),
    frames: frames.map((f) => ({
      tMs: f.tMs,
      pose: f.pose,
      legs: {
        left: { deg: null, confidence: 0, reason: 'standing' },
        right: { deg: null, confidence: 0, reason: 'standing' },
      },
    })),
    spans: [],
    outcome: squatOutcome(result),
  };
}
