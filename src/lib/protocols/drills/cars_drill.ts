// Hip CARs (standing, camera in front at hip height) as a protocol: setup (standing still for a second sets
// the knee's rest position and the thigh's length in the picture) → circles found from the knee's path
// (car_loops.ts), each with its size, roundness and how still the trunk and pelvis stayed; the coach says
// when the trunk or the hips helped. Pure.
import { length } from '../../geometry/vec2';
import type { Pose, Side } from '../../types';
import { Speaker } from '../speaker';
import type { Protocol, StepOutput } from '../types';
import { facingPelvisDeg, readCarFrame, type CarFrame } from './car_frame';
import { initCarLoops, stepCarLoops, type CarLoopState, type CarRest, type CarThresholds } from './car_loops';
import { CARS } from './drill_limits';
import { DRILL_PROMPTS as P, REPROMPT_MS } from './drill_prompts';
import type { CarsDrillResult, DrillLive } from './drill_types';

export const CAR_THRESHOLDS: CarThresholds = {
  startFrac: CARS.startFrac.value,
  endFrac: CARS.endFrac.value,
  trunkMaxDeg: CARS.trunkMaxDeg.value,
  pelvisMaxDeg: CARS.pelvisMaxDeg.value,
};

export interface CarsDrillState {
  readonly side: Side;
  readonly targetLoops: number;
  readonly phase: 'setup' | 'loops' | 'done';
  readonly restFrames: readonly CarFrame[];
  readonly rest: CarRest | null;
  readonly loops: CarLoopState;
  readonly live: DrillLive | null;
  readonly startedMs: number;
  readonly endedMs: number | null;
  readonly said: Readonly<Record<string, number>>;
}

export function initCarsDrill(side: Side, targetLoops: number, tMs: number): CarsDrillState {
  return {
    side,
    targetLoops,
    phase: 'setup',
    restFrames: [],
    rest: null,
    loops: initCarLoops(),
    live: null,
    startedMs: tMs,
    endedMs: null,
    said: {},
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function stepCarsDrill(s: CarsDrillState, pose: Pose | null, tMs: number): StepOutput<CarsDrillState> {
  if (s.phase === 'done') return { state: s, prompts: [] };
  const sp = new Speaker(s.said, tMs);
  // Facing the camera (as the drill asks), the moving hip lies a known way from the other in the picture: the
  // model's labels are checked against that from the first frame, so a model that has the sides swapped while
  // the person stands still for the rest position does not make the standing leg the one that is tracked.
  const f = readCarFrame(pose, s.side, facingPelvisDeg(s.side));
  if (s.phase === 'setup') {
    if (!f.ok) {
      sp.say(pose ? P.fix(f.reason) : P.findPerson(), REPROMPT_MS);
      const live: DrillLive = {
        label: 'Knee circle',
        reading: { ok: false, reason: f.reason },
        inPosition: false,
        problem: f.reason,
      };
      return { state: { ...s, restFrames: [], live, said: sp.said }, prompts: sp.prompts };
    }
    if (s.said['drill-cars-setup'] === undefined) sp.say(P.setupCars(s.side));
    const first = s.restFrames[0];
    const thigh = length(f.frame.knee);
    const still = first
      ? length({ x: f.frame.knee.x - first.knee.x, y: f.frame.knee.y - first.knee.y }) <=
        CAR_THRESHOLDS.endFrac * thigh
      : true;
    const frames = still ? [...s.restFrames, f.frame] : [f.frame];
    const live: DrillLive = {
      label: 'Knee circle',
      reading: { ok: false, reason: 'standing still first' },
      inPosition: true,
      problem: null,
    };
    if (frames.at(-1)!.tMs - frames[0]!.tMs < CARS.restMs.value)
      return { state: { ...s, restFrames: frames, live, said: sp.said }, prompts: sp.prompts };
    const knee = { x: mean(frames.map((x) => x.knee.x)), y: mean(frames.map((x) => x.knee.y)) };
    sp.say(P.carsGo());
    return {
      state: {
        ...s,
        phase: 'loops',
        restFrames: [],
        rest: { knee, thighPx: length(knee), pelvisDeg: facingPelvisDeg(s.side) },
        live,
        said: sp.said,
      },
      prompts: sp.prompts,
    };
  }
  const { state: loops, event } = stepCarLoops(s.loops, f, s.rest!, CAR_THRESHOLDS);
  const lastLoop = loops.loops.at(-1);
  const live: DrillLive = {
    label: 'Knee circle',
    reading: f.ok
      ? lastLoop
        ? { ok: true, value: lastLoop.radiusThighs, unit: 'thigh lengths', confidence: lastLoop.confidence }
        : { ok: false, reason: 'no circle finished yet' }
      : { ok: false, reason: f.reason },
    inPosition: f.ok,
    problem: f.ok ? null : f.reason,
  };
  let next: CarsDrillState = { ...s, loops, live };
  if (event?.kind === 'loop') {
    sp.say(P.loop(event.loop.index));
    if (!event.loop.trunkStill) sp.say(P.loopTrunk(), REPROMPT_MS);
    else if (!event.loop.pelvisStill) sp.say(P.loopPelvis(), REPROMPT_MS);
  }
  if (event?.kind === 'discarded') sp.say(P.loopLost());
  if (loops.loops.length >= s.targetLoops) {
    next = { ...next, phase: 'done', endedMs: tMs };
    sp.say(P.carsDone(loops.loops.length));
  }
  return { state: { ...next, said: sp.said }, prompts: sp.prompts };
}

export function finishCarsDrill(s: CarsDrillState, tMs: number): StepOutput<CarsDrillState> {
  if (s.phase === 'done') return { state: s, prompts: [] };
  return { state: { ...s, phase: 'done', endedMs: tMs }, prompts: [P.carsDone(s.loops.loops.length)] };
}

export function carsDrillResult(s: CarsDrillState): CarsDrillResult {
  return {
    drill: 'hip-cars',
    side: s.side,
    startedMs: s.startedMs,
    endedMs: s.endedMs ?? s.loops.loops.at(-1)?.endMs ?? s.startedMs,
    completed: s.loops.loops.length >= s.targetLoops,
    loops: s.loops.loops,
    discarded: s.loops.discarded,
    targetLoops: s.targetLoops,
    rest: s.rest,
  };
}

export function carsDrillProtocol(
  side: Side,
  targetLoops = CARS.targetLoops.value,
): Protocol<CarsDrillState, CarsDrillResult> {
  if (!Number.isInteger(targetLoops) || targetLoops < 1)
    throw new Error(`CARs targetLoops = ${targetLoops} is not valid`);
  return { init: (t) => initCarsDrill(side, targetLoops, t), step: stepCarsDrill, result: carsDrillResult };
}
