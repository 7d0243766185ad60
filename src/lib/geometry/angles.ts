export const RAD_TO_DEG = 180 / Math.PI;
export const DEG_TO_RAD = Math.PI / 180;

/** Wrap any angle to (−180, 180]. */
export function wrapDeg(deg: number): number {
  const w = ((((deg + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

/**
 * The median of directions in degrees, taken about the first so that angles either side of ±180° (a right leg's hip
 * line points along −x, and its angle jitters between 179° and −179°) are not split into two ends of the number line;
 * wrapped to (−180, 180]. NaN for none.
 */
export function medianAngleDeg(degs: readonly number[]): number {
  if (degs.length === 0) return NaN;
  const ref = degs[0]!;
  const d = degs.map((x) => wrapDeg(x - ref)).sort((a, b) => a - b);
  const m = d.length >> 1;
  return wrapDeg(ref + (d.length % 2 ? d[m]! : (d[m - 1]! + d[m]!) / 2));
}

/** acos that never returns NaN for inputs a rounding error outside [−1, 1]. */
export function safeAcosDeg(cos: number): number {
  return Math.acos(Math.min(1, Math.max(-1, cos))) * RAD_TO_DEG;
}
