import { describe, expect, it } from 'vitest';
import { pathShape } from '../../geometry/knee_path';
import { length, sub } from '../../geometry/vec2';
import { carPose, drillFrames, without, type CarLoopPose, type Segment } from '../../../testing/drill_script';
import { readCarFrame, swapSides } from './car_frame';
import { initCarLoops, stepCarLoops, type CarRest } from './car_loops';
import { CARS } from './drill_limits';

const T = {
  startFrac: CARS.startFrac.value,
  endFrac: CARS.endFrac.value,
  trunkMaxDeg: CARS.trunkMaxDeg.value,
  pelvisMaxDeg: CARS.pelvisMaxDeg.value,
};
const side = 'right' as const;
const standing = (): Segment => ({ ms: 1500, pose: () => carPose({ side, phase: 0, coneDeg: 0 }) });
const circle = (extra: Partial<CarLoopPose> = {}, ms = 4000): Segment => ({
  ms,
  pose: (u) =>
    carPose({
      side,
      phase: u,
      coneDeg: 35,
      ...extra,
      // Sway and hike follow the circle: none at standing, most half-way round.
      ...(extra.trunkShiftM ? { trunkShiftM: extra.trunkShiftM * Math.sin(Math.PI * u) } : {}),
      ...(extra.hipHikeM ? { hipHikeM: extra.hipHikeM * Math.sin(Math.PI * u) } : {}),
    }),
});

/** The truth: the noise-free knee path of one circle (dense), as the camera sees the true joints. */
function truthShape() {
  const rest = carPose({ side, phase: 0, coneDeg: 0 });
  const thighPx = length(sub(rest.joints.right_knee!, rest.joints.right_hip!));
  const path = Array.from({ length: 400 }, (_, i) => {
    const p = carPose({ side, phase: i / 400, coneDeg: 35 });
    return sub(p.joints.right_knee!, p.joints.right_hip!);
  });
  const s = pathShape(path);
  if ('reason' in s) throw new Error(s.reason);
  return { radiusThighs: s.radiusPx / thighPx, roundness: s.roundness };
}

function run(segments: Segment[], jitterPx = 0.6) {
  const frames = drillFrames(segments, { fps: 15, jitterPx });
  const r0 = readCarFrame(frames[0]!.pose, side);
  if (!r0.ok) throw new Error(r0.reason);
  const rest: CarRest = {
    knee: r0.frame.knee,
    thighPx: length(r0.frame.knee),
    pelvisDeg: r0.frame.pelvisDeg,
  };
  let s = initCarLoops();
  for (const f of frames) s = stepCarLoops(s, readCarFrame(f.pose, side, rest.pelvisDeg), rest, T).state;
  return s;
}

describe('hip CAR loops (scripted standing body, camera in front)', () => {
  it('a circle of known size: radius and roundness within bounds of the truth, trunk and pelvis still', () => {
    const truth = truthShape();
    const s = run([standing(), circle(), standing(), circle(), standing()]);
    expect(s.loops).toHaveLength(2);
    for (const l of s.loops) {
      expect(Math.abs(l.radiusThighs - truth.radiusThighs) / truth.radiusThighs).toBeLessThan(0.1);
      expect(Math.abs(l.roundness - truth.roundness)).toBeLessThan(0.08);
      expect(l.trunkStill && l.pelvisStill).toBe(true);
      expect(l.trunkRangeDeg).toBeLessThan(2);
    }
  });
  it('a swaying trunk is seen: the range matches the sway', () => {
    // 0.1 m sideways at the shoulders (a half sine over the circle), 0.5 m above the hips: up to
    // atan(0.1 / 0.5) ≈ 11.3°; the range is read over the middle 90 % of the frames, ≈ 9.2° for this sway.
    const s = run([standing(), circle({ trunkShiftM: 0.1 }), standing()]);
    expect(s.loops).toHaveLength(1);
    expect(s.loops[0]!.trunkStill).toBe(false);
    const sway = Array.from(
      { length: 60 },
      (_, i) => (Math.atan((0.1 * Math.sin((Math.PI * i) / 60)) / 0.5) * 180) / Math.PI,
    ).sort((a, b) => a - b);
    const truth = sway[Math.round(0.95 * 59)]! - sway[Math.round(0.05 * 59)]!;
    expect(Math.abs(s.loops[0]!.trunkRangeDeg - truth)).toBeLessThan(1.5);
  });
  it('a hiking pelvis is seen', () => {
    const s = run([standing(), circle({ hipHikeM: 0.05 }), standing()]);
    expect(s.loops[0]!.pelvisStill).toBe(false);
  });
  it('a circle where the leg leaves the picture is not counted', () => {
    const c = circle();
    const hidden: Segment = {
      ms: 4000,
      pose: (u) => (u > 0.4 && u < 0.6 ? without(c.pose(u)!, ['right_knee']) : c.pose(u)),
    };
    const s = run([standing(), hidden, standing()]);
    expect(s.loops).toHaveLength(0);
    expect(s.discarded[0]!.detail).toMatch(/right knee not found/);
  });
  it('a small wobble never starts a circle', () => {
    const s = run(
      [standing(), circle({}, 4000), standing()].map((seg, i) =>
        i === 1 ? { ms: 3000, pose: (u: number) => carPose({ side, phase: u, coneDeg: 5 }) } : seg,
      ),
    );
    expect(s.loops).toHaveLength(0);
    expect(s.discarded).toHaveLength(0);
  });
  it('a model that swaps left and right for part of the circle is read back the right way round', () => {
    const c = circle();
    const swapped: Segment = {
      ms: 4000,
      pose: (u) => (u > 0.2 && u < 0.5 ? swapSides(c.pose(u)!) : c.pose(u)),
    };
    const a = run([standing(), c, standing()]).loops[0]!;
    const b = run([standing(), swapped, standing()]).loops[0]!;
    expect(Math.abs(a.radiusThighs - b.radiusThighs)).toBeLessThan(0.02);
    expect(b.pelvisStill && b.trunkStill).toBe(true);
  });
});
