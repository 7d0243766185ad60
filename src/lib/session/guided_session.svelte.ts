// The guided hip test: its options (test, first side, external rotation too) around a ProtocolSession.
// Components render this state; they never step the protocol themselves.
import { EXTERNAL_ROTATION, TEST_MODELS, TEST_ROTATION } from '../pipeline/test_setup';
import { finishHip, hipProtocol, skipStep, type HipState } from '../protocols/hip_guided';
import type { Direction, HipTestId, HipTestResult } from '../protocols/types';
import type { Side } from '../types';
import type { LiveSession } from './live_session.svelte';
import { ProtocolSession } from './protocol_session.svelte';
import type { Voice } from './voice.svelte';

/** The app's default model before a test picks its own (pipeline/test_models.ts). */
export const TEST_MODEL = 'blazepose-full';

export class GuidedSession {
  test = $state<HipTestId>('seated');
  firstSide = $state<Side>('right');
  includeExternal = $state(true);
  readonly run: ProtocolSession<HipState, HipTestResult>;
  readonly voice: Voice;

  constructor(live: LiveSession, voice: Voice, opts: { pinnedModel?: boolean } = {}) {
    this.voice = voice;
    this.run = new ProtocolSession(live, voice, (s) => s.phase === 'done', opts.pinnedModel ?? false);
  }

  get state(): HipState | null {
    return this.run.state;
  }
  get result(): HipTestResult | null {
    return this.run.result;
  }
  set result(r: HipTestResult | null) {
    this.run.result = r;
  }
  get prompt() {
    return this.run.prompt;
  }
  get running(): boolean {
    return this.run.running;
  }

  /** Start (or restart) the chosen test; opens the camera if nothing is playing. */
  start(): Promise<void> {
    const sides: Side[] = this.firstSide === 'right' ? ['right', 'left'] : ['left', 'right'];
    const external = this.includeExternal && EXTERNAL_ROTATION[this.test].ok;
    const directions: Direction[] = external ? ['internal', 'external'] : ['internal'];
    return this.run.begin(
      hipProtocol({ test: this.test, sides, directions }),
      TEST_MODELS[this.test],
      TEST_ROTATION[this.test],
    );
  }

  skip(): void {
    this.run.update(skipStep);
  }

  finish(): void {
    this.run.update((s, tMs) => ({ state: finishHip(s, tMs), prompts: [] }));
  }

  exit(): void {
    this.run.exit();
  }
}
