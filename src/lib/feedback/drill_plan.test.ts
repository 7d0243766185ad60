import { describe, expect, it } from 'vitest';
import { sideGap } from './active_passive_gap';
import { drillPlan } from './drill_plan';
import type { Finding } from './types';

const finding = (id: string): Finding => ({
  id,
  level: 'flag',
  title: id,
  text: '',
  evidence: [],
  confidence: 0.8,
  drills: [],
});
const noGaps = [sideGap('left', null, null), sideGap('right', null, null)];

describe('drill plan', () => {
  it('limited inward rotation → passive drills, then the active lift', () => {
    const p = drillPlan([finding('hir-below-minimum-supine-right')], noGaps);
    expect(p.headline).toMatch(/Passive drills, then the active lift/);
    expect(p.steps.map((s) => s.drillId)).toEqual(['modified-90-90', 'supine-passive-ir', 'seated-ir-lift']);
    expect(p.steps.every((s) => s.side === 'right')).toBe(true);
    expect(p.notes.join(' ')).toMatch(/same day/);
  });
  it('a clear gap → active work first', () => {
    const gaps = [
      sideGap(
        'left',
        { valueDeg: 45, confidence: 0.8, from: 'supine-test' },
        { valueDeg: 20, confidence: 0.8, from: 'seated-lift' },
      ),
    ];
    const p = drillPlan([finding('hir-below-minimum-seated-left')], gaps);
    expect(p.headline).toBe('Active control first');
    expect(p.steps[0]!.drillId).toBe('seated-ir-lift');
    expect(p.steps.map((s) => s.drillId)).toEqual([
      'seated-ir-lift',
      'hip-cars',
      'modified-90-90',
      'supine-passive-ir',
    ]);
  });
  it('a structural pattern → realistic goals, no forced stretching', () => {
    const p = drillPlan(
      [finding('pattern-structural-seated-left'), finding('hir-below-minimum-seated-left')],
      noGaps,
    );
    expect(p.steps.map((s) => s.drillId)).toEqual(['hip-cars']);
    expect(p.notes.join(' ')).toMatch(/realistic goal/);
  });
  it('nothing limited → keep it', () => {
    expect(drillPlan([], noGaps).headline).toBe('Keep what you have');
  });
});
