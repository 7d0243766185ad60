import { describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA_STEPS, STORES, stepsBetween } from './schema';

describe('storage schema', () => {
  it('a new database runs every step; an up-to-date one runs none', () => {
    expect(stepsBetween(0, DB_VERSION).map((s) => s.version)).toEqual(SCHEMA_STEPS.map((s) => s.version));
    expect(stepsBetween(DB_VERSION, DB_VERSION)).toEqual([]);
    expect(() => stepsBetween(DB_VERSION + 1, DB_VERSION)).toThrow(/cannot go back/);
  });

  it('steps are numbered 1, 2, … and end at DB_VERSION, and every store is created exactly once', () => {
    expect(SCHEMA_STEPS.map((s) => s.version)).toEqual(SCHEMA_STEPS.map((_, i) => i + 1));
    expect(SCHEMA_STEPS.at(-1)!.version).toBe(DB_VERSION);
    const created = SCHEMA_STEPS.flatMap((s) => s.create.map((c) => c.name)).sort();
    expect(created).toEqual(Object.values(STORES).sort());
  });
});
