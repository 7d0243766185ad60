// A test never loops forever: scripted bodies that void the same way again and again, the person's
// three answers (try again, accept flagged, skip), and clean twins that must never be stopped.
import { describe, expect, it } from 'vitest';
import { ProtocolRunner, runProtocol, type TimedPose } from '../pipeline/run_protocol';
import { scriptedFrames, type Perturbation, type ScriptedTrial } from '../../testing/scripted_person';
import { PLACEMENTS, synthPose } from '../../testing/synthetic_pose';
import { chooseHip, hipProtocol, skipStep, type HipState } from './hip_guided';
import { TIMING } from './limits';
import type { HipTestResult, Trial } from './types';

const shankPx = (() => {
  const p = synthPose('seated', 'right', 0, PLACEMENTS['seated-front']!);
  return Math.hypot(
    p.joints.right_ankle!.x - p.joints.right_knee!.x,
    p.joints.right_ankle!.y - p.joints.right_knee!.y,
  );
})();
const KNEE: Perturbation = { kneeShiftPx: 0.5 * shankPx };

function script(perturbs: readonly (Perturbation | undefined)[], peakDeg = 38): TimedPose[] {
  const trials: ScriptedTrial[] = perturbs.map((perturb) =>
    perturb ? { side: 'right', peakDeg, perturb } : { side: 'right', peakDeg },
  );
  return scriptedFrames({ test: 'seated', trials });
}

const protocol = () => hipProtocol({ test: 'seated', sides: ['right'], directions: ['internal'] });

/** Run frames; at the first frame in phase 'choice', answer with `answer`. */
function runAnswering(frames: readonly TimedPose[], answer: 'retry' | 'accept' | 'skip' | null) {
  const runner = new ProtocolRunner<HipState, HipTestResult>(protocol(), frames[0]!.tMs);
  let answered = false;
  for (const f of frames) {
    runner.push(f.pose, f.tMs);
    if (!answered && answer && runner.state.phase === 'choice') {
      answered = true;
      const out = answer === 'skip' ? skipStep(runner.state, f.tMs) : chooseHip(runner.state, answer, f.tMs);
      runner.set(out.state, out.prompts, f.tMs);
    }
  }
  const ids = runner.transcript.map((l) => l.prompt.id);
  return { state: runner.state, result: runner.result()!, ids, transcript: runner.transcript };
}

const mine = (r: { result: HipTestResult }): readonly Trial[] => r.result.sides.right!.internal!.trials;

