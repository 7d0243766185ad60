// Pure 3D vector helpers (BlazePose world keypoints, metres).

export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export const sub3 = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x - b.x, y: a.y - b.y, z: a.z - b.z });
export const add3 = (a: Vec3, b: Vec3): Vec3 => ({ x: a.x + b.x, y: a.y + b.y, z: a.z + b.z });
export const scale3 = (a: Vec3, s: number): Vec3 => ({ x: a.x * s, y: a.y * s, z: a.z * s });
export const dot3 = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z;
export const cross3 = (a: Vec3, b: Vec3): Vec3 => ({
  x: a.y * b.z - a.z * b.y,
  y: a.z * b.x - a.x * b.z,
  z: a.x * b.y - a.y * b.x,
});
export const length3 = (a: Vec3): number => Math.hypot(a.x, a.y, a.z);
export const midpoint3 = (a: Vec3, b: Vec3): Vec3 => scale3(add3(a, b), 0.5);

export function normalize3(a: Vec3, minLength = 1e-9): Vec3 | null {
  const l = length3(a);
  return l > minLength && Number.isFinite(l) ? scale3(a, 1 / l) : null;
}

/** The part of v perpendicular to the unit axis n. */
export function rejectFrom(v: Vec3, n: Vec3): Vec3 {
  return sub3(v, scale3(n, dot3(v, n)));
}
