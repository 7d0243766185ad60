// The guided hip test around the live session: every estimated frame goes through the pure protocol
// (pipeline/run_protocol.ts), its prompts are shown and spoken, and the result is kept when it ends.
// Components render this state; they never step the protocol themselves.
import { finishHip, hipProtocol, skipStep, type HipState } from '../protocols/hip_guided';
import type { Direction, HipTestId, HipTestResult, Prompt } from '../protocols/types';
import { ProtocolRunner } from '../pipeline/run_protocol';
import { TEST_MODELS } from '../pipeline/test_models';
import type { Pose, Side } from '../types';
import type { LiveSession } from './live_session.svelte';
import { Voice } from './voice.svelte';

/** The app's default model before a test picks its own (pipeline/test_models.ts). */
export const TEST_MODEL = 'blazepose-full';

export class GuidedSession {
  test = $state<HipTestId>('seated');
  firstSide = $state<Side>('right');
  includeExternal = $state(true);
  /** The protocol's state, replaced each frame ($state.raw: never deep-proxied). */
  state = $state.raw<HipState | null>(null);
  result = $state.raw<HipTestResult | null>(null);
  prompt = $state.raw<Prompt | null>(null);
  readonly voice = new Voice();
  /** From start() until the test ends or is left: the screen shows the camera and the test's readouts. */
  running = $state(false);

  #live: LiveSession;
  #runner: ProtocolRunner<HipState, HipTestResult> | null = null;
  #unsubscribe: (() => void) | null = null;
  #lastTMs = 0;
  /** A model named in the URL (?model=) overrides the per-test choice. */
  readonly #pinnedModel: boolean;

  constructor(live: LiveSession, opts: { pinnedModel?: boolean } = {}) {
    this.#live = live;
    this.#pinnedModel = opts.pinnedModel ?? false;
  }

  /** Start (or restart) the chosen test; opens the camera if nothing is playing. */
  async start(): Promise<void> {
    this.#stopListening();
    this.result = null;
    this.state = null;
    this.#runner = null;
    const sides: Side[] = this.firstSide === 'right' ? ['right', 'left'] : ['left', 'right'];
    const directions: Direction[] = this.includeExternal ? ['internal', 'external'] : ['internal'];
    const protocol = hipProtocol({ test: this.test, sides, directions });
    this.#unsubscribe = this.#live.addPoseListener((pose, tMs) => this.#onPose(protocol, pose, tMs));
    this.running = true;
    const model = TEST_MODELS[this.test];
    const switchModel = !this.#pinnedModel && this.#live.model !== model;
    if (switchModel) this.#live.model = model;
    if (this.#live.source === 'none' || this.#live.status === 'error') await this.#live.startCamera();
    else if (switchModel) await this.#live.applySettings();
  }

  skip(): void {
    if (!this.#runner || !this.state) return;
    const out = skipStep(this.state, this.#lastTMs);
    this.#runner.set(out.state, out.prompts, this.#lastTMs);
    this.#apply(out.state, out.prompts);
  }

  finish(): void {
    if (!this.#runner || !this.state) return;
    const s = finishHip(this.state, this.#lastTMs);
    this.#runner.set(s);
    this.#apply(s, []);
  }

  /** Leave the test screen: stop listening and speaking; the last result stays readable. */
  exit(): void {
    this.running = false;
    this.#stopListening();
    this.voice.stop();
    this.state = null;
    this.prompt = null;
    this.#runner = null;
  }

  #onPose(protocol: ReturnType<typeof hipProtocol>, pose: Pose | null, tMs: number): void {
    this.#runner ??= new ProtocolRunner(protocol, tMs);
    this.#lastTMs = tMs;
    const prompts = this.#runner.push(pose, tMs);
    this.#apply(this.#runner.state, prompts);
  }

  #apply(state: HipState, prompts: readonly Prompt[]): void {
    this.state = state;
    for (const p of prompts) if (p.speak) this.voice.say(p.text);
    if (prompts.length) this.prompt = prompts[prompts.length - 1]!;
    if (state.phase === 'done') {
      this.result = this.#runner?.result() ?? null;
      this.running = false;
      this.#stopListening();
    }
  }

  #stopListening(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
