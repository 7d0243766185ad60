import { describe, expect, it } from 'vitest';
import { DRILLS, DRILL_ORDER_NOTE, drill, drillsFor } from './drills';

describe('drills', () => {
  it('holds the four drills from the brief', () => {
    expect(DRILLS.map((d) => d.id)).toEqual([
      'modified-90-90',
      'supine-passive-ir',
      'seated-ir-lift',
      'hip-cars',
    ]);
    expect(drill('modified-90-90')?.kind).toBe('passive');
    expect(drill('supine-passive-ir')?.kind).toBe('passive');
    expect(drill('seated-ir-lift')?.kind).toBe('active');
    expect(drill('hip-cars')?.kind).toBe('active');
    expect(drill('nope')).toBeUndefined();
  });

  it('every drill has steps, a target and a stop-at-a-sharp-pinch safety note', () => {
    for (const d of DRILLS) {
      expect(d.steps.length).toBeGreaterThan(2);
      expect(d.targets.length).toBeGreaterThan(10);
      expect(d.safety).toMatch(/sharp pinch/);
      expect(d.fits.length).toBeGreaterThan(0);
    }
  });

  it('lists passive drills before active ones (active control follows passive work)', () => {
    const ids = drillsFor('hir-below-minimum');
    expect(ids).toEqual(['modified-90-90', 'supine-passive-ir', 'seated-ir-lift', 'hip-cars']);
    const kinds = ids.map((id) => drill(id)?.kind);
    expect(kinds.indexOf('active')).toBeGreaterThan(kinds.lastIndexOf('passive'));
    expect(DRILL_ORDER_NOTE).toMatch(/passive.*first.*active/i);
  });

  it('a bony pattern gets only controlled active work, no stretching into the block', () => {
    expect(drillsFor('pattern-structural')).toEqual(['hip-cars']);
    expect(drillsFor('pattern-anteversion')).toEqual(['hip-cars']);
  });

  it('the seed details are in the steps', () => {
    expect(drill('modified-90-90')?.steps.join(' ')).toMatch(/back leg/);
    expect(drill('modified-90-90')?.steps.join(' ')).toMatch(/shin of the front leg/);
    expect(drill('supine-passive-ir')?.steps.join(' ')).toMatch(/ankle outward/);
    expect(drill('seated-ir-lift')?.steps.join(' ')).toMatch(/feet hang off the floor/);
    expect(drill('seated-ir-lift')?.steps.join(' ')).toMatch(/knee still/);
  });
});
