// The squat screen: its options (variant, reps) around a ProtocolSession fed by the squat pipeline
// (pipeline/squat_pipeline.ts), which also turns the finished set into its outcome (result + findings).
import type { SquatOutcome } from '../pipeline/analysis_types';
import { squatPipeline } from '../pipeline/squat_pipeline';
import { finishSquat } from '../protocols/squat';
import type { SquatResult, SquatState, SquatVariant } from '../protocols/squat_types';
import type { HipTestResult } from '../protocols/types';
import type { LiveSession } from './live_session.svelte';
import { ProtocolSession } from './protocol_session.svelte';
import type { Voice } from './voice.svelte';

export class SquatSession {
  variant = $state<SquatVariant>('double');
  targetReps = $state(5);
  readonly run: ProtocolSession<SquatState, SquatResult>;
  readonly voice: Voice;
  /** A hip test from this session, if any: the findings then link limited HIR to the knee's valgus. */
  #hip: () => HipTestResult | null = () => null;

  /** The finished set with its findings, from the squat pipeline; null while none is finished. */
  readonly outcome: SquatOutcome | null = $derived.by(() => {
    const r = this.run.result;
    return r ? squatPipeline.outcome(r, this.#hip()) : null;
  });

  constructor(live: LiveSession, voice: Voice, opts: { pinnedModel?: boolean } = {}) {
    this.voice = voice;
    this.run = new ProtocolSession(live, voice, (s) => s.phase === 'done', opts.pinnedModel ?? false);
  }

  /** Where a hip test from the same session comes from (reactive: the findings follow it). */
  linkHip(hip: () => HipTestResult | null): void {
    this.#hip = hip;
  }

  get state(): SquatState | null {
    return this.run.state;
  }
  get result(): SquatResult | null {
    return this.run.result;
  }
  get running(): boolean {
    return this.run.running;
  }

  start(): Promise<void> {
    const { variant, targetReps } = this;
    const p = squatPipeline;
    return this.run.begin({
      protocol: p.guided({ variant, targetReps }),
      model: p.model,
      rotation: p.rotation,
    });
  }

  finish(): void {
    this.run.update(finishSquat);
  }

  exit(): void {
    this.run.exit();
  }
}
