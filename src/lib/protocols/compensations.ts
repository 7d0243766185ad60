// Compensations during a trial, each judged against the same trial's neutral: the knee moving, the
// pelvis hiking or lifting (the hip line tilts), the trunk leaning or rotating. Pure.
import { DEG_TO_RAD, wrapDeg } from '../geometry/angles';
import { pivotKnee } from '../geometry/shank_pivot';
import { add, dot, length, normalize, scale, sub, type Vec2 } from '../geometry/vec2';
import type { HipFrame } from './hip_frame';
import { COMPENSATION as C, MOVEMENT, STILLNESS } from './limits';
import type { Compensation, CompensationKind, Evidence, HipTestId } from './types';

/**
 * The neutral a trial's frames are compared with (the mean of its still window); build it with
 * hip_phases.ts `neutralRef`. Without `ankle` and `hipMid` (a reference built by hand) the knee is judged
 * the old way, by its raw displacement in the picture.
 */
export type NeutralRef = Pick<
  HipFrame,
  'knee' | 'kneeTrusted' | 'ankle' | 'hipMid' | 'shankPx' | 'hipLineDeg' | 'trunkDeg' | 'hip' | 'otherHip'
> & {
  readonly deg: number;
  /**
   * Seated: the untested knee was out to the side through the neutral hold (POSTURE.otherKneeOutHipWidths), so the
   * model placed the neutral knee where it is (protocols/hip_trial_reading.ts). Absent: not known, taken as not.
   */
  readonly otherLegAside?: boolean;
  /** Seated: the untested shank's median length through the neutral hold (geometry/shank_pivot.ts); absent: unseen. */
  readonly otherShankPx?: number;
  /** Supine: the tested hip to its ankle, median through the neutral hold (HipFrame.hipToAnklePx); absent elsewhere. */
  readonly hipToAnklePx?: number;
  /** The untested leg's median reading through the neutral hold, when most frames read it. */
  readonly otherDeg?: number;
  /** Seated: the untested knee's median place through the neutral hold, when most frames saw it. */
  readonly otherKnee?: Vec2;
};

/**
 * Seated, the knee a trial turns the shank about: with the untested knee out to the side (the knee pinned wholly), the
 * neutral knee moved up its shank's line when the untested shank read longer (geometry/shank_pivot.ts); else the
 * neutral knee. With the other leg hanging beside, both knees sit low alike and a trial keeps each frame's own place
 * along the line ('across'), so nothing is moved.
 */
export function neutralPivot(ref: NeutralRef): NeutralRef['knee'] {
  return ref.otherLegAside && ref.ankle ? pivotKnee(ref.knee, ref.ankle, ref.otherShankPx) : ref.knee;
}

/**
 * Seated, where a trial frame's body axes start: the neutral's hip midpoint moved as far as the untested knee moved
 * since (that leg rests, so it moves only with the body or the camera); the frame's own hip midpoint when the
 * untested knee is not seen now or was not at neutral (`hipMid`, the frame's own). The model's hip keypoints shift with the tested leg's turn
 * (dev rig clips: the hip midpoint by up to 0.05 of the shank between neutral and hold, ≈ 3° of reading), so the
 * hips' own midpoint moved the zero the trial turns from. The hip line's angle is the frame's own, less what the
 * trunk's lean carried it (hip_trial_reading.ts seatedHipLineDeg): a pelvis that tilts turns the shank with it (the
 * pelvis checks judge the tilt). Chosen on the dev bodies' guided seated clips played as a person follows the prompts
 * (scripts/guided_bodies.ts --follow; docs/accuracy.md): MAE 2.0 → 1.9°; the neutral's hip midpoint throughout
 * (no anchor) read 1.8°, but a camera or body that shifts would read as a turn. The knee-moved check places the
 * knee the same way (kneeMovement).
 */
export function trialOrigin(
  hipMid: Vec2,
  frame: Pick<HipFrame, 'otherKnee'>,
  ref: Pick<NeutralRef, 'hipMid' | 'otherKnee'>,
): Vec2 {
  if (!frame.otherKnee || !ref.otherKnee || !ref.hipMid) return hipMid;
  return add(ref.hipMid, sub(frame.otherKnee, ref.otherKnee));
}

