// The squat screen: its options (variant, reps) around a ProtocolSession.
import { TEST_MODELS, TEST_ROTATION } from '../pipeline/test_setup';
import { finishSquat, squatProtocol } from '../protocols/squat';
import type { SquatResult, SquatState, SquatVariant } from '../protocols/squat_types';
import type { LiveSession } from './live_session.svelte';
import { ProtocolSession } from './protocol_session.svelte';
import type { Voice } from './voice.svelte';

export class SquatSession {
  variant = $state<SquatVariant>('double');
  targetReps = $state(5);
  readonly run: ProtocolSession<SquatState, SquatResult>;
  readonly voice: Voice;

  constructor(live: LiveSession, voice: Voice, opts: { pinnedModel?: boolean } = {}) {
    this.voice = voice;
    this.run = new ProtocolSession(live, voice, (s) => s.phase === 'done', opts.pinnedModel ?? false);
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
    return this.run.begin(
      squatProtocol({ variant: this.variant, targetReps: this.targetReps }),
      TEST_MODELS.squat,
      TEST_ROTATION.squat,
    );
  }

  finish(): void {
    this.run.update(finishSquat);
  }

  exit(): void {
    this.run.exit();
  }
}
