export const RAD_TO_DEG = 180 / Math.PI;
export const DEG_TO_RAD = Math.PI / 180;

/** Wrap any angle to (−180, 180]. */
export function wrapDeg(deg: number): number {
  const w = ((((deg + 180) % 360) + 360) % 360) - 180;
  return w === -180 ? 180 : w;
}

/** acos that never returns NaN for inputs a rounding error outside [−1, 1]. */
export function safeAcosDeg(cos: number): number {
  return Math.acos(Math.min(1, Math.max(-1, cos))) * RAD_TO_DEG;
}
