import { OneEuroFilter } from '1eurofilter';
import type { JointName, Pose, Joint, WorldJoint } from '../types';

/**
 * One Euro filter parameters (Casiez et al., CHI 2012). minCutoff removes jitter when a joint is
 * still (what a goniometer reading needs during a hold); beta lets fast movements through with
 * little lag. Defaults tuned for pixel coordinates at 10–30 fps.
 */
export interface OneEuroParams {
  readonly minCutoff: number;
  readonly beta: number;
  readonly dCutoff: number;
}

export const DEFAULT_ONE_EURO: OneEuroParams = { minCutoff: 1.2, beta: 0.05, dCutoff: 1.0 };
/** World coordinates are metres, ~500× smaller than pixels, so beta (a speed gain) scales up. */
const WORLD_BETA_SCALE = 500;

/** A joint whose score is below this is passed through unfiltered and does not update its filter. */
export const MIN_SMOOTHING_SCORE = 0.1;

type Axis = 'x' | 'y' | 'z';

/** Per-joint, per-axis One Euro filters for a stream of poses; timestamps come from the frames. */
export class PoseSmoother {
  readonly #params: OneEuroParams;
  readonly #filters = new Map<string, OneEuroFilter>();
  #lastTMs = -Infinity;

  constructor(params: Partial<OneEuroParams> = {}) {
    this.#params = { ...DEFAULT_ONE_EURO, ...params };
  }

  reset(): void {
    this.#filters.clear();
    this.#lastTMs = -Infinity;
  }

  /** Returns a new, smoothed Pose; the input is not modified. A timestamp going backwards resets the filters. */
  smooth(pose: Pose): Pose {
    if (pose.tMs <= this.#lastTMs) this.reset();
    this.#lastTMs = pose.tMs;
    const tS = pose.tMs / 1000;
    const joints: Partial<Record<JointName, Joint>> = {};
    for (const [name, j] of Object.entries(pose.joints) as [JointName, Joint][]) {
      joints[name] =
        j.score < MIN_SMOOTHING_SCORE
          ? j
          : {
              x: this.#filter(`${name}.x`, j.x, tS, 1),
              y: this.#filter(`${name}.y`, j.y, tS, 1),
              score: j.score,
            };
    }
    let world: Partial<Record<JointName, WorldJoint>> | undefined;
    if (pose.world) {
      world = {};
      for (const [name, j] of Object.entries(pose.world) as [JointName, WorldJoint][]) {
        world[name] =
          j.score < MIN_SMOOTHING_SCORE
            ? j
            : {
                x: this.#filter(`w.${name}.x`, j.x, tS, WORLD_BETA_SCALE),
                y: this.#filter(`w.${name}.y`, j.y, tS, WORLD_BETA_SCALE),
                z: this.#filter(`w.${name}.${'z' satisfies Axis}`, j.z, tS, WORLD_BETA_SCALE),
                score: j.score,
              };
      }
    }
    return { ...pose, joints, ...(world ? { world } : {}) };
  }

  #filter(key: string, value: number, tS: number, betaScale: number): number {
    let f = this.#filters.get(key);
    if (!f) {
      // freq is only a fallback when no timestamp is given; we always pass one.
      f = new OneEuroFilter(30, this.#params.minCutoff, this.#params.beta * betaScale, this.#params.dCutoff);
      this.#filters.set(key, f);
    }
    return f.filter(value, tS);
  }
}
