// The goniocam-report/1 schema (valibot): what an imported or stored record must look like before any
// screen, chart or export touches it. Every string and list has a ceiling, so a hostile file cannot make
// the page render megabytes of text or thousands of rows; strings are kept as text (never HTML).
import * as v from 'valibot';
import { COMPENSATION_KINDS } from '../protocols/types';
import { REPORT_FORMAT } from './session_record';

const MODELS = [
  'movenet-lightning',
  'movenet-thunder',
  'blazepose-lite',
  'blazepose-full',
  'mediapipe-lite',
  'mediapipe-full',
] as const;

const num = v.pipe(v.number(), v.finite());
const ms = v.pipe(v.number(), v.finite(), v.minValue(0));
const unit01 = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const side = v.picklist(['left', 'right']);
const direction = v.picklist(['internal', 'external']);
const testId = v.picklist(['seated', 'supine', 'prone', 'squat']);
const hipTestId = v.picklist(['seated', 'supine', 'prone']);

const Evidence = v.object({
  label: text(200),
  value: num,
  unit: v.picklist(['°', '%', 'ratio', 'score', 'ms']),
  threshold: num,
  comparator: v.picklist(['<', '>', '≤', '≥']),
  source: text(80),
});

export const Compensation = v.object({
  kind: v.picklist(COMPENSATION_KINDS),
  severity: v.picklist(['flag', 'invalid']),
  message: text(1000),
  evidence: Evidence,
  tMs: num,
});

export const Trial = v.object({
  side,
  direction,
  attempt: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  valueDeg: v.nullable(num),
  confidence: unit01,
  neutralDeg: num,
  startMs: num,
  endMs: num,
  valid: v.boolean(),
  compensations: list(Compensation, 20),
});

const DirectionResult = v.object({
  side,
  direction,
  trials: list(Trial, 100),
  valueDeg: v.nullable(num),
  rule: text(200),
  confidence: unit01,
  reason: v.nullable(text(1000)),
});

const SideResults = v.object({
  internal: v.optional(DirectionResult),
  external: v.optional(DirectionResult),
});

const HipTestResult = v.object({
  test: hipTestId,
  method: text(80),
  sides: v.object({ left: v.optional(SideResults), right: v.optional(SideResults) }),
  startedMs: num,
  endedMs: num,
});

const Finding = v.object({
  id: text(120),
  level: v.picklist(['ok', 'info', 'attention', 'flag']),
  title: text(300),
  text: text(4000),
  evidence: list(Evidence, 20),
  confidence: unit01,
  drills: list(text(80), 20),
});

const RepValue = v.variant('ok', [
  v.object({ ok: v.literal(true), value: num, confidence: unit01 }),
  v.object({ ok: v.literal(false), reason: text(1000) }),
]);

const LegRep = v.object({
  fppaDeg: RepValue,
  fppaAtDepth: v.nullable(num),
  fppaAtMs: v.optional(v.nullable(num)),
  medialKneeDisplacement: RepValue,
  footTurnOutDeg: RepValue,
  kneeIn: v.optional(RepValue),
});

const SquatRep = v.object({
  index: v.pipe(v.number(), v.integer(), v.minValue(1)),
  startMs: num,
  bottomMs: num,
  endMs: num,
  depth: RepValue,
  trunkLeanDeg: RepValue,
  kneeCommonShift: RepValue,
  kneeIn: v.optional(RepValue),
  legs: v.object({ left: v.optional(LegRep), right: v.optional(LegRep) }),
});

const Spread = v.object({
  n: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mean: v.nullable(num),
  sd: v.nullable(num),
  min: v.nullable(num),
  max: v.nullable(num),
  confidence: unit01,
  reason: v.nullable(text(1000)),
});

const LegSummary = v.object({
  fppaDeg: Spread,
  medialKneeDisplacement: Spread,
  footTurnOutDeg: Spread,
  kneeIn: v.optional(Spread),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const SquatResult = v.object({
  test: v.literal('squat'),
  variant: v.picklist(['double', 'single-left', 'single-right']),
  targetReps: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  reps: list(SquatRep, 200),
  completed: v.boolean(),
  discarded: v.object({ tooShallow: count, tooFast: count, lost: count }),
  legs: v.object({ left: v.optional(LegSummary), right: v.optional(LegSummary) }),
  depth: Spread,
  trunkLeanDeg: Spread,
  kneeIn: v.optional(Spread),
  fppaAsymmetry: v.variant('ok', [
    v.object({ ok: v.literal(true), leftMinusRightDeg: num, confidence: unit01 }),
    v.object({ ok: v.literal(false), reason: text(1000) }),
  ]),
  baseline: v.nullable(
    v.object({
      legLengthPx: num,
      view: v.object({
        view: v.picklist(['frontal', 'side', 'unclear']),
        hipWidthRatio: v.nullable(num),
        reason: text(1000),
      }),
    }),
  ),
  startedMs: num,
  endedMs: num,
});

const TotalArc = v.object({ deg: num, confidence: unit01 });

/** Finding ids key the findings lists on screen: a repeated id is not something goniocam writes. */
const Findings = v.pipe(
  list(Finding, 100),
  v.check((fs) => new Set(fs.map((f) => f.id)).size === fs.length, 'a finding id is repeated'),
);

const Outcome = v.variant('kind', [
  v.object({
    kind: v.literal('hip'),
    result: HipTestResult,
    findings: Findings,
    arcs: v.object({ left: v.optional(TotalArc), right: v.optional(TotalArc) }),
  }),
  v.object({ kind: v.literal('squat'), result: SquatResult, findings: Findings }),
]);

export const ReportSchema = v.object({
  format: v.literal(REPORT_FORMAT),
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  client: v.nullable(v.object({ label: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) })),
  context: v.object({
    test: testId,
    placement: text(1000),
    model: v.picklist(MODELS),
    backend: text(40),
    appVersion: text(40),
    source: v.picklist(['live', 'recording']),
    file: v.nullable(text(300)),
  }),
  accuracy: v.object({ maeDeg: v.nullable(num), p95Deg: v.nullable(num), note: text(2000) }),
  outcome: Outcome,
  curve: list(v.object({ tMs: ms, left: v.nullable(num), right: v.nullable(num) }), 2000),
});