/**
 * Remove up to `max` of `d`'s component along the unit vector `u`: only a positive one (none when it points
 * away), or with `eitherWay` a negative one too.
 */
function discount(d: Vec2, u: Vec2 | null, max: number, eitherWay = false): Vec2 {
  if (!u) return d;
  const c = dot(d, u);
  if (c > 0) return sub(d, scale(u, Math.min(c, max)));
  return eitherWay && c < 0 ? sub(d, scale(u, Math.max(c, -max))) : d;
}

/** The chord a shank `shank` long sweeps its distal end along turning `turnDeg`: 2·sin(Δθ/2) of its length. */
function chordPx(turnDeg: number, shank: number): number {
  return 2 * Math.abs(Math.sin((turnDeg * DEG_TO_RAD) / 2)) * shank;
}

/** The ankle's movement since neutral relative to the pelvis: the frame's from `origin`, the neutral's from its hips. */
function ankleMoveSince(ankle: Vec2, origin: Vec2, ref: { ankle: Vec2; hipMid: Vec2 }): Vec2 {
  return sub(sub(ankle, origin), sub(ref.ankle, ref.hipMid));
}

/**
 * How far the knee moved since neutral, as a fraction of the shank's length, counting only movement that is
 * the knee's: relative to the pelvis (the hip midpoint), and less the keypoint's known drift at large
 * rotations. The drift follows the foot: up to COMPENSATION.kneeDriftWithSwing of the foot's swing (the chord
 * 2·sin(Δθ/2) a shank of this length makes at the measured rotation, or the ankle's travel relative to the pelvis
 * if longer), taken along the direction the foot swung; in internal rotation seated and prone, at most
 * kneeDriftWithSwingInternal of the shank (read about the neutral's knee, a knee moving with the foot inflates it).
 * And the keypoint slides along the neutral shank's line, either way, up to kneeSlideAlongShank: seen along the
 * thigh, the knee is placed low on the hanging shank at neutral and jumps back up once the shank turns (a knee
 * moving along that line barely changes the shank's angle, the reading); supine overhead, with the thigh end-on, up
 * to kneeSlideAlongShankSupine (`test`; any other or none: the general allowance). A knee moving sideways against the
 * swing counts in full.
 * The yardstick is the longest of the neutral's shank, this frame's and the neutral's shank from the trial's pivot
 * (neutralPivot: as long as the untested one): a neutral knee placed low shortens the neutral shank (by a quarter on
 * a rig body), which would inflate every ratio; a real shank is never longer than it looks face-on. Supine overhead,
 * also the neutral's tested hip to its ankle (the thigh points at the camera, so about the shank's length): from
 * above the model put the knee a third to a half down the shank (dev rig clips: knee → ankle 43–52 px for a true
 * 75–79 px shank), and the ratios of a keypoint sliding toward the foot at end range read half again too large
 * (dev followed: Adventurer's left internal trial voided at 0.28, Farmer's three flagged at 0.17–0.25; 0.11 and
 * ≤ 0.06 with this yardstick). A thigh seen a little off end-on (camera pitch ±10°) makes it up to ≈ 1.2 shanks,
 * so a real knee movement reads up to a sixth short, never long.
 */
