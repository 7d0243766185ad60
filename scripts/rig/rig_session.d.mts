// Types for rig_session.mjs, so TypeScript scripts (car_clip.ts) see its shapes.
export declare const REPO_ROOT: string;
export declare const SHARED_BODIES: string;
export declare function rigSource(what: string): string;
export interface RigRender {
  png: Buffer;
  /** Projected true joint centres, [x, y] in pixels, by joint name. */
  joints2d: Record<string, number[]>;
  joints3dM: Record<string, number[]>;
}
export interface Rig {
  render(spec: Record<string, unknown>): Promise<RigRender>;
  close(): Promise<void>;
}
export declare function openRig(): Promise<Rig>;
