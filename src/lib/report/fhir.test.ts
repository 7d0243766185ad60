import { describe, expect, it } from 'vitest';
import { hipRecord, squatRecord } from '../../testing/report_fixtures';
import { bodySite, fhirBundle, HIP_JOINT, LATERALITY } from './fhir';

const LAT_URL = 'http://hl7.org/fhir/StructureDefinition/observation-structureLaterality';

describe('fhirBundle', () => {
  const rec = hipRecord();
  const bundle = fhirBundle(rec);
  const obs = bundle.entry.map((e) => e.resource);

  it('is a collection Bundle with one exam Observation in UCUM degrees per value', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: rec.createdAt });
    expect(obs).toHaveLength(4);
    for (const o of obs) {
      expect(o.status).toBe('final');
      expect(o.category[0]!.coding![0]).toMatchObject({ code: 'exam' });
      expect(o.valueQuantity).toMatchObject({
        unit: 'deg',
        system: 'http://unitsofmeasure.org',
        code: 'deg',
      });
      expect(o.id).toMatch(/^[A-Za-z0-9.-]{1,64}$/);
      expect(o.note.map((n) => n.text).join(' ')).toMatch(/quoted accuracy/);
    }
    expect(new Set(obs.map((o) => o.id)).size).toBe(4);
  });

  it('maps left to SNOMED 7771000 and right to 24028007 on the hip joint (24136001)', () => {
    expect(bodySite({ side: 'left', kind: 'internal-rotation' })).toEqual({
      coding: [HIP_JOINT],
      text: 'Left hip joint',
      extension: [{ url: LAT_URL, valueCodeableConcept: { coding: [LATERALITY.left], text: 'Left' } }],
    });
    expect(LATERALITY.left.code).toBe('7771000');
    expect(LATERALITY.right.code).toBe('24028007');
    expect(HIP_JOINT.code).toBe('24136001');
    // Each Observation's laterality agrees with the side of the value it carries.
    const model = obs.map((o) => [
      o.code.text,
      o.bodySite.text,
      o.bodySite.extension![0]!.valueCodeableConcept.coding![0]!.code,
    ]);
    expect(model.map((m) => m[2])).toEqual(['24028007', '24028007', '7771000', '7771000']);
    expect(model.every((m) => (m[1] === 'Right hip joint') === (m[2] === '24028007'))).toBe(true);
  });

  it('marks a value under 35° Low and a value in the band Normal', () => {
    const codes = obs.map((o) => o.interpretation?.[0]?.coding?.[0]?.code);
    expect(codes[0]).toBe('N'); // right IR ≈ 40
    expect(codes[2]).toBe('L'); // left IR ≈ 28
    expect(obs[0]!.code.text).toMatch(/^Hip internal rotation range of motion \(seated test\)$/);
  });

  it('writes an unmeasured value as dataAbsentReason with the reason, never a number', () => {
    const r = hipRecord();
    if (r.outcome.kind !== 'hip') throw new Error('hip');
    const left = r.outcome.result.sides.left!;
    const missing = {
      ...r,
      outcome: {
        ...r.outcome,
        result: {
          ...r.outcome.result,
          sides: {
            ...r.outcome.result.sides,
            left: {
              ...left,
              external: { ...left.external!, valueDeg: null, reason: 'no valid trial (knee moved ×3)' },
            },
          },
        },
      },
    };
    const o = fhirBundle(missing).entry[3]!.resource;
    expect(o.valueQuantity).toBeUndefined();
    expect(o.dataAbsentReason?.text).toBe('no valid trial (knee moved ×3)');
    expect(o.interpretation).toBeUndefined();
  });

  it('gives knee FPPA a text body site with laterality and no guessed code', () => {
    const o = fhirBundle(squatRecord()).entry.map((e) => e.resource);
    expect(o).toHaveLength(2);
    for (const x of o) {
      expect(x.bodySite.coding).toBeUndefined();
      expect(x.bodySite.text).toMatch(/^(Left|Right) knee$/);
    }
    expect(o.find((x) => x.bodySite.text === 'Left knee')!.interpretation![0]!.coding![0]!.code).toBe('H');
  });
});