export function kneeMovement(
  frame: Pick<HipFrame, 'deg' | 'knee' | 'ankle' | 'hipMid' | 'otherKnee'>,
  ref: NeutralRef,
  test?: HipTestId,
): number {
  if (!ref.ankle || !ref.hipMid || !frame.ankle || !frame.hipMid)
    return length(sub(frame.knee, ref.knee)) / Math.max(ref.shankPx, 1);
  const shank = Math.max(
    ref.shankPx,
    length(sub(frame.ankle, frame.knee)),
    length(sub(ref.ankle, neutralPivot(ref))),
    ref.hipToAnklePx ?? 0,
    1,
  );
  // Seated, relative to the pelvis as the untested knee places it (trialOrigin): the hip keypoints shift with the
  // turning leg, and read from them the knee moved (dev rig clips, followed: knee-moved flags 13 → 8, report 7 → 5).
  const origin = trialOrigin(frame.hipMid, frame, ref);
  let d = sub(sub(frame.knee, origin), sub(ref.knee, ref.hipMid));
  // The direction the foot swung: the chord between the neutral's and this frame's shank directions (unit
  // vectors). Not the change of the knee → ankle vector itself: a knee keypoint dragged down and toward the foot
  // shortens that vector, which bends the change away from the drag and left the drag uncounted (dev bodies'
  // left external trials voided at 0.26–0.32 with the knee pulled half the ankle's way). A whole leg shifting
  // without turning has no swing, so its knee counts in full.
  const u0 = normalize(sub(ref.ankle, ref.knee), 1e-6);
  const u1 = normalize(sub(frame.ankle, frame.knee), 1e-6);
  const swingDir = u0 && u1 ? normalize(sub(u1, u0), 1e-6) : null;
  const ankleMove = ankleMoveSince(frame.ankle, origin, { ankle: ref.ankle, hipMid: ref.hipMid });
  // The foot's swing: the chord at the measured rotation, or the ankle's own travel relative to the pelvis if
  // longer. A keypoint dragged along with the foot shrinks the measured rotation too, so the chord alone made the
  // allowance smallest where the drift was largest (dev bodies: q-women-Suit's left external trials voided at
  // 0.27 with the reading at 17° for 40°; 0.09 judged by the ankle's travel).
  const ankleTravel = length(ankleMove);
  const chord = Math.max(chordPx(frame.deg - ref.deg, shank), ankleTravel);
  // Internal rotation read about the neutral's knee (seated, prone): the knee moving with the foot (the thigh
  // swinging out) is what inflates the reading, and the chord grows with the reading it inflates, so the allowance
  // there is capped (kneeDriftWithSwingInternal). Supine reads the shank's own line: a knee carried with the foot
  // barely turns it. Which tests pin the knee: hip_trial_reading.ts trialReading.
  const aboutNeutralKnee = test === 'seated' || test === 'prone';
  const cap = aboutNeutralKnee && frame.deg > ref.deg ? C.kneeDriftWithSwingInternal.value * shank : Infinity;
  d = discount(d, swingDir, Math.min(C.kneeDriftWithSwing.value * chord, cap));
  const slide = test === 'supine' ? C.kneeSlideAlongShankSupine : C.kneeSlideAlongShank;
  d = discount(d, normalize(sub(ref.ankle, ref.knee), 1e-6), slide.value * shank, true);
  return length(d) / shank;
}

/**
 * Supine overhead: how far the knee moved since neutral as the ankle shows it, as a fraction of the shank. From above,
 * a shank turning about a still knee carries the ankle along the chord 2·sin(Δθ/2) of its length; whatever the ankle
 * travelled beyond that (relative to the hips' midpoint) the knee carried it. The model does not find the knee of a
 * thigh pointing at the camera (kneeMovement: anywhere from the hip to two thirds down the shank), so the knee
 * keypoint missed a thigh swinging out; the ankle and hips it scores well. The shank's length is the longest of the
 * neutral's hip → ankle (the thigh end-on), its knee → ankle and this frame's: a misplaced knee only shortens them, and
 * a short yardstick shortens the chord, which reads as knee movement (a camera pitched toward the head does: its clean
 * trials reached 0.24, COMPENSATION.kneeShiftFromAnkleFlag). The least the knee can have moved: exact for a knee
 * moving along the foot's swing, as a thigh swinging out does in internal rotation. 0 in other tests, or without the
 * neutral's ankle, hips and hip → ankle.
 */
export function kneeShiftFromAnkle(
  frame: Pick<HipFrame, 'deg' | 'medianDeg' | 'knee' | 'ankle' | 'hipMid'>,
  ref: NeutralRef,
  test: HipTestId,
): number {
  if (test !== 'supine' || !ref.ankle || !ref.hipMid || !frame.ankle || !frame.hipMid || !ref.hipToAnklePx)
    return 0;
  const shank = Math.max(ref.hipToAnklePx, ref.shankPx, length(sub(frame.ankle, frame.knee)), 1);
  const travel = length(ankleMoveSince(frame.ankle, frame.hipMid, { ankle: ref.ankle, hipMid: ref.hipMid }));
  // The turn of the same frames the ankle and hips are medians of: one frame's reading falling short (a knee keypoint
  // jumping for a frame) beside a median ankle read as 0.1–0.2 of knee movement on a clean dev clip (q-men-Punk).
  const turn = (frame.medianDeg ?? frame.deg) - ref.deg;
  return Math.max(0, travel - chordPx(turn, shank)) / shank;
}

