// The phases of the guided hip test, one function each: setup (start position and posture), neutral
// (hold still), trial (move, hold, compensations), return, and moving on to the next direction or side.
import {
  frameCompensations,
  lowConfidence,
  mergeCompensations,
  outOfFrame,
  startOff,
  unsteady,
  type NeutralRef,
} from './compensations';
import { medianAngleDeg } from '../geometry/angles';
import { acceptedAsFlags, askChoice, isStuck, nextStreak } from './hip_choice';
import type { HipFrame } from './hip_frame';
import { trialZeroDeg, withTrialZero } from './hip_trial_reading';
import * as say from './hip_prompts';
import { PROBLEM_SETTLE_MS, to, type HipState, type PlanStep } from './hip_state';
import { MOVEMENT, POSTURE, STILLNESS, STILLNESS_RELAXED, TIMING, TRIALS } from './limits';
import type { Speaker } from './speaker';
import { median, medianPoint, sdOf, stillSuffix } from './stillness';
import type { Compensation, Trial } from './types';

/** How far off a start position may read: the asked limit, or wider once a still start read off was taken. */
const startLimitDeg = (s: HipState): number =>
  s.startOffDeg === undefined ? MOVEMENT.neutralMaxDeg.value : MOVEMENT.startOffMaxDeg.value;

export function setup(s: HipState, frame: HipFrame | null, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  // A frame the model could not read, among readable ones, does not undo the set-up (as a trial forgives a dropout up
  // to the same limit): on bodies read every second or third frame the set-up otherwise never held 0.6 s and said
  // nothing, because no one problem lasted long enough to be told.
  if (!frame)
    return tMs - (s.lastMeasurableMs ?? -Infinity) > TIMING.dropoutMs.value
      ? { ...s, readySinceMs: null }
      : s;
  if (Math.abs(frame.deg) > startLimitDeg(s)) {
    // Read off but plausible, for long, and held still: the model may misread this leg at rest (a person whose shin
    // does hang straight cannot do better), so after a while the start is taken as it is, said, and flagged.
    const plausible = Math.abs(frame.deg) <= MOVEMENT.startOffMaxDeg.value;
    const offSince = plausible ? (s.startOffSinceMs ?? tMs) : null;
    if (offSince !== null && tMs - offSince >= TIMING.startOffWaitMs.value && heldSteady(s, tMs)) {
      sp.say(say.startOffPrompt(s.test, cur.side, frame.deg));
      return { ...s, startOffDeg: frame.deg, startOffSinceMs: null, readySinceMs: null };
    }
    if (tMs - s.phaseSinceMs > PROBLEM_SETTLE_MS)
      sp.say(say.startPositionPrompt(s.test, cur.side), TIMING.problemRepeatMs.value);
    return { ...s, readySinceMs: null, startOffSinceMs: offSince };
  }
  const lean = frame.trunkDeg === null ? 0 : Math.abs(Math.abs(frame.trunkDeg) - 90);
  if (lean > POSTURE.trunkOffSquareDeg.value) {
    if (tMs - s.phaseSinceMs > PROBLEM_SETTLE_MS)
      sp.say(say.posturePrompt(s.test, lean), TIMING.problemRepeatMs.value);
    return { ...s, readySinceMs: null };
  }
  // Seated, the untested knee out to the side gives the tested foot room and the model a knee it places right
  // (hip_trial_reading.ts). Waited for a while, then the test starts anyway: the reading adapts to either.
  if (
    typeof frame.otherKneeOut === 'number' &&
    frame.otherKneeOut < POSTURE.otherKneeOutHipWidths.value &&
    tMs - s.phaseSinceMs < POSTURE.otherKneeWaitMs.value
  ) {
    if (tMs - s.phaseSinceMs > PROBLEM_SETTLE_MS)
      sp.say(say.otherKneePrompt(cur.side), TIMING.problemRepeatMs.value);
    return { ...s, readySinceMs: null };
  }
  const since = s.readySinceMs ?? tMs;
  if (tMs - since < TIMING.setupMs.value) return { ...s, readySinceMs: since };
  sp.say(say.holdStillPrompt(false));
  return {
    ...to(s, 'neutral', tMs),
    readySinceMs: null,
    otherKneeOutAtSetup: (frame.otherKneeOut ?? 0) >= POSTURE.otherKneeOutHipWidths.value,
  };
}

