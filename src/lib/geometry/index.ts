// The geometry layer's public face: pure functions from a Pose to angles with reasons.
export { measureHipRotation, DEFAULT_METHOD, type HipMethod, type HipTest } from './hip_rotation';
export { measureFppa, kneeFlexion2D } from './fppa';
export type { Measurement } from './result';
