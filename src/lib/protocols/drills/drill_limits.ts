// The drills' limits: engineering choices (what a position, a rep or a loop needs to be trusted), each with
// its source key, like the guided tests' limits.ts. Not clinical cut-offs.
import { sourced } from '../../sources';

const l = sourced;

export const HOLD = {
  /** 90/90: each knee within this of a right angle. */
  kneeToleranceDeg: l(25, 'goniocam-engineering', '90/90: knee angle within 90° ± this.'),
  /** 90/90: the back foot within this of straight behind the knee (the hip turned inward). */
  backShankMaxDeg: l(40, 'goniocam-engineering', '90/90: back shin direction from straight back.'),
  /** 90/90: the front shin within this of straight across. */
  frontShankMaxDeg: l(45, 'goniocam-engineering', '90/90: front shin direction from straight across.'),
  /** Supine drill: the thigh must be turned inward at least this far for the hold to count. */
  supineMinIrDeg: l(5, 'goniocam-engineering', 'Supine drill: inward rotation that counts as holding.'),
  /** Frames farther apart than this do not add their gap to the hold. */
  maxGapMs: l(500, 'goniocam-engineering', 'Longest frame gap counted in a hold.'),
  /** A hold of this long, per side, is the goal the screen counts toward. */
  targetMs: l(30000, 'goniocam-engineering', 'Hold goal per side (30 s).'),
};

export const LIFT = {
  upDeg: l(15, 'goniocam-engineering', 'Seated lift: a rep starts above this inward rotation.'),
  downDeg: l(7, 'goniocam-engineering', 'Seated lift: a rep ends below this.'),
  holdBandDeg: l(3, 'goniocam-engineering', 'Seated lift: within this of the peak = at end range.'),
  minRepMs: l(600, 'goniocam-engineering', 'Seated lift: a rep faster than this is a swing.'),
  targetReps: l(8, 'goniocam-engineering', 'Seated lift: reps per side the screen counts toward.'),
};

export const CARS = {
  startFrac: l(0.25, 'goniocam-engineering', 'CAR: the knee leaves rest by this many thigh lengths.'),
  endFrac: l(0.12, 'goniocam-engineering', 'CAR: back within this many thigh lengths = the circle is done.'),
  trunkMaxDeg: l(6, 'goniocam-engineering', 'CAR: trunk axis turning more than this = the trunk helped.'),
  /**
   * The hip line is short in the picture (≈ 20–25 px at 2.5 m in 480×360): on the rig's CAR clip, where the
   * pelvis does not move, BlazePose's hips alone moved it 5.4–5.9° over the middle 90 % of a circle.
   */
  pelvisMaxDeg: l(8, 'goniocam-engineering', 'CAR: hip line tilting more than this = the pelvis moved.'),
  /** Standing still this long (knee within endFrac) sets the rest position. */
  restMs: l(1000, 'goniocam-engineering', 'CAR: standing still to set the knee rest position.'),
  targetLoops: l(5, 'goniocam-engineering', 'CAR: circles per side the screen counts toward.'),
};