export function neutral(s: HipState, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  const since = s.samples.filter((x) => x.tMs >= s.phaseSinceMs);
  const strict = stillSuffix(since, STILL);
  // No still second for a while: a noisy but steady one will do, flagged (STILLNESS_RELAXED says why).
  const run =
    (!strict || strict.durationMs < TIMING.neutralMs.value) &&
    tMs - s.phaseSinceMs >= TIMING.relaxStillAfterMs.value
      ? stillSuffix(since, RELAXED)
      : strict;
  if (run && run.durationMs >= TIMING.neutralMs.value) {
    if (Math.abs(run.meanDeg) > startLimitDeg(s)) {
      sp.say(say.startPositionPrompt(s.test, cur.side), TIMING.problemRepeatMs.value);
      return s;
    }
    // Seated, a shin hanging plumb with the tested knee out to the side is not the start either: the thigh must point
    // forward, or every trial after turns about a knee that is not where the neutral had it.
    const out = medianOf(s.recent, (f) => f.kneeOut);
    if (out !== null && out >= POSTURE.otherKneeOutHipWidths.value) {
      sp.say(say.testedKneePrompt(cur.side), TIMING.problemRepeatMs.value);
      return s;
    }
    // The untested knee, out at the set-up, back beside the tested one (people relax it between trials): wait a while
    // for it out again, as the set-up did, so that every trial of the side is read about the same kind of knee.
    const otherOut = medianOf(s.recent, (f) => f.otherKneeOut);
    if (
      s.otherKneeOutAtSetup &&
      otherOut !== null &&
      otherOut < POSTURE.otherKneeOutHipWidths.value &&
      tMs - s.phaseSinceMs < POSTURE.otherKneeWaitMs.value
    ) {
      sp.say(say.otherKneePrompt(cur.side), TIMING.problemRepeatMs.value);
      return s;
    }
    const ref = withTrialZero(neutralRef(s.recent, run.meanDeg), s.test);
    sp.say(say.movePrompt(s.test, cur.side, cur.direction));
    return {
      ...to(s, 'move', tMs),
      neutral: ref,
      neutralUnsteadySd: run === strict ? null : run.sdDeg,
      progressMs: tMs,
      trialPeakDeg: 0,
      trialStartMs: tMs,
      compensations: [],
    };
  }
  if (tMs - s.phaseSinceMs > TIMING.repromptMs.value) {
    // No still second yet: if the last second's reading wobbles more than a still one may, say so, with the number;
    // the person may be still and the model unsure of the leg (bulky clothes, dim light).
    const last = s.samples.filter((x) => x.tMs >= tMs - TIMING.neutralMs.value);
    const sd = last.length >= 3 ? sdOf(last.map((x) => x.deg)) : 0;
    sp.say(
      sd > STILLNESS.sdDeg.value
        ? say.unsteadyPrompt(s.test, cur.side, sd, STILLNESS.sdDeg.value)
        : say.holdStillPrompt(false),
      TIMING.repromptMs.value,
    );
  }
  return s;
}

