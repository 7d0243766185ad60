// The truth JSON of a rendered recording (goniocam-recording-truth/1, test-fixtures/video/README.md): what each
// frame shows and what a correct analysis finds, from the schedule that drove the render. Pure.
import { RECORDING_TRUTH_FORMAT, expectedResults } from './recording_timeline.mjs';

const r2 = (x) => Math.round(x * 100) / 100;
const r3 = (x) => Math.round(x * 1000) / 1000;

/**
 * A hip recording's truth. times [{ tMs, captureMs }] per frame; shown: the keyframe index per frame.
 * Returns { text, summary }.
 */
export function hipTruth(base, schedule, times, shown) {
  const inside = (x) => x.endMs <= base.durationMs;
  const trials = schedule.trials.filter(inside);
  const rotationOf = (k, side) =>
    schedule.keyframes[k].side === side ? schedule.keyframes[k].hipRotationDeg : 0;
  const otherLeg = [];
  schedule.timeline.forEach((seg) => {
    const k = schedule.keyframes[seg.keyframe];
    if (!k.otherAbductionDeg) return;
    const side = k.side === 'left' ? 'right' : 'left';
    const last = otherLeg.at(-1);
    if (last && last.endMs === seg.startMs && last.side === side) last.endMs = seg.endMs;
    else otherLeg.push({ side, startMs: seg.startMs, endMs: seg.endMs });
  });
  const truth = {
    format: RECORDING_TRUTH_FORMAT,
    ...base,
    order: describeOrder(trials, schedule),
    expected: expectedResults(trials),
    trials,
    attempts: schedule.attempts.filter(inside),
    pauses: schedule.pauses.filter(inside),
    otherLegOutOfTheWay: otherLeg.filter(inside),
    frames: {
      tMs: times.map((t) => t.tMs),
      ...(base.frameRate.mode === 'variable' ? { captureMs: times.map((t) => t.captureMs) } : {}),
      left: shown.map((k) => rotationOf(k, 'left')),
      right: shown.map((k) => rotationOf(k, 'right')),
    },
  };
  const counts = Object.entries(truth.expected)
    .map(
      ([side, d]) =>
        `${side} ${Object.entries(d)
          .map(([dir, v]) => `${dir === 'internal' ? 'IR' : 'ER'} ${v}°`)
          .join(' ')}`,
    )
    .join(', ');
  return { text: toText(truth), summary: `${trials.length} trials (${counts})` };
}

/** A squat recording's truth; rendered[k].joints2d gives each pose's FPPA and depth. */
/**
 * With kneeInFromBodyJoints (and kneeInFromJoints) each pose also carries its knee-in truth (kneeIn: as a square-on
 * view sees it, the truth) and what perfect keypoints through this camera read (kneeInImage: the turn's share is
 * the difference), per leg, fractions of leg length.
 */
