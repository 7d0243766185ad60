import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontalSquatPose, SYNTH_LEG_PX } from '../../testing/synthetic_squat';
import type { Pose } from '../types';
import { DEG_TO_RAD } from './angles';
import { kneeIn } from './knee_in';
import { standingBaseline, type StandingBaseline } from './standing_baseline';

const baseOf = (p: Pose) => standingBaseline(p) as StandingBaseline;
/** The synthetic knee's medial offset from its ankle for an FPPA at a depth (synthetic_squat.ts's construction). */
const medialPx = (fppaDeg: number, depth: number) =>
  (Math.tan((fppaDeg / 2) * DEG_TO_RAD) * ((1 - depth) * SYNTH_LEG_PX)) / 2;
/** Both knees moved by the same image vector: what a turned camera does to the knees' forward travel. */
const shiftKnees = (p: Pose, dx: number, dy = 0): Pose => ({
  ...p,
  joints: {
    ...p.joints,
    left_knee: { ...p.joints.left_knee!, x: p.joints.left_knee!.x + dx, y: p.joints.left_knee!.y + dy },
    right_knee: { ...p.joints.right_knee!, x: p.joints.right_knee!.x + dx, y: p.joints.right_knee!.y + dy },
  },
});

describe('kneeIn', () => {
  it('is the knee’s inward travel relative to its ankle since standing, over the standing leg length', () => {
    const base = baseOf(frontalSquatPose());
    const p = frontalSquatPose({ depth: 0.4, fppaDeg: { left: 20, right: -10 } });
    const l = kneeIn(p, 'left', base);
    const r = kneeIn(p, 'right', base);
    expect(l).toMatchObject({ ok: true, value: expect.closeTo(medialPx(20, 0.4) / SYNTH_LEG_PX, 9) });
    // Knees out (varus) reads negative.
    expect(r).toMatchObject({ ok: true, value: expect.closeTo(medialPx(-10, 0.4) / SYNTH_LEG_PX, 9) });
    expect(kneeIn(frontalSquatPose(), 'left', base)).toMatchObject({ ok: true, value: 0 });
  });

  it('starts from the person’s own stance: knees already in when standing read 0 standing', () => {
    const knockKneed = frontalSquatPose({ fppaDeg: { left: 8, right: 8 } });
    const base = baseOf(knockKneed);
    expect(kneeIn(knockKneed, 'left', base)).toMatchObject({ ok: true, value: expect.closeTo(0, 12) });
  });

  it('refuses without the standing reference for that knee, or with a joint missing', () => {
    const base = baseOf(frontalSquatPose());
    const { kneeOverAnklePx: _, ...bare } = base;
    expect(kneeIn(frontalSquatPose({ depth: 0.3 }), 'left', bare)).toMatchObject({
      ok: false,
      reason: /standing reference/,
    });
    expect(kneeIn(frontalSquatPose({ omit: ['left_ankle'] }), 'left', base)).toMatchObject({
      ok: false,
      reason: /left ankle/,
    });
  });

  it('property: the same from the front or the back and under any camera roll', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 0.7, noNaN: true }),
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.constantFrom('front' as const, 'back' as const),
        (fppa, depth, rollDeg, view) => {
          const base = baseOf(frontalSquatPose({ rollDeg, view }));
          const p = frontalSquatPose({ depth, rollDeg, view, fppaDeg: { left: fppa, right: fppa / 2 } });
          const l = kneeIn(p, 'left', base);
          const r = kneeIn(p, 'right', base);
          expect(l.ok && l.value).toBeCloseTo(medialPx(fppa, depth) / SYNTH_LEG_PX, 9);
          expect(r.ok && r.value).toBeCloseTo(medialPx(fppa / 2, depth) / SYNTH_LEG_PX, 9);
        },
      ),
    );
  });

  it('property: a common sideways shift of both knees (a turned camera) leaves their mean unchanged', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: 30, noNaN: true }),
        fc.double({ min: -15, max: 30, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (fl, fr, dx, dy) => {
          const base = baseOf(frontalSquatPose());
          const p = frontalSquatPose({ depth: 0.5, fppaDeg: { left: fl, right: fr } });
          const mean = (q: Pose) => {
            const l = kneeIn(q, 'left', base);
            const r = kneeIn(q, 'right', base);
            return l.ok && r.ok ? (l.value + r.value) / 2 : NaN;
          };
          expect(mean(shiftKnees(p, dx, dy))).toBeCloseTo(mean(p), 6);
          // …while each knee alone moves by the shift: one in, the other out (image right is the left knee’s lateral).
          const l0 = kneeIn(p, 'left', base);
          const l1 = kneeIn(shiftKnees(p, dx, dy), 'left', base);
          expect(l0.ok && l1.ok && l1.value - l0.value).toBeCloseTo(-dx / SYNTH_LEG_PX, 6);
        },
      ),
    );
  });
});