export function trial(
  s: HipState,
  frame: HipFrame | null,
  problem: string | null,
  tMs: number,
  sp: Speaker,
): HipState {
  const cur = s.plan[s.stepIdx]!;
  const ref = s.neutral!;
  if (!frame) {
    const gap = tMs - (s.lastMeasurableMs ?? s.trialStartMs);
    if (gap <= TIMING.dropoutMs.value) return s;
    const c = outOfFrame(problem ?? 'no pose', gap, TIMING.dropoutMs.value, TIMING.dropoutMs.source, tMs);
    return voidTrial(s, mergeCompensations(s.compensations, [c]), c, tMs, sp);
  }
  const sign = cur.direction === 'internal' ? 1 : -1;
  s = { ...s, trialPeakDeg: Math.max(s.trialPeakDeg, sign * (frame.deg - ref.deg)) };
  const fresh = acceptedAsFlags(frameCompensations(medianFrame(s.recent), ref, cur.side, s.test), s.accepted);
  const comps = mergeCompensations(s.compensations, fresh);
  const voiding = comps.find((c) => c.severity === 'invalid');
  if (voiding) return voidTrial(s, comps, voiding, tMs, sp);

  if (sign * (frame.deg - ref.deg) < -MOVEMENT.wrongWayDeg.value)
    sp.say(say.wrongWayPrompt(cur.direction), TIMING.problemRepeatMs.value);

  const since = s.samples.filter((x) => x.tMs >= s.trialStartMs);
  const strict = stillSuffix(since, STILL);
  const atEndOf = (r: typeof strict): r is NonNullable<typeof strict> =>
    r !== null && sign * (r.meanDeg - ref.deg) >= MOVEMENT.minRangeDeg.value;
  // No still hold at end range for a while: a noisy but steady one will do, flagged (STILLNESS_RELAXED says why).
  const relaxed =
    tMs - s.trialStartMs >= TIMING.relaxStillAfterMs.value &&
    !(atEndOf(strict) && strict.durationMs >= TIMING.holdMs.value)
      ? stillSuffix(since, RELAXED)
      : null;
  const run = relaxed && atEndOf(relaxed) ? relaxed : strict;
  // A hold while the other leg turned further is not this leg's: the person moved the wrong one (or the model read
  // this leg's keypoints off the moving one). Not a void (no attempt, no run of voids): back to the start position,
  // where a new neutral is taken with both legs where they are now.
  const otherTurn = atEndOf(run) ? otherLegTurn(s.recent, ref, tMs - run.durationMs) : null;
  if (otherTurn !== null && Math.abs(otherTurn) > sign * (run!.meanDeg - ref.deg)) {
    sp.say(say.otherLegMovedPrompt(cur.side, otherTurn), TIMING.problemRepeatMs.value);
    return { ...to(s, 'neutral', tMs), compensations: [], holdProgress: 0 };
  }
  if (!atEndOf(run) || run.durationMs < TIMING.holdAnnounceMs.value) {
    const back = s.phase === 'hold' ? to(s, 'move', tMs) : s;
    if (tMs - back.phaseSinceMs > TIMING.repromptMs.value)
      sp.say(say.movePrompt(s.test, cur.side, cur.direction), TIMING.repromptMs.value);
    return { ...back, compensations: comps };
  }
  // Throttled: one noisy frame can break the still run for a frame (the hold then picks up where it was, as
  // the run re-extends), and "Hold…" should not be said again for it.
  if (s.phase === 'move') sp.say(say.holdPrompt(), TIMING.holdMs.value);
  const held: HipState = { ...(s.phase === 'move' ? to(s, 'hold', tMs) : s), compensations: comps };
  const progress = Math.min(1, run.durationMs / TIMING.holdMs.value);
  if (progress < 1) return { ...held, holdProgress: progress };

  const low = lowConfidence(run.meanConfidence, tMs);
  // A start taken as it was, read off while held still: said on every trial of the side.
  const off = s.startOffDeg === undefined ? null : startOff(s.startOffDeg, s.trialStartMs);
  // A neutral or hold taken from a noisy window: the worse wobble of the two.
  const wobble = Math.max(run === strict ? 0 : run.sdDeg, s.neutralUnsteadySd ?? 0);
  const shaky = wobble > 0 ? unsteady(run === strict ? 'start' : 'hold', wobble, tMs) : null;
  const finalComps = mergeCompensations(
    comps,
    [low, off, shaky].filter((c): c is Compensation => c !== null),
  );
  const t: Trial = {
    side: cur.side,
    direction: cur.direction,
    attempt: s.attempt + 1,
    // The turn since the trial's own neutral hold (hip_trial_reading.ts).
    valueDeg: Math.round(sign * (run.meanDeg - trialZeroDeg(ref)) * 10) / 10,
    confidence: trialConfidence(run.meanConfidence, run.sdDeg, s.startOffDeg !== undefined),
    neutralDeg: Math.round(ref.deg * 10) / 10,
    startMs: s.trialStartMs,
    endMs: tMs,
    valid: true,
    compensations: finalComps,
  };
  const trials = [...s.trials, t];
  const done = validCount(trials, cur);
  sp.say(say.trialDonePrompt(done, s.trialsPerDirection));
  return {
    ...to(held, 'return', tMs),
    trials,
    attempt: s.attempt + 1,
    holdProgress: 1,
    streak: null,
    progressMs: tMs,
  };
}

/**
 * How far the untested leg turned since the neutral over the frames since `fromMs` (their median reading), when it
 * turned at least MOVEMENT.otherLegTurnDeg; null when it did not, or is not read. The model reads a resting leg
 * moving a little as the tested one turns (prone.mp4's straight leg: 35° while the tested one held 38°), so only a
 * turn larger than the tested one's hold says the wrong leg moved (as protocols/leg_attribution.ts for recordings).
 */
function otherLegTurn(recent: readonly HipFrame[], ref: NeutralRef, fromMs: number): number | null {
  if (ref.otherDeg === undefined) return null;
  const xs = recent
    .filter((f) => f.tMs >= fromMs)
    .map((f) => f.otherDeg)
    .filter((x): x is number => typeof x === 'number');
  if (xs.length === 0) return null;
  const turn = median(xs) - ref.otherDeg;
  return Math.abs(turn) >= MOVEMENT.otherLegTurnDeg.value ? turn : null;
}

