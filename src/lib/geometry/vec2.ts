// Small pure 2D vector helpers in the gl-matrix spirit: readonly inputs, new outputs, no NaN leaks.

export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

export const sub = (a: Vec2, b: Vec2): Vec2 => ({ x: a.x - b.x, y: a.y - b.y });
export const add = (a: Vec2, b: Vec2): Vec2 => ({ x: a.x + b.x, y: a.y + b.y });
export const scale = (a: Vec2, s: number): Vec2 => ({ x: a.x * s, y: a.y * s });
export const dot = (a: Vec2, b: Vec2): number => a.x * b.x + a.y * b.y;
/** z of the 3D cross product: > 0 when b is clockwise from a in image coordinates (y down). */
export const cross = (a: Vec2, b: Vec2): number => a.x * b.y - a.y * b.x;
export const length = (a: Vec2): number => Math.hypot(a.x, a.y);
export const midpoint = (a: Vec2, b: Vec2): Vec2 => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
/** Rotated +90° in image coordinates (x right, y down): (x, y) → (−y, x). */
export const perp = (a: Vec2): Vec2 => ({ x: -a.y, y: a.x });

/** Unit vector, or null for a (near) zero-length one: callers turn that into a reason, never NaN. */
export function normalize(a: Vec2, minLength = 1e-9): Vec2 | null {
  const l = length(a);
  return l > minLength && Number.isFinite(l) ? { x: a.x / l, y: a.y / l } : null;
}
