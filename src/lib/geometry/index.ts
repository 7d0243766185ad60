// The geometry layer's public face: pure functions from a Pose to angles with reasons.
export { measureHipRotation, DEFAULT_METHOD } from './hip_rotation';
export { measureFppa, kneeFlexion2D } from './fppa';
export type { Measurement } from './result';
// The squat screen's geometry (frontal view unless named otherwise).
export { medialKneeDisplacement } from './knee_displacement';
export { kneeCommonShift } from './knee_common_shift';
export { trunkLeanFrontal } from './trunk_lean_frontal';
export { trunkLeanSide } from './trunk_lean_side';
export { hipFlexionSide, kneeFlexionSide } from './side_view_flexion';
export { standingBaseline, meanBaseline, type StandingBaseline } from './standing_baseline';
export { hipDrop } from './hip_drop';
export { footTurnOut } from './foot_turnout';
export { classifyView, type ViewKind, type ViewReading } from './view';
export { facingInImage } from './facing_2d';
export type { RatioMeasurement } from './ratio';
