// Types for rig_look.mjs, so TypeScript scripts (car_clip.ts) see its shapes.
export declare const PLACEMENT: Record<'seated' | 'supine' | 'prone' | 'squat', string>;
export declare const PRONE_TILT_DEG: number;
export interface RigCamera {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  distanceM: number;
  fovDeg: number;
}
export declare const CAMERA: RigCamera;
export declare const SQUAT_CAMERA: RigCamera;
export declare const RECORDING_SEAT: { widthM: number };
export declare const OUTFIT: Record<'skin' | 'shirt' | 'shorts' | 'feet', [number, number, number]>;
export declare const SCENE: {
  background: [number, number, number];
  floor: [number, number, number];
  furniture: [number, number, number];
  ambient: number;
  sun: number;
  sunDir: [number, number, number];
};