/**
 * Seated: how far the tested knee rose since neutral, up the neutral shank's line (toward the hip), as a fraction of
 * the shank; 0 when it did not. The knee is placed by the untested knee, which rests on the seat
 * (trialOrigin), and the neutral's knee is the trial's pivot (neutralPivot). A hip that hikes lifts the whole thigh
 * off the seat, knee and all, while the models' hip keypoints hardly follow it (rig clips hiking 20°: BlazePose's hip
 * line turned 0–11° for 20°), so the knee is where a seated hike shows. The knee-moved check forgives this much
 * movement along the shank (kneeSlideAlongShank: a neutral knee placed low jumps back up): judged from the pivot,
 * which already corrects a neutral knee placed low, the dev bodies' clean holds rose at most 0.17 of the shank, and
 * the model's drag toward the foot moves the knee the other way (down). Other tests: 0 (supine the thigh points at
 * the camera; prone the knee lies on the table).
 */
export function kneeRise(
  frame: Pick<HipFrame, 'knee' | 'ankle' | 'hipMid' | 'otherKnee'>,
  ref: NeutralRef,
  test: HipTestId,
): number {
  if (test !== 'seated' || !ref.ankle || !ref.hipMid || !frame.ankle || !frame.hipMid) return 0;
  const pivot = neutralPivot(ref);
  const down = sub(ref.ankle, pivot);
  const shank = Math.max(ref.shankPx, length(down), length(sub(frame.ankle, frame.knee)), 1);
  const u = normalize(down, 1e-6);
  if (!u) return 0;
  const origin = trialOrigin(frame.hipMid, frame, ref);
  const d = sub(sub(frame.knee, origin), sub(pivot, ref.hipMid));
  return Math.max(0, -dot(d, u)) / shank;
}

/** The model named the hips the other way round since neutral (COMPENSATION.hipsSwappedDeg): not a compensation. */
export function hipsSwapped(
  frame: Pick<HipFrame, 'hipLineDeg'>,
  ref: Pick<NeutralRef, 'hipLineDeg'>,
): boolean {
  return Math.abs(wrapDeg(frame.hipLineDeg - ref.hipLineDeg)) > C.hipsSwappedDeg.value;
}

/** Why a frame with the hips swapped is not read. */
export const HIPS_SWAPPED_REASON =
  'left and right were mixed up in the picture (the hips swapped places): keep both hips and knees uncovered and in view';

interface Check {
  readonly kind: CompensationKind;
  readonly value: number;
  readonly flag: { value: number; source: string };
  readonly invalid: { value: number; source: string };
  readonly label: string;
  readonly unit: Evidence['unit'];
  readonly message: (severity: Compensation['severity']) => string;
}

/** A change of an angle since neutral, judged against COMPENSATION's <prefix>FlagDeg and <prefix>InvalidDeg. */
function degreeCheck(
  kind: CompensationKind,
  changeDeg: number,
  prefix: 'pelvisTilt' | 'trunkLean',
  label: string,
  [invalidMessage, flagMessage]: readonly [string, string],
): Check {
  const flag = C[`${prefix}FlagDeg`];
  const invalid = C[`${prefix}InvalidDeg`];
  return {
    kind,
    value: Math.abs(wrapDeg(changeDeg)),
    flag: { value: flag.value, source: flag.source },
    invalid: { value: invalid.value, source: invalid.source },
    label,
    unit: '°',
    message: (s) => (s === 'invalid' ? invalidMessage : flagMessage),
  };
}

/**
 * How far the trunk axis (hips' midpoint → shoulders' midpoint) turned in the picture since neutral, degrees. Not
 * against the hip line, as the frame keeps it: the hip line is short, the model's hip keypoints shift with the tested
 * leg, and a pelvis that tilts is the pelvis check's to judge; read against it, every hip line wobble also read as a
 * trunk lean (dev guided clips, followed: prone 2 false trunk flags or voids → 0; report prone 3 → 0, supine 12 → 0,
 * of them 4 voids on q-women-Soldier; docs/accuracy.md). The camera does not move during a trial.
 */
