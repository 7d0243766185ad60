// One wiring from a stream of poses (each with its frame time) to a protocol's transcript and result,
// shared by the live session, the replay tests and the CLI (ARCHITECTURE.md §13). Pure.
import type { Prompt, Protocol } from '../protocols/types';
import type { Pose } from '../types';

export interface TimedPose {
  readonly pose: Pose | null;
  readonly tMs: number;
}

export interface TranscriptLine {
  readonly tMs: number;
  readonly prompt: Prompt;
}

/** Feeds poses into a protocol one by one; the session calls `push` per frame, a replay calls `run`. */
export class ProtocolRunner<S, R> {
  #state: S;
  readonly transcript: TranscriptLine[] = [];

  constructor(
    readonly protocol: Protocol<S, R>,
    startMs: number,
  ) {
    this.#state = protocol.init(startMs);
  }

  get state(): S {
    return this.#state;
  }

  /** Replace the state (user events such as skip/finish are pure functions of the state too). */
  set(state: S, prompts: readonly Prompt[] = [], tMs = 0): void {
    this.#state = state;
    for (const prompt of prompts) this.transcript.push({ tMs, prompt });
  }

  push(pose: Pose | null, tMs: number): readonly Prompt[] {
    const out = this.protocol.step(this.#state, pose, tMs);
    this.#state = out.state;
    for (const prompt of out.prompts) this.transcript.push({ tMs, prompt });
    return out.prompts;
  }

  result(): R | null {
    return this.protocol.result(this.#state);
  }
}

/** Replay a whole recorded sequence through a protocol. */
export function runProtocol<S, R>(
  protocol: Protocol<S, R>,
  poses: Iterable<TimedPose>,
): { state: S; result: R | null; transcript: TranscriptLine[] } {
  let runner: ProtocolRunner<S, R> | null = null;
  for (const { pose, tMs } of poses) {
    runner ??= new ProtocolRunner(protocol, tMs);
    runner.push(pose, tMs);
  }
  if (!runner) throw new Error('runProtocol: no frames');
  return { state: runner.state, result: runner.result(), transcript: runner.transcript };
}
