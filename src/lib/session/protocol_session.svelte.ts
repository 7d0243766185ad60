// Runs one pure protocol on the live session's frames: every estimated frame is stepped through it
// (pipeline/run_protocol.ts), its prompts are shown and spoken, and its result is kept when it ends.
// The guided hip test and the squat screen are both this plus their pipeline and options.
import type { Prompt, Protocol } from '../protocols/types';
import { ProtocolRunner } from '../pipeline/run_protocol';
import type { FrameRotation } from '../pose/rotation';
import type { ModelId, Pose } from '../types';
import type { LiveSession } from './live_session.svelte';
import type { Voice } from './voice.svelte';

/** What a test's pipeline gives the live session to run: its protocol, model and frame turn. */
export interface LiveRun<S, R> {
  readonly protocol: Protocol<S, R>;
  readonly model: ModelId;
  readonly rotation: FrameRotation;
  /** The person mask's second look at a low-scored knee (pipeline/test_setup.ts TEST_KNEE_MASK); default off. */
  readonly kneeMask?: boolean;
}

export class ProtocolSession<S, R> {
  /** The protocol's state, replaced each frame ($state.raw: never deep-proxied). */
  state = $state.raw<S | null>(null);
  result = $state.raw<R | null>(null);
  prompt = $state.raw<Prompt | null>(null);
  /** From begin() until the protocol ends or is left: the screen shows the camera and the readouts. */
  running = $state(false);

  readonly #live: LiveSession;
  readonly #voice: Voice;
  readonly #isDone: (s: S) => boolean;
  readonly #pinnedModel: boolean;
  #runner: ProtocolRunner<S, R> | null = null;
  #unsubscribe: (() => void) | null = null;
  #lastTMs = 0;

  constructor(live: LiveSession, voice: Voice, isDone: (s: S) => boolean, pinnedModel: boolean) {
    this.#live = live;
    this.#voice = voice;
    this.#isDone = isDone;
    this.#pinnedModel = pinnedModel;
  }

  /**
   * Start (or restart) a run: its protocol, its model (unless ?model= pinned one) and its frame rotation
   * (the camera's view, so it applies to a pinned model too); opens the camera if needed.
   */
  async begin({ protocol, model, rotation, kneeMask = false }: LiveRun<S, R>): Promise<void> {
    this.#stopListening();
    this.result = null;
    this.state = null;
    this.prompt = null;
    this.#runner = null;
    this.#unsubscribe = this.#live.addPoseListener((pose, tMs) => this.#onPose(protocol, pose, tMs));
    this.running = true;
    const switchModel = !this.#pinnedModel && this.#live.model !== model;
    if (switchModel) this.#live.model = model;
    const turn = this.#live.rotation !== rotation;
    if (turn) this.#live.rotation = rotation;
    const mask = this.#live.kneeMask !== kneeMask;
    if (mask) this.#live.kneeMask = kneeMask;
    if (this.#live.source === 'none' || this.#live.status === 'error') await this.#live.startCamera();
    else if (switchModel || turn || mask) await this.#live.applySettings();
  }

  /** Apply a user event (skip, finish: pure functions of the state) at the last frame's time. */
  update(event: (state: S, tMs: number) => { state: S; prompts: readonly Prompt[] }): void {
    if (!this.#runner || !this.state) return;
    const out = event(this.state, this.#lastTMs);
    this.#runner.set(out.state, out.prompts, this.#lastTMs);
    this.#apply(out.state, out.prompts);
  }

  /** Leave: stop listening and speaking; the last result stays readable. */
  exit(): void {
    this.running = false;
    this.#stopListening();
    this.#voice.stop();
    this.state = null;
    this.prompt = null;
    this.#runner = null;
  }

  #onPose(protocol: Protocol<S, R>, pose: Pose | null, tMs: number): void {
    this.#runner ??= new ProtocolRunner(protocol, tMs);
    this.#lastTMs = tMs;
    const prompts = this.#runner.push(pose, tMs);
    this.#apply(this.#runner.state, prompts);
  }

  #apply(state: S, prompts: readonly Prompt[]): void {
    this.state = state;
    for (const p of prompts) if (p.speak) this.#voice.say(p.text);
    if (prompts.length) this.prompt = prompts[prompts.length - 1]!;
    if (this.#isDone(state)) {
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
