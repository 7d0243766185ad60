/** A fixed window of recent numbers: median for timings (robust to a GC pause), rate for FPS. */
export class RollingStats {
  readonly #size: number;
  readonly #values: number[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  push(v: number): void {
    this.#values.push(v);
    if (this.#values.length > this.#size) this.#values.shift();
  }

  median(): number {
    if (!this.#values.length) return 0;
    const s = [...this.#values].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  }

  /** Events per second, treating the values as timestamps in ms. */
  rate(): number {
    const v = this.#values;
    if (v.length < 2) return 0;
    const span = v[v.length - 1]! - v[0]!;
    return span > 0 ? ((v.length - 1) * 1000) / span : 0;
  }
}
