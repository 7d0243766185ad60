import { describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA_STEPS, STORES, stepsBetween, withSource } from './schema';

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

describe('schema 2: rows say where their record came from', () => {
  it('fills in source from the record, live where it does not say', () => {
    const row = { id: 'a', createdAt: 'x', test: 'seated', client: '' };
    expect(withSource({ ...row, record: { context: { source: 'recording' } } }).source).toBe('recording');
    expect(withSource({ ...row, record: { context: { source: 'live' } } }).source).toBe('live');
    expect(withSource({ ...row, record: null }).source).toBe('live');
    // Everything else in the row is kept as it was.
    expect(withSource({ ...row, record: 1 })).toEqual({ ...row, record: 1, source: 'live' });
  });

  it('a schema 1 database gets only step 2: the progress store, the source index and the row rewrite', () => {
    const [step] = stepsBetween(1, DB_VERSION);
    expect(step!.version).toBe(2);
    expect(step!.create.map((c) => c.name)).toEqual([STORES.progress]);
    expect(step!.migrateStores).toEqual([STORES.sessions, STORES.clients]);
  });
});

describe('schema 3: drill sessions', () => {
  it('a schema 2 database gets only the drills store, no rewrite', () => {
    const steps = stepsBetween(2, 3);
    expect(steps.map((s) => s.version)).toEqual([3]);
    expect(steps[0]!.create.map((c) => c.name)).toEqual([STORES.drills]);
    expect(steps[0]!.migrateRow).toBeUndefined();
  });
});
