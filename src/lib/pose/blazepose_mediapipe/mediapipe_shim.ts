// Vite alias target for '@mediapipe/pose' (vite.config.ts). The package's pose.js is a classic
// script that only sets globalThis.Pose, so an ES import finds nothing ("Pose is not exported")
// and a production build drops it as side-effect free. pose-detection does `new Pose(config)`:
// this hands it the global constructor, which load_runtime.ts has put there before any detector is made.

type PoseCtor = new (config: unknown) => unknown;

export class Pose {
  constructor(config: unknown) {
    const Ctor = (globalThis as { Pose?: PoseCtor }).Pose;
    if (typeof Ctor !== 'function' || (Ctor as unknown) === Pose) {
      throw new Error(
        'The MediaPipe pose runtime is not loaded (pose.js must be loaded before creating the detector).',
      );
    }
    return new Ctor(config) as Pose;
  }
}

export const VERSION = '0.5.1675469404';
