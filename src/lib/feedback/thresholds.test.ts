import { describe, expect, it } from 'vitest';
import { SOURCES, isSourceId, source } from '../sources';
import {
  ASYMMETRY,
  FPPA,
  HIR,
  MEASUREMENT_ERROR_DEG,
  ROTATION_NORMS,
  ROUGH_MAE_DEG,
  asymmetryLimitDeg,
  differenceErrorDeg,
  fppaAsymmetryLimitDeg,
  readingErrorDeg,
  thresholdTable,
} from './thresholds';

describe('sources', () => {
  it('every source has an id matching its key, a label and a citation', () => {
    for (const [key, s] of Object.entries(SOURCES)) {
      expect(s.id).toBe(key);
      expect(s.short.length).toBeGreaterThan(0);
      expect(s.citation.length).toBeGreaterThan(20);
    }
  });
  it('looks ids up and rejects unknown ones', () => {
    expect(source('herrington-2014')?.short).toBe('Herrington 2014');
    expect(isSourceId('ellison-1990')).toBe(true);
    expect(isSourceId('made-up-2020')).toBe(false);
    expect(isSourceId('toString')).toBe(false);
  });
  it("goniocam's own numbers are labelled as such", () => {
    expect(source('goniocam-engineering')?.says).toMatch(/not a clinical cut-off/i);
    expect(source('goniocam-accuracy')?.citation).toMatch(/npm run accuracy/);
  });
});

describe('thresholds', () => {
  it('every row of the table names a known source and is a finite number', () => {
    const rows = thresholdTable();
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(isSourceId(r.source), r.key).toBe(true);
      expect(Number.isFinite(r.value), r.key).toBe(true);
      expect(r.note.length, r.key).toBeGreaterThan(0);
    }
  });

  it('holds the brief’s HIR numbers', () => {
    expect(HIR.functionalMinDeg.value).toBe(35);
    expect(HIR.normLowDeg.value).toBe(30);
    expect(HIR.normHighDeg.value).toBe(45);
    expect(HIR.functionalMinDeg.source).toBe('seed');
  });

  it('has a measurement error for every test, from goniocam-accuracy; prone the least accurate, a rough guide', () => {
    for (const test of ['seated', 'supine', 'prone', 'squat'] as const) {
      expect(MEASUREMENT_ERROR_DEG[test].source).toBe('goniocam-accuracy');
      expect(readingErrorDeg(test)).not.toBeNull();
    }
    // On the report bodies (docs/accuracy.md) seated with BlazePose measures closest, supine overhead with
    // MoveNet Thunder (hands on the leg in half the views) next, and prone from behind the head worst of all.
    expect(MEASUREMENT_ERROR_DEG.seated.maeDeg!).toBeLessThan(MEASUREMENT_ERROR_DEG.supine.maeDeg!);
    expect(MEASUREMENT_ERROR_DEG.supine.maeDeg!).toBeLessThan(MEASUREMENT_ERROR_DEG.prone.maeDeg!);
    expect(MEASUREMENT_ERROR_DEG.prone.maeDeg!).toBeGreaterThan(ROUGH_MAE_DEG.value);
    expect(readingErrorDeg('prone')).toBe(14.2);
    expect(MEASUREMENT_ERROR_DEG.seated.note).toMatch(/report-bodies|Report bodies/);
    expect(MEASUREMENT_ERROR_DEG.prone.note).toMatch(/behind the head.*turned 180°/);
  });

  it('a difference of two readings has √2 × one reading’s error', () => {
    expect(differenceErrorDeg('seated')).toBeCloseTo(Math.SQRT2 * 11.4, 6);
    expect(differenceErrorDeg('prone')).toBeCloseTo(Math.SQRT2 * 14.2, 6);
  });

  it('asymmetry limit is the larger of 10° and the difference error', () => {
    expect(ASYMMETRY.clinicalDeg.value).toBe(10);
    expect(asymmetryLimitDeg('seated')).toBeCloseTo(Math.SQRT2 * 11.4, 6); // ≈ 16.1°
    expect(asymmetryLimitDeg('supine')).toBeCloseTo(Math.SQRT2 * 13.8, 6); // ≈ 19.5°
    expect(asymmetryLimitDeg('prone')).toBeCloseTo(Math.SQRT2 * 14.2, 6); // ≈ 20.1°
  });

  it('a test whose error is not measured has no reading error, difference error or asymmetry limit', () => {
    const table = MEASUREMENT_ERROR_DEG as Record<'prone', (typeof MEASUREMENT_ERROR_DEG)['prone']>;
    const saved = table.prone;
    table.prone = { ...saved, maeDeg: null, p95Deg: null };
    try {
      expect(readingErrorDeg('prone')).toBeNull();
      expect(differenceErrorDeg('prone')).toBeNull();
      expect(asymmetryLimitDeg('prone')).toBeNull();
    } finally {
      table.prone = saved;
    }
  });

  it('FPPA flag = healthy single-leg-squat mean + 1 SD (Herrington 2014); sex ranges from Herrington & Munro 2010', () => {
    expect(FPPA.valgusFlagDeg.value).toBeCloseTo(
      FPPA.singleLegSquatHealthyMeanDeg.value + FPPA.singleLegSquatHealthySdDeg.value,
      6,
    );
    expect(FPPA.femaleUpperDeg.source).toBe('herrington-munro-2010');
    expect([FPPA.femaleLowerDeg.value, FPPA.femaleUpperDeg.value]).toEqual([7, 13]);
    expect([FPPA.maleLowerDeg.value, FPPA.maleUpperDeg.value]).toEqual([3, 8]);
    // The larger of Munro’s 8.93° and goniocam’s own FPPA difference error (√2 × 12.0° on the report bodies).
    expect(fppaAsymmetryLimitDeg()).toBeCloseTo(Math.max(8.93, Math.SQRT2 * 12.0), 6);
  });

  it('rotation norms: total arc ≈ IR + ER (the study rounds each mean)', () => {
    const p = ROTATION_NORMS.prone;
    expect(p.irMeanDeg.value + p.erMeanDeg.value).toBeCloseTo(p.totalArcMeanDeg.value, 0);
    const s = ROTATION_NORMS.seated;
    expect(s.irMeanDeg.value + s.erMeanDeg.value).toBeCloseTo(s.totalArcMeanDeg.value, 0);
    expect(ROTATION_NORMS.supine).toBe(ROTATION_NORMS.seated);
  });
});