export function trunkAxisChange(
  frame: Pick<HipFrame, 'trunkDeg' | 'hipLineDeg'>,
  ref: Pick<NeutralRef, 'trunkDeg' | 'hipLineDeg'>,
): number {
  if (frame.trunkDeg === null || ref.trunkDeg === null) return 0;
  return wrapDeg(frame.trunkDeg + frame.hipLineDeg - (ref.trunkDeg + ref.hipLineDeg));
}

/** Every compensation this frame shows relative to neutral (at most one per kind, the worse severity). */
export function frameCompensations(
  frame: HipFrame,
  ref: NeutralRef,
  side: string,
  test: HipTestId,
): Compensation[] {
  const checks: Check[] = [];
  // A knee the model has likely placed down the shank (hip_frame.ts kneeTrusted), now or at neutral, says
  // nothing about the real knee: judged, it voided clean trials on the rig bodies. The check waits for a
  // trusted knee on both sides of the comparison.
  if (frame.kneeTrusted !== false && ref.kneeTrusted !== false)
    checks.push({
      kind: 'knee-moved',
      value: kneeMovement(frame, ref, test),
      flag: C.kneeMovedFlag,
      invalid: C.kneeMovedInvalid,
      label: 'Knee movement (fraction of shank length)',
      unit: 'ratio',
      // Seated and prone read about the neutral's knee, so a flagged shift still moves the reading a lot (rig bodies,
      // the thigh swung out 10°: kept seated results 9° off, median; prone internal rotation 15–20° high; docs/
      // accuracy.md "Do the checks catch a real compensation?"); supine reads the shank's own line.
      message: (s) =>
        s === 'invalid'
          ? `The ${side} knee moved: keep the thigh still and turn only the lower leg.`
          : test === 'seated' || test === 'prone'
            ? `The ${side} knee shifted a little, which can move this reading by 10° or more; keep it still and re-test if it keeps happening.`
            : `The ${side} knee shifted a little; keep it still.`,
    });
  if (test === 'supine')
    checks.push({
      kind: 'knee-moved',
      value: kneeShiftFromAnkle(frame, ref, test),
      flag: C.kneeShiftFromAnkleFlag,
      invalid: C.kneeShiftFromAnkleInvalid,
      label: 'Ankle travel beyond the turn read, as knee movement (fraction of shank length)',
      unit: 'ratio',
      message: (s) =>
        s === 'invalid'
          ? `The ${side} foot went further than the turn the camera reads: the knee moved off the hip. Keep the thigh upright and turn only the lower leg.`
          : `The ${side} foot went a little further than the turn the camera reads: the knee may have drifted off the hip (keep the thigh upright), or the camera is tilted toward the head (aim it straight down at the hips).`,
    });
  // Seated, a hike lifts the thigh off the seat: the knee rises where the hip keypoints barely move (kneeRise). Same
  // kind as the hip line's check: mergeCompensations keeps the worse of the two.
  if (test === 'seated' && frame.kneeTrusted !== false && ref.kneeTrusted !== false)
    checks.push({
      kind: 'pelvis-tilt',
      value: kneeRise(frame, ref, test),
      flag: C.kneeRiseFlag,
      invalid: C.kneeRiseInvalid,
      label: 'Knee rise, the thigh off the seat (fraction of shank length)',
      unit: 'ratio',
      message: (s) =>
        s === 'invalid'
          ? `The ${side} thigh lifted off the seat (the hip hiked): keep both sit bones down and turn only the lower leg.`
          : `The ${side} thigh lifted a little; keep both sit bones on the seat.`,
    });
  checks.push(
    degreeCheck('pelvis-tilt', frame.hipLineDeg - ref.hipLineDeg, 'pelvisTilt', 'Hip line tilt change', [
      'The pelvis lifted or hiked: keep both hips level and down.',
      'The pelvis tilted a little; keep both hips level.',
    ]),
  );
  if (frame.trunkDeg !== null && ref.trunkDeg !== null)
    checks.push(
      degreeCheck('trunk-lean', trunkAxisChange(frame, ref), 'trunkLean', 'Trunk axis change', [
        'The trunk leaned or turned: keep your upper body still.',
        'The trunk leaned a little; keep it still.',
      ]),
    );
  const out: Compensation[] = [];
  for (const c of checks) {
    const severity = c.value > c.invalid.value ? 'invalid' : c.value > c.flag.value ? 'flag' : null;
    if (!severity) continue;
    const limit = severity === 'invalid' ? c.invalid : c.flag;
    out.push({
      kind: c.kind,
      severity,
      message: c.message(severity),
      evidence: {
        label: c.label,
        value: round(c.value, c.unit === 'ratio' ? 2 : 1),
        unit: c.unit,
        threshold: limit.value,
        comparator: '>',
        source: limit.source,
      },
      tMs: frame.tMs,
    });
  }
  return out;
}

