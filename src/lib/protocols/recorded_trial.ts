// One excursion of a recording → a trial, judged as the live test judges one (hip_phases.ts): the same
// compensation checks against the trial's own neutral on the median of the last 5 measurable frames, the
// same dropout limit, the same low-confidence flag and the same trial confidence. What differs: the value is
// the mean of the whole still hold at end range (not its first 1.5 s), and the checks run from the neutral
// to the end of that hold, because a recording has no "done" prompt that ends the trial earlier. Pure.
import type { Side } from '../types';
import {
  frameCompensations,
  hipsSwapped,
  HIPS_SWAPPED_REASON,
  lowConfidence,
  mergeCompensations,
  outOfFrame,
  startOff,
  type NeutralRef,
} from './compensations';
import type { HipFrame } from './hip_frame';
import { medianFrame, neutralRef, trialConfidence } from './hip_phases';
import { RECENT_FRAMES } from './hip_state';
import type { Excursion, LegReading } from './hip_segments';
import { MOVEMENT, TIMING } from './limits';
import type { CompensationSpan, RecordedTrial } from './recorded_types';
import type { Compensation, CompensationKind, HipTestId } from './types';
import { trialReading, trialZeroDeg, withTrialZero } from './hip_trial_reading';

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The shortest excursion without a hold that is a person's attempt. A turn out and back takes a person about a
 * second (the rig's aborted attempts: 0.8 s); the model misreading a leg makes excursions of 0.1–0.3 s.
 */
export const MIN_ATTEMPT_MS = 500;

/**
 * The trial an excursion makes, with the spans its compensations cover; null for a clean false start.
 * Attempts are numbered once all trials are known (recorded_result.ts applyTrialRule).
 */
export function recordedTrial(
  ex: Excursion,
  readings: readonly LegReading[],
  test: HipTestId,
): { trial: RecordedTrial; spans: CompensationSpan[] } | null {
  const sign = ex.direction === 'internal' ? 1 : -1;
  // The trial's neutral is the start position just before it (hip_segments.ts startStretch), as live's is the
  // neutral hold just before each trial.
  const neutralFrames = ex.start.frames.flatMap((i) => (readings[i]?.frame ? [readings[i]!.frame!] : []));
  // The live test's neutral (hip_phases.ts neutralRef): knee judged relative to the pelvis and the foot's swing,
  // and not at all where the model has likely lost the knee.
  const ref: NeutralRef = withTrialZero(neutralRef(neutralFrames.slice(-RECENT_FRAMES), ex.start.deg), test);
  const checkTo = ex.hold ? ex.hold.toFrame : ex.endFrame;
  const spans = new SpanBuilder(ex.side);
  let comps: Compensation[] = [];
  // Live compares the median of the last 5 measurable frames, whichever they are: at the start, the
  // frames just before this trial (its neutral, or the return of the trial before it).
  let recent: HipFrame[] = lastSeenFrames(readings, ex.startFrame, RECENT_FRAMES);
  let lastSeen = recent.at(-1)?.tMs ?? readings[ex.startFrame - 1]!.tMs;
  for (let i = ex.startFrame; i <= checkTo; i++) {
    const read = readings[i]!;
    // As live: a frame whose hips the model swapped since neutral is not seen (its reading has the wrong sign).
    const r: LegReading =
      read.frame && hipsSwapped(read.frame, ref)
        ? { ...read, frame: null, reason: HIPS_SWAPPED_REASON }
        : read;
    if (!r.frame) {
      // Not seen: a gap longer than the live test's dropout limit voids the trial, as live.
      const next = nextSeen(readings, i, checkTo);
      const gap = (next ?? r.tMs) - lastSeen;
      if (gap > TIMING.dropoutMs.value && !comps.some((c) => c.kind === 'out-of-frame')) {
        const c = outOfFrame(
          r.reason ?? 'no pose',
          gap,
          TIMING.dropoutMs.value,
          TIMING.dropoutMs.source,
          r.tMs,
        );
        comps = mergeCompensations(comps, [c]);
        spans.add(c, lastSeen, next ?? r.tMs);
      }
      continue;
    }
    lastSeen = r.tMs;
    recent = [...recent, r.frame].slice(-RECENT_FRAMES);
    const fresh = frameCompensations(medianFrame(recent), ref, ex.side, test);
    comps = mergeCompensations(comps, fresh);
    for (const c of fresh) spans.add(c, r.tMs, r.tMs);
  }
  const voided = comps.some((c) => c.severity === 'invalid');
  // No hold: a false start, not a trial; kept as a voided attempt only when it was spoiled, and only when it
  // lasted as long as a person's movement does: out and back within MIN_ATTEMPT_MS is the model misreading the
  // leg for a frame or two (prone.mp4: three such "attempts", each voided as a moving knee).
  const lastedMs = readings[ex.endFrame]!.tMs - readings[ex.startFrame]!.tMs;
  if (!ex.hold && (!voided || lastedMs < MIN_ATTEMPT_MS)) return null;
  const hold = ex.hold;
  const peakFrame = hold ? Math.round((hold.fromFrame + hold.toFrame) / 2) : ex.peakFrame;
  const low = hold && !voided ? lowConfidence(hold.meanConfidence, hold.endMs) : null;
  if (low && hold) {
    comps = mergeCompensations(comps, [low]);
    spans.add(low, hold.startMs, hold.endMs);
  }
  // A start read past the asked position (up to MOVEMENT.startOffMaxDeg), as live takes one after a wait: flagged, and
  // the trial worth half (the model may be misreading this leg at rest).
  const off = Math.abs(ex.start.deg) > MOVEMENT.neutralMaxDeg.value;
  if (off && hold && !voided) {
    const c = startOff(ex.start.deg, readings[ex.start.fromFrame]!.tMs);
    comps = mergeCompensations(comps, [c]);
    spans.add(c, readings[ex.start.fromFrame]!.tMs, readings[ex.start.toFrame]!.tMs);
  }
  // As live (hip_trial_reading.ts): seated, the hold read with the knee pinned where the neutral had it, and the
  // value is the turn since that neutral.
  const zero = trialZeroDeg(ref);
  const holdDeg = hold
    ? (trialHoldDeg(readings, hold.fromFrame, hold.toFrame, ref, test) ?? hold.meanDeg)
    : null;
  const peakDeg =
    holdDeg !== null
      ? sign * (holdDeg - zero)
      : sign * (readOne(readings[ex.peakFrame]!.frame!, ref, test) - zero);
  const trial: RecordedTrial = {
    side: ex.side,
    direction: ex.direction,
    attempt: 0,
    valueDeg: voided || holdDeg === null ? null : round1(sign * (holdDeg - zero)),
    // The live trial's confidence (hip_phases.ts trialConfidence).
    confidence: voided || !hold ? 0 : trialConfidence(hold.meanConfidence, hold.sdDeg, off),
    neutralDeg: round1(ex.start.deg),
    startMs: readings[ex.startFrame]!.tMs,
    endMs: readings[ex.endFrame]!.tMs,
    valid: !voided && hold !== null,
    compensations: comps,
    peakMs: readings[peakFrame]!.tMs,
    peakDeg: round1(peakDeg),
  };
  return { trial, spans: spans.spans() };
}

/** A frame's reading as a live trial takes it (seated: the knee pinned); its plain reading if that is unreadable (the peak mark only). */
function readOne(frame: HipFrame, ref: NeutralRef, test: HipTestId): number {
  const r = trialReading(frame, ref, test);
  return r.ok ? r.frame.deg : frame.deg;
}

/**
 * Mean of the hold's frames as a live trial reads them: a frame whose trial reading is past the physiological range
 * is left out, as the live test leaves it out; null when no frame is left.
 */
function trialHoldDeg(
  readings: readonly LegReading[],
  from: number,
  to: number,
  ref: NeutralRef,
  test: HipTestId,
): number | null {
  const degs: number[] = [];
  for (const f of measurable(readings, from, to)) {
    const r = trialReading(f, ref, test);
    if (r.ok) degs.push(r.frame.deg);
  }
  return degs.length ? degs.reduce((a, b) => a + b, 0) / degs.length : null;
}

function measurable(readings: readonly LegReading[], from: number, to: number): HipFrame[] {
  const out: HipFrame[] = [];
  for (let i = from; i <= to; i++) {
    const f = readings[i]?.frame;
    if (f) out.push(f);
  }
  return out;
}

/** The last `k` measurable frames before frame `before`, in time order. */
function lastSeenFrames(readings: readonly LegReading[], before: number, k: number): HipFrame[] {
  const out: HipFrame[] = [];
  for (let i = before - 1; i >= 0 && out.length < k; i--) {
    const f = readings[i]!.frame;
    if (f) out.unshift(f);
  }
  return out;
}

function nextSeen(readings: readonly LegReading[], i: number, to: number): number | null {
  for (let k = i + 1; k <= to; k++) if (readings[k]!.frame) return readings[k]!.tMs;
  return null;
}

/** Frames with the same compensation kind in a row make one span; it keeps the worst instance. */
class SpanBuilder {
  readonly #open = new Map<CompensationKind, CompensationSpan>();
  readonly #done: CompensationSpan[] = [];
  #lastMs = new Map<CompensationKind, number>();

  constructor(readonly side: Side) {}

  add(c: Compensation, fromMs: number, toMs: number): void {
    const open = this.#open.get(c.kind);
    const contiguous = open && fromMs - (this.#lastMs.get(c.kind) ?? -Infinity) <= TIMING.dropoutMs.value;
    if (open && contiguous) {
      const worse =
        c.severity !== open.compensation.severity
          ? c.severity === 'invalid'
          : c.evidence.value > open.compensation.evidence.value;
      this.#open.set(c.kind, { ...open, endMs: toMs, compensation: worse ? c : open.compensation });
    } else {
      if (open) this.#done.push(open);
      this.#open.set(c.kind, { side: this.side, startMs: fromMs, endMs: toMs, compensation: c });
    }
    this.#lastMs.set(c.kind, toMs);
  }

  spans(): CompensationSpan[] {
    return [...this.#done, ...this.#open.values()].sort((a, b) => a.startMs - b.startMs);
  }
}
