// Frame times that never go backward. A looping video file (or a fake camera replaying a clip) restarts
// its media time at 0; the estimator's smoothing and the protocols both assume time moves forward, so
// each restart is stitched on after the last time seen, one frame interval later.
export class MonotonicClock {
  #offset = 0;
  #last = -Infinity;
  #lastRaw = -Infinity;
  #step = 33;

  map(rawMs: number): number {
    if (rawMs < this.#lastRaw) this.#offset = this.#last + this.#step - rawMs;
    else if (Number.isFinite(this.#lastRaw) && rawMs > this.#lastRaw)
      this.#step = Math.min(200, rawMs - this.#lastRaw);
    this.#lastRaw = rawMs;
    this.#last = rawMs + this.#offset;
    return this.#last;
  }

  reset(): void {
    this.#offset = 0;
    this.#last = -Infinity;
    this.#lastRaw = -Infinity;
    this.#step = 33;
  }
}