/** Keep the worst compensation per kind (invalid beats flag; then the larger value). */
export function mergeCompensations(
  seen: readonly Compensation[],
  fresh: readonly Compensation[],
): Compensation[] {
  const byKind = new Map(seen.map((c) => [c.kind, c]));
  for (const c of fresh) {
    const old = byKind.get(c.kind);
    if (!old || worse(c, old))
      byKind.set(c.kind, old && old.severity === c.severity ? { ...c, tMs: old.tMs } : c);
  }
  return [...byKind.values()];
}

function worse(a: Compensation, b: Compensation): boolean {
  if (a.severity !== b.severity) return a.severity === 'invalid';
  return a.evidence.value > b.evidence.value;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Low keypoint confidence over a hold: a flag with its evidence. */
export function lowConfidence(meanConfidence: number, tMs: number): Compensation | null {
  if (meanConfidence >= C.lowConfidence.value) return null;
  return {
    kind: 'low-confidence',
    severity: 'flag',
    message: 'The keypoints were uncertain during this trial (light, clothing or distance).',
    evidence: {
      label: 'Mean keypoint score over the hold',
      value: round(meanConfidence, 2),
      unit: 'score',
      threshold: C.lowConfidence.value,
      comparator: '<',
      source: C.lowConfidence.source,
    },
    tMs,
  };
}

/**
 * The side's start position was taken as it was, read `startDeg` off the asked one while held still (hip_phases.ts
 * setup): the trial counts from it, but the model may be misreading this leg. A flag, never a void.
 */
export function startOff(startDeg: number, tMs: number): Compensation {
  return {
    kind: 'start-off',
    severity: 'flag',
    message: `The start position read ${Math.abs(startDeg).toFixed(0)}° off while held still: the camera may be misreading this leg, and the value counts from that start.`,
    evidence: {
      label: 'Start position reading, held still',
      value: round(Math.abs(startDeg), 1),
      unit: '°',
      threshold: MOVEMENT.neutralMaxDeg.value,
      comparator: '>',
      source: MOVEMENT.neutralMaxDeg.source,
    },
    tMs,
  };
}

/**
 * No still window came in time and a noisy one was taken (STILLNESS_RELAXED): the reading wobbled by `sdDeg` where a
 * still one stays within the limit. `where`: the start position or the hold. A flag, never a void.
 */
export function unsteady(where: 'start' | 'hold', sdDeg: number, tMs: number): Compensation {
  return {
    kind: 'unsteady',
    severity: 'flag',
    message: `The reading of the ${where === 'start' ? 'start position' : 'hold'} wobbled by ${sdDeg.toFixed(1)}° and never settled within ${STILLNESS.sdDeg.value}°: the value is its mean, less sure (light, clothing or distance).`,
    evidence: {
      label: `Reading's standard deviation over the ${where === 'start' ? 'start position' : 'hold'}`,
      value: round(sdDeg, 1),
      unit: '°',
      threshold: STILLNESS.sdDeg.value,
      comparator: '>',
      source: STILLNESS.sdDeg.source,
    },
    tMs,
  };
}

/** The person (or a needed joint) left the picture during a trial: the trial is void. */
export function outOfFrame(
  reason: string,
  gapMs: number,
  limitMs: number,
  source: string,
  tMs: number,
): Compensation {
  return {
    kind: 'out-of-frame',
    severity: 'invalid',
    message: `Lost sight of the leg during the trial (${reason}).`,
    evidence: {
      label: 'Time without a measurable frame',
      value: Math.round(gapMs),
      unit: 'ms',
      threshold: limitMs,
      comparator: '>',
      source,
    },
    tMs,
  };
}
