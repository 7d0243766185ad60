// Types for pose_body.mjs (the rig's posing math), so the TypeScript tests see its shapes.
import type { Quaternion, Vector3 } from 'three';

export type Bind = Record<string, Vector3>;
export type Deltas = Record<string, Quaternion>;
export interface HandsOnLeg {
  kneeHand?: 'same' | 'other';
  shinAt?: number;
}
export interface PoseSpec {
  test: string;
  side: 'left' | 'right';
  thetaDeg: number;
  handsOnLeg?: HandsOnLeg;
  compensation?: { kind: 'knee' | 'pelvis' | 'trunk'; deg: number };
  [key: string]: unknown;
}

export declare function segmentRotation(bindDir: Vector3, dir: Vector3, spinDeg?: number): Quaternion;
export declare function bodyToWorld(test: string): Quaternion;
export declare function legRotations(bind: Bind, spec: PoseSpec): Deltas;
export declare function compensationRotations(
  bind: Bind,
  spec: PoseSpec,
): { deltas: Deltas; tilt: Quaternion | null; shiftM: Vector3 };
export declare function tiltedDeltas(deltas: Deltas, tilt: Quaternion | null): Deltas;
export declare function overheadArmRotations(
  bind: Bind,
  opts?: { outDeg?: number; forwardDeg?: number },
): Deltas;
export declare function handsOnLegRotations(
  bind: Bind,
  legs: Deltas,
  spec: PoseSpec,
  palms: { Left: Vector3; Right: Vector3 },
): { deltas: Deltas; curlDeg: number; wrists: { Left: Vector3; Right: Vector3 } };
export declare function perturbCamera(
  position: Vector3,
  target: Vector3,
  up: Vector3,
  angles: { yawDeg?: number; pitchDeg?: number; rollDeg?: number },
): { position: Vector3; up: Vector3 };