export function squatTruth(
  base,
  schedule,
  rendered,
  times,
  shown,
  { fppaFromJoints, depthFromJoints, kneeInFromBodyJoints, kneeInFromJoints },
) {
  const k0 = schedule.timeline[0].keyframe;
  const standing = rendered[k0].joints2d;
  const both = (f) => ({ left: r3(f('left')), right: r3(f('right')) });
  const of = (k) => ({
    fppaDeg: {
      left: r2(fppaFromJoints(rendered[k].joints2d, 'left')),
      right: r2(fppaFromJoints(rendered[k].joints2d, 'right')),
    },
    depth: r3(depthFromJoints(rendered[k].joints2d, standing)),
    ...(kneeInFromBodyJoints
      ? {
          kneeIn: both((s) => kneeInFromBodyJoints(rendered[k].jointsBodyM, rendered[k0].jointsBodyM, s)),
          kneeInImage: both((s) => kneeInFromJoints(rendered[k].joints2d, standing, s)),
          // FPPA as a square-on view sees it (body-frame joints, orthographic): the truth a turned camera's reading
          // is held to.
          fppaSquareDeg: {
            left: r2(fppaFromJoints(frontal(rendered[k].jointsBodyM), 'left')),
            right: r2(fppaFromJoints(frontal(rendered[k].jointsBodyM), 'right')),
          },
        }
      : {}),
  });
  const reps = schedule.reps
    .filter((r) => r.endMs <= base.durationMs)
    .map(({ keyframe, ...r }) => ({
      ...r,
      hipFlexDeg: schedule.keyframes[keyframe].hipFlexDeg,
      ...of(keyframe),
      // The bottom pose's true joint centres in the picture (deep squats: to see where a model's keypoints sit).
      ...(kneeInFromBodyJoints ? { joints2d: rendered[keyframe].joints2d } : {}),
    }));
  const mean = (side) => r2(reps.reduce((a, r) => a + r.fppaDeg[side], 0) / reps.length);
  const perFrame = shown.map(of);
  const truth = {
    format: RECORDING_TRUTH_FORMAT,
    ...base,
    order:
      `stand, ${reps.map((r) => `${r.tempo} rep`).join(', ')}` +
      (schedule.pauses.length
        ? `; a ${schedule.pauses.map((p) => (p.endMs - p.startMs) / 1000)} s pause standing after rep 3`
        : ''),
    expected: {
      reps: reps.length,
      // A deep squat's bottom has no FPPA (the thighs point at the camera): its expected values are knee-in.
      ...(kneeInFromBodyJoints ? {} : { meanFppaDeg: { left: mean('left'), right: mean('right') } }),
      ...(kneeInFromBodyJoints
        ? {
            meanKneeIn: {
              left: r3(reps.reduce((a, r) => a + r.kneeIn.left, 0) / reps.length),
              right: r3(reps.reduce((a, r) => a + r.kneeIn.right, 0) / reps.length),
            },
          }
        : {}),
    },
    reps,
    pauses: schedule.pauses,
    ...(kneeInFromBodyJoints ? { standingJoints2d: standing } : {}),
    frames: {
      tMs: times.map((t) => t.tMs),
      fppaLeft: perFrame.map((f) => f.fppaDeg.left),
      fppaRight: perFrame.map((f) => f.fppaDeg.right),
      depth: perFrame.map((f) => f.depth),
      ...(kneeInFromBodyJoints
        ? {
            kneeInLeft: perFrame.map((f) => f.kneeIn.left),
            kneeInRight: perFrame.map((f) => f.kneeIn.right),
            fppaSquareLeft: perFrame.map((f) => f.fppaSquareDeg.left),
            fppaSquareRight: perFrame.map((f) => f.fppaSquareDeg.right),
          }
        : {}),
    },
  };
  return {
    text: toText(truth),
    summary: kneeInFromBodyJoints
      ? `${reps.length} reps, mean knee-in left ${truth.expected.meanKneeIn.left} right ${truth.expected.meanKneeIn.right}`
      : `${reps.length} reps, mean bottom FPPA left ${mean('left')}° right ${mean('right')}°`,
  };
}

/** Body-frame joints ([x, y, z], y up) → a frontal picture's [x, y] (y down), seen orthographically from the front. */
function frontal(j) {
  return Object.fromEntries(Object.entries(j).map(([k, p]) => [k, [p[0], -p[1]]]));
}

/** "left ER ×3, left IR ×3 (+1 aborted), pause 4 s, …" in the order done. */
function describeOrder(trials, schedule) {
  const events = [
    ...trials.map((t) => ({ at: t.startMs, what: `${t.side} ${t.direction === 'internal' ? 'IR' : 'ER'}` })),
    ...schedule.attempts.map((a) => ({
      at: a.startMs,
      what: `${a.side} ${a.direction === 'internal' ? 'IR' : 'ER'} aborted`,
    })),
    ...schedule.pauses.map((p) => ({ at: p.startMs, what: `pause ${(p.endMs - p.startMs) / 1000} s` })),
  ].sort((a, b) => a.at - b.at);
  const parts = [];
  for (const e of events) {
    const last = parts.at(-1);
    if (last && last.what === e.what) last.n += 1;
    else parts.push({ what: e.what, n: 1 });
  }
  return parts.map((p) => (p.n > 1 ? `${p.what} ×${p.n}` : p.what)).join(', ');
}

/** Pretty at the top, arrays of numbers and small objects on one line: readable, diffable, small. */
function toText(value) {
  const fmt = (v, indent) => {
    if (Array.isArray(v)) {
      if (v.every((x) => x === null || typeof x !== 'object')) return JSON.stringify(v);
      return `[\n${v.map((x) => `${indent}  ${JSON.stringify(x)}`).join(',\n')}\n${indent}]`;
    }
    if (v && typeof v === 'object') {
      const inner = Object.entries(v).map(
        ([k, x]) => `${indent}  ${JSON.stringify(k)}: ${fmt(x, `${indent}  `)}`,
      );
      return `{\n${inner.join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v);
  };
  return fmt(value, '') + '\n';
}