/**
 * A trial spoiled by a compensation or a lost leg. It counts as an attempt (and is repeated) only once the
 * leg had started into the tested direction: a false start, or a turn the wrong way, is simply restarted.
 * Either way it extends the run of voids for its reason; a run long enough stops the repeats
 * (hip_choice.ts), false starts included, so that nothing can loop forever.
 */
function voidTrial(
  s: HipState,
  comps: readonly Compensation[],
  voiding: Compensation,
  tMs: number,
  sp: Speaker,
): HipState {
  const cur = s.plan[s.stepIdx]!;
  const why = voiding.message;
  const sign = cur.direction === 'internal' ? 1 : -1;
  const lastDeg = s.recent.at(-1)?.deg ?? s.neutral?.deg ?? 0;
  // A leg turned the wrong way was not trying the asked movement: its void is no evidence that this reason keeps
  // the person from it, but it still adds to the voids in a row, so that nothing can loop forever.
  const wrongWay = sign * (lastDeg - (s.neutral?.deg ?? 0)) < -MOVEMENT.wrongWayDeg.value;
  const streak = nextStreak(s.streak, voiding, !wrongWay);
  if (s.trialPeakDeg < MOVEMENT.minRangeDeg.value) {
    if (streak && isStuck(streak)) return askChoice({ ...s, progressMs: tMs }, streak, tMs, sp);
    sp.say(say.problemPrompt(why.replace(/\.$/, '')), TIMING.problemRepeatMs.value);
    return { ...to(s, 'return', tMs), compensations: [], streak, progressMs: tMs };
  }
  const t: Trial = {
    side: cur.side,
    direction: cur.direction,
    attempt: s.attempt + 1,
    valueDeg: null,
    confidence: 0,
    neutralDeg: Math.round((s.neutral?.deg ?? 0) * 10) / 10,
    startMs: s.trialStartMs,
    endMs: tMs,
    valid: false,
    compensations: comps,
  };
  const counted: HipState = { ...s, trials: [...s.trials, t], attempt: s.attempt + 1, progressMs: tMs };
  if (streak && isStuck(streak)) return askChoice(counted, streak, tMs, sp);
  sp.say(say.repeatPrompt(why));
  return { ...to(counted, 'return', tMs), compensations: [], streak };
}

export function back(s: HipState, frame: HipFrame | null, tMs: number, sp: Speaker): HipState {
  if (!frame || Math.abs(frame.deg - (s.neutral?.deg ?? 0)) > MOVEMENT.returnDeg.value) return s;
  const cur = s.plan[s.stepIdx]!;
  const enough = validCount(s.trials, cur) >= s.trialsPerDirection || s.attempt >= s.attemptLimit;
  if (!enough) {
    sp.say(say.holdStillPrompt(true));
    return to(s, 'neutral', tMs);
  }
  return advance(s, tMs, sp);
}

/** On to the next direction or side, or done. */
export function advance(s: HipState, tMs: number, sp: Speaker): HipState {
  const cur = s.plan[s.stepIdx]!;
  const nextIdx = s.stepIdx + 1;
  const next = s.plan[nextIdx];
  if (!next) {
    sp.say(say.donePrompt());
    return { ...to(s, 'done', tMs), endedMs: tMs };
  }
  const moved: HipState = {
    ...s,
    stepIdx: nextIdx,
    attempt: 0,
    neutral: null,
    compensations: [],
    streak: null,
    choices: [],
    accepted: [],
    attemptLimit: s.trialsPerDirection + TRIALS.extraAttempts.value,
    progressMs: tMs,
  };
  if (next.side !== cur.side) {
    sp.say(say.nextSidePrompt(s.test, next.side));
    const fresh: HipState = { ...moved, startOffDeg: undefined, startOffSinceMs: null };
    return { ...to(fresh, 'setup', tMs), samples: [], recent: [], readySinceMs: null };
  }
  sp.say(say.nextDirectionPrompt(s.test, next.side, next.direction));
  return to(moved, 'neutral', tMs);
}

const validCount = (trials: readonly Trial[], step: PlanStep): number =>
  trials.filter((t) => t.valid && t.side === step.side && t.direction === step.direction).length;

const STILL = { sdDeg: STILLNESS.sdDeg.value, maxDevDeg: STILLNESS.maxDevDeg.value };
const RELAXED = { sdDeg: STILLNESS_RELAXED.sdDeg.value, maxDevDeg: STILLNESS_RELAXED.maxDevDeg.value };

