// Prompts collected during one protocol step, each id said at most once per `minGapMs` (no nagging).
import type { Prompt } from './types';

/** Collects prompts during one step, throttled per id. */
export class Speaker {
  readonly prompts: Prompt[] = [];
  said: Record<string, number>;
  constructor(
    prev: Readonly<Record<string, number>>,
    readonly tMs: number,
  ) {
    this.said = { ...prev };
  }
  /** Say `p` unless the same id was said within `minGapMs`. */
  say(p: Prompt, minGapMs = 0): void {
    const last = this.said[p.id];
    if (last !== undefined && this.tMs - last < minGapMs) return;
    this.said[p.id] = this.tMs;
    this.prompts.push(p);
  }
}
