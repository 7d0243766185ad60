// The guided hip test: its options (test, first side, external rotation too) around a ProtocolSession fed
// by the test's one pipeline (pipeline/hip_pipeline.ts). The outcome (result + findings) comes from that
// pipeline too; components render this state, they never step the protocol or compute findings.
import type { HipOutcome } from '../pipeline/analysis_types';
import { hipPipeline } from '../pipeline/hip_pipeline';
import { chooseHip, finishHip, skipStep, type HipState } from '../protocols/hip_guided';
import type { SquatResult } from '../protocols/squat_types';
import type { HipTestResult } from '../protocols/types';
import type { HipTestId, Side } from '../types';
import type { LiveSession } from './live_session.svelte';
import { ProtocolSession } from './protocol_session.svelte';
import type { Voice } from './voice.svelte';

/** The app's default model before a test picks its own (pipeline/test_setup.ts). */
export const TEST_MODEL = 'blazepose-full';

export class GuidedSession {
  test = $state<HipTestId>('seated');
  firstSide = $state<Side>('right');
  includeExternal = $state(true);
  readonly run: ProtocolSession<HipState, HipTestResult>;
  readonly voice: Voice;
  /** A squat from this session, if any: the findings then link the knee's valgus to this hip. */
  #squat: () => SquatResult | null = () => null;

  /** The finished test with its findings, from the test's pipeline; null while none is finished. */
  readonly outcome: HipOutcome | null = $derived.by(() => {
    const r = this.run.result;
    return r ? hipPipeline(r.test).outcome(r, this.#squat()) : null;
  });

  constructor(live: LiveSession, voice: Voice, opts: { pinnedModel?: boolean } = {}) {
    this.voice = voice;
    this.run = new ProtocolSession(live, voice, (s) => s.phase === 'done', opts.pinnedModel ?? false);
  }

  /** Where a squat result from the same session comes from (reactive: the findings follow it). */
  linkSquat(squat: () => SquatResult | null): void {
    this.#squat = squat;
  }

  get state(): HipState | null {
    return this.run.state;
  }
  get result(): HipTestResult | null {
    return this.run.result;
  }
  get prompt() {
    return this.run.prompt;
  }
  get running(): boolean {
    return this.run.running;
  }

  /**
   * Start (or restart) the chosen test; opens the camera if nothing is playing. `sides` limits it to those
   * legs in that order (a screening link); otherwise both legs, firstSide first.
   */
  start(sides?: readonly Side[]): Promise<void> {
    const p = hipPipeline(this.test);
    const protocol = p.guided({
      firstSide: this.firstSide,
      includeExternal: this.includeExternal,
      ...(sides?.length ? { sides } : {}),
    });
    return this.run.begin({ protocol, model: p.model, rotation: p.rotation, kneeMask: p.kneeMask });
  }

  skip(): void {
    this.run.update(skipStep);
  }

  /** After repeated voids (phase 'choice'): try again, or keep that compensation's trials flagged. */
  choose(choice: 'retry' | 'accept'): void {
    this.run.update((s, tMs) => chooseHip(s, choice, tMs));
  }

  finish(): void {
    this.run.update((s, tMs) => ({ state: finishHip(s, tMs), prompts: [] }));
  }

  /** Put the result away (back to the test picker). */
  clear(): void {
    this.run.result = null;
  }

  exit(): void {
    this.run.exit();
  }
}