describe('the same void three times in a row stops the repeats', () => {
  it('asks what to do, says what keeps voiding it with the evidence, and offers three ways on', () => {
    const frames = script([KNEE, KNEE, KNEE, KNEE]);
    const r = runProtocol(protocol(), frames);
    const stuckAt = r.transcript.findIndex((l) => l.prompt.id === 'stuck');
    expect(stuckAt).toBeGreaterThan(0);
    expect(r.transcript[stuckAt]!.prompt.text).toMatch(/3 internal rotation attempts .* the knee moved/);
    expect(r.transcript[stuckAt]!.prompt.text).toMatch(/R to try again, A to accept it flagged or S to skip/);
    // No fourth trial is asked for while it waits.
    expect(r.transcript.slice(stuckAt).map((l) => l.prompt.id)).not.toContain('move-internal');
    expect(r.state.trials).toHaveLength(3);
    expect(r.state.streak!.count).toBe(3);
    expect(r.state.streak!.last.evidence.value).toBeGreaterThan(r.state.streak!.last.evidence.threshold);
    expect(r.state.choices).toEqual(['retry', 'accept', 'skip']);
  });

  it('clean twin: two voids and then clean trials never stop the test', () => {
    const r = runProtocol(protocol(), script([KNEE, KNEE, undefined, undefined, undefined]));
    expect(r.transcript.map((l) => l.prompt.id)).not.toContain('stuck');
    expect(mine(r as { result: HipTestResult }).filter((t) => t.valid)).toHaveLength(3);
  });

  it('different reasons in a row are not the same void: no stop at three', () => {
    const r = runProtocol(
      protocol(),
      script([KNEE, { hipHikePx: 14 }, KNEE, undefined, undefined, undefined]),
    );
    expect(r.transcript.map((l) => l.prompt.id)).not.toContain('stuck');
  });

  it('false starts count: a trunk that leans before the leg turns cannot loop forever', () => {
    // The trunk leans and the leg turns only 4° (below the 5° a trial needs): each is a false start. (Not the
    // knee: seated, a trial reads the shank about the neutral's knee, so a knee carried sideways with the foot
    // reads as a turn and its void is a counted attempt, tested above; nor the pelvis, whose tilt turns the body's
    // axes and reads as a turn the wrong way, which is no evidence of being stuck.)
    const r = runProtocol(protocol(), script(Array(8).fill({ trunkShiftPx: 40 }), 4));
    expect(r.state.trials).toHaveLength(0);
    expect(r.transcript.map((l) => l.prompt.id)).toContain('stuck');
  });

  it('a pelvis that hikes while the leg turns the wrong way, every time, still stops the repeats', () => {
    // The hike turns the body's axes, so the reading goes the wrong way: no attempt is counted and no same-reason
    // run grows. Before the voids in a row were counted, 12 of these asked for a 13th.
    const r = runProtocol(protocol(), script(Array(12).fill({ hipHikePx: 14 }), -12));
    const ids = r.transcript.map((l) => l.prompt.id);
    expect(ids.filter((id) => id === 'wrong-way').length).toBeGreaterThanOrEqual(1);
    const stuck = r.transcript.find((l) => l.prompt.id === 'stuck');
    expect(stuck?.prompt.text).toMatch(
      /^6 internal rotation attempts .* in a row were voided, the last because the pelvis tilted or lifted/,
    );
    expect(r.state.streak).toMatchObject({ kind: 'pelvis-tilt', inRow: 6 });
    expect(r.state.streak!.count).toBeLessThan(3);
    expect(r.state.trials).toHaveLength(0);
    expect(ids.filter((id) => id === 'move-internal')).toHaveLength(6);
  });

  it('reasons that take turns stop the repeats after six voids in a row, the last one named', () => {
    const hike: Perturbation = { hipHikePx: 14 };
    const r = runAnswering(script([KNEE, hike, KNEE, hike, KNEE, hike, KNEE, hike]), 'skip');
    const stuck = r.transcript.find((l) => l.prompt.id === 'stuck')!;
    expect(stuck.prompt.text).toMatch(
      /^6 internal rotation attempts .* in a row were voided, the last because/,
    );
    expect(mine(r).filter((t) => !t.valid).length).toBeLessThanOrEqual(6);
    expect(r.result.sides.right!.internal!.reason).toMatch(
      /skipped after 6 voided attempts in a row, the last because/,
    );
  });

  it('with no choice it skips after the wait, so a hands-free test still ends', () => {
    const r = runProtocol(protocol(), script([KNEE, KNEE, KNEE, KNEE, KNEE, KNEE, KNEE, KNEE]));
    const ids = r.transcript.map((l) => l.prompt.id);
    expect(ids).toContain('choice-reminder');
    const stuck = r.transcript.find((l) => l.prompt.id === 'stuck')!.tMs;
    const done = r.transcript.find((l) => l.prompt.id === 'done')!.tMs;
    expect(done - stuck).toBeGreaterThanOrEqual(TIMING.choiceWaitMs.value);
    expect(done - stuck).toBeLessThan(TIMING.choiceWaitMs.value + 200);
  });
});

describe('the three answers', () => {
  it('skip: the direction ends with the reason and its evidence', () => {
    const r = runAnswering(script([KNEE, KNEE, KNEE, KNEE]), 'skip');
    expect(r.state.phase).toBe('done');
    expect(r.result.sides.right!.internal!.reason).toMatch(
      /^no valid trial: skipped after 3 voided attempts in a row, the knee moved \(.*0\.\d+ > 0\.25\)$/,
    );
  });

  it('accept: later trials are kept, flagged with the compensation, and the direction gets its value', () => {
    const r = runAnswering(script([KNEE, KNEE, KNEE, KNEE, KNEE, KNEE, KNEE]), 'accept');
    expect(r.ids).toContain('choice-accept');
    const kept = mine(r).filter((t) => t.valid);
    expect(kept).toHaveLength(3);
    for (const t of kept) {
      const c = t.compensations.find((x) => x.kind === 'knee-moved')!;
      expect(c.severity).toBe('flag');
      expect(c.message).toMatch(/flagged, as you chose/);
      expect(c.evidence.value).toBeGreaterThan(0.25);
    }
    const dr = r.result.sides.right!.internal!;
    expect(dr.valueDeg).not.toBeNull();
    expect(dr.confidence).toBeLessThan(0.75);
  });

  it('retry: the direction goes on (past the old attempt cap) and clean trials complete it', () => {
    const r = runAnswering(script([KNEE, KNEE, KNEE, KNEE, KNEE, undefined, undefined, undefined]), 'retry');
    expect(r.ids).toContain('choice-retry');
    expect(r.transcript.find((l) => l.prompt.id === 'choice-retry')!.prompt.text).toMatch(/shorts or fitted/);
    expect(mine(r).filter((t) => t.valid)).toHaveLength(3);
    expect(mine(r).length).toBeGreaterThan(6);
    expect(r.state.phase).toBe('done');
  });

  it('a lost leg offers no "accept": there is no value to keep', () => {
    const drop: Perturbation = { drop: ['right_ankle'] };
    const r = runAnswering(script([drop, drop, drop, drop]), 'accept');
    expect(r.state.phase).toBe('choice');
    expect(r.state.choices).toEqual(['retry', 'skip']);
    expect(r.ids).not.toContain('choice-accept');
  });
});
