import { describe, expect, it } from 'vitest';
import { bestActive, sideGap, type IrReading } from './active_passive_gap';
import { MEASUREMENT_ERROR_DEG } from './thresholds';

const r = (valueDeg: number, from: IrReading['from']): IrReading => ({ valueDeg, confidence: 0.8, from });
const combined = Math.hypot(MEASUREMENT_ERROR_DEG.supine.p95Deg!, MEASUREMENT_ERROR_DEG.seated.p95Deg!);

describe('active–passive gap', () => {
  it('a gap larger than the combined error is a clear gap, with the active-after-passive message', () => {
    const g = sideGap('left', r(45, 'supine-test'), r(45 - combined - 1, 'seated-lift'));
    expect(g.verdict).toBe('clear-gap');
    expect(g.errorDeg).toBeCloseTo(combined, 6);
    expect(g.message).toMatch(/not yet under active control/);
    expect(g.message).toMatch(/straight after the passive/);
  });
  it('a gap within the combined error is "no clear gap"', () => {
    const g = sideGap('right', r(40, 'supine-test'), r(40 - combined + 0.5, 'seated-test'));
    expect(g.verdict).toBe('no-clear-gap');
    expect(g.message).toMatch(/no clear gap/);
  });
  it('active well above passive says the passive test missed end range', () => {
    expect(sideGap('right', r(20, 'supine-test'), r(20 + combined + 2, 'seated-test')).verdict).toBe(
      'active-above-passive',
    );
  });
  it('a missing reading gives no gap and says which', () => {
    const g = sideGap('left', null, r(30, 'seated-test'));
    expect(g.gapDeg).toBeNull();
    expect(g.reason).toMatch(/no lying 90\/90/);
  });
  it('the best active reading of the day is the higher of test and lift', () => {
    expect(bestActive([r(50, 'supine-test'), r(28, 'seated-test'), r(33, 'seated-lift')])?.from).toBe(
      'seated-lift',
    );
    expect(bestActive([r(50, 'supine-test')])).toBeNull();
  });
});
