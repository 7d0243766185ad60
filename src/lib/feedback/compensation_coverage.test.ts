import { describe, expect, it } from 'vitest';
import { COMPENSATION_COVERAGE } from './compensation_coverage';

const TESTS = ['seated', 'supine', 'prone'] as const;

describe('compensation coverage', () => {
  it('covers the knee, the pelvis and the trunk in every hip test', () => {
    for (const test of TESTS) {
      const whats = COMPENSATION_COVERAGE[test].map((c) => c.what.toLowerCase());
      expect(
        whats.some((w) => w.includes('thigh') || w.includes('knee')),
        test,
      ).toBe(true);
      expect(
        whats.some((w) => w.includes('pelvis')),
        test,
      ).toBe(true);
      expect(
        whats.some((w) => w.includes('trunk')),
        test,
      ).toBe(true);
    }
  });

  it('says "caught" only where no compensating attempt was missed, and gives advice wherever one was', () => {
    for (const test of TESTS)
      for (const c of COMPENSATION_COVERAGE[test]) {
        // Every missed count in the text ("N missed"); "none missed" is 0.
        const missed = [...c.measured.matchAll(/(\d+|none) missed/g)].map((m) =>
          m[1] === 'none' ? 0 : +m[1]!,
        );
        expect(missed.length, `${test}: ${c.what}`).toBeGreaterThan(0);
        if (c.level === 'caught') {
          expect(Math.max(...missed), `${test}: ${c.what}`).toBe(0);
          expect(c.watch).toBeNull();
        } else {
          expect(Math.max(...missed), `${test}: ${c.what}`).toBeGreaterThan(0);
          expect(c.watch?.length, `${test}: ${c.what}`).toBeGreaterThan(10);
        }
      }
  });

  it('a prone pelvis roll is listed as not seen, a supine thigh swing (seen at the ankle since 2026-12-06) as partly', () => {
    expect(COMPENSATION_COVERAGE.prone.find((c) => c.what.includes('pelvis'))?.level).toBe('not-seen');
    expect(COMPENSATION_COVERAGE.supine.find((c) => c.what.includes('thigh'))?.level).toBe('partly');
  });
});