/** The last second's readings steady, as a noisy neutral may be (STILLNESS_RELAXED), in the set-up. */
function heldSteady(s: HipState, tMs: number): boolean {
  const run = stillSuffix(
    s.samples.filter((x) => x.tMs >= tMs - 2 * TIMING.neutralMs.value),
    RELAXED,
  );
  return run !== null && run.durationMs >= TIMING.neutralMs.value;
}

/**
 * A trial's confidence, live and recorded alike: the hold's keypoint scores, reduced when the hold was shaky (sd near
 * the stillness limit; at most by 60 %, for a noisy hold taken after the wait), and halved for a start taken as it
 * was, read off (the model may misread this leg: on a report body in bulky clothes such a side read 13.7° off).
 */
export function trialConfidence(meanConfidence: number, sdDeg: number, startOff: boolean): number {
  const shaky = 1 - 0.3 * Math.min(2, sdDeg / STILLNESS.sdDeg.value);
  return Math.round(meanConfidence * shaky * (startOff ? 0.5 : 1) * 100) / 100;
}

/** Per-feature median of the last few frames: one noisy keypoint does not make a compensation. */
export function medianFrame(frames: readonly HipFrame[]): HipFrame {
  const last = frames[frames.length - 1]!;
  const trunks = frames.map((f) => f.trunkDeg).filter((x): x is number => x !== null);
  return {
    ...last,
    knee: medianPoint(frames.map((f) => f.knee))!,
    ankle: medianPoint(frames.map((f) => f.ankle)),
    hipMid: medianPoint(frames.map((f) => f.hipMid)),
    // The median knee is only as good as most of the knees it comes from.
    kneeTrusted: frames.filter((f) => f.kneeTrusted !== false).length * 2 > frames.length,
    shankPx: median(frames.map((f) => f.shankPx)),
    // About ±180° for a right leg: a plain median of jittering 179° and −179° picks an end (angles.ts).
    hipLineDeg: medianAngleDeg(frames.map((f) => f.hipLineDeg)),
    trunkDeg: last.trunkDeg === null || trunks.length === 0 ? null : median(trunks),
    medianDeg: median(frames.map((f) => f.deg)),
  };
}

/** The median of a per-frame number over most of the frames that have it; null when fewer than half have it. */
function medianOf(
  frames: readonly HipFrame[],
  get: (f: HipFrame) => number | null | undefined,
): number | null {
  const xs = frames.map(get).filter((x): x is number => typeof x === 'number');
  return xs.length * 2 > frames.length ? median(xs) : null;
}

/** Prone: the neutral's median hips, when every frame has them (readHipFrame gives them to prone frames). */
function medianHips(frames: readonly HipFrame[]): Pick<NeutralRef, 'hip' | 'otherHip'> {
  const hips = frames.flatMap((f) => (f.hip && f.otherHip ? [[f.hip, f.otherHip] as const] : []));
  if (hips.length === 0 || hips.length < frames.length) return {};
  return { hip: medianPoint(hips.map((h) => h[0]))!, otherHip: medianPoint(hips.map((h) => h[1]))! };
}

/** A trial's neutral from its last still frames (the live test and the recorded one use the same). */
export function neutralRef(frames: readonly HipFrame[], deg: number): NeutralRef {
  const m = medianFrame(frames);
  // Most of the neutral's frames must see the untested knee out: one frame does not make the knee trustworthy.
  const out = medianOf(frames, (f) => f.otherKneeOut);
  const aside = out !== null && out >= POSTURE.otherKneeOutHipWidths.value;
  const otherShank = medianOf(frames, (f) => f.otherShankPx);
  const hipToAnkle = medianOf(frames, (f) => f.hipToAnklePx);
  const otherDeg = medianOf(frames, (f) => f.otherDeg);
  const seen = frames.flatMap((f) => (f.otherKnee ? [f.otherKnee] : []));
  const otherKnee = seen.length * 2 > frames.length ? medianPoint(seen) : null;
  return {
    deg,
    ...(aside ? { otherLegAside: true } : {}),
    ...(otherShank !== null ? { otherShankPx: otherShank } : {}),
    ...(hipToAnkle !== null ? { hipToAnklePx: hipToAnkle } : {}),
    ...(otherDeg !== null ? { otherDeg } : {}),
    ...(otherKnee ? { otherKnee } : {}),
    ...medianHips(frames),
    knee: m.knee,
    kneeTrusted: m.kneeTrusted,
    ankle: m.ankle,
    hipMid: m.hipMid,
    shankPx: m.shankPx,
    hipLineDeg: m.hipLineDeg,
    trunkDeg: m.trunkDeg,
  };
}
