// A FHIR R4 Bundle (type collection) with one Observation per value in the report: category exam, UCUM
// degrees, the body site with its laterality. Pure.
//
// Codes, and how they were checked: SNOMED CT 24136001 |Hip joint structure|, 7771000 |Left| and 24028007
// |Right| appear with those meanings in HL7 Europe's published FHIR guides (the Hospital Discharge Report's
// "Left Hip Joint" BodyStructure, the Base IG's siteLaterality value set). Laterality rides on bodySite in the
// extension HL7 defines for that (observation-structureLaterality, usable with bodySite up to R5). We found no
// code we could check for "hip internal rotation range of motion" or for knee FPPA, so Observation.code is
// text only, and the knee's body site is text only: a guessed code would be worse than none.
import { TEST_NAMES } from '../feedback/format';
import type { Side } from '../types';
import { reportModel, type ValueRow } from './report_model';
import type { SessionRecord } from './session_record';

const SNOMED = 'http://snomed.info/sct';
const LATERALITY_EXT = 'http://hl7.org/fhir/StructureDefinition/observation-structureLaterality';
export const HIP_JOINT = { system: SNOMED, code: '24136001', display: 'Hip joint structure' } as const;
export const LATERALITY: Readonly<Record<Side, { system: string; code: string; display: string }>> = {
  left: { system: SNOMED, code: '7771000', display: 'Left' },
  right: { system: SNOMED, code: '24028007', display: 'Right' },
};

export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}
export interface FhirConcept {
  readonly coding?: readonly FhirCoding[];
  readonly text?: string;
  readonly extension?: readonly { url: string; valueCodeableConcept: FhirConcept }[];
}
export interface FhirObservation {
  readonly resourceType: 'Observation';
  readonly id: string;
  readonly status: 'final';
  readonly category: readonly FhirConcept[];
  readonly code: FhirConcept;
  readonly effectiveDateTime: string;
  readonly valueQuantity?: { value: number; unit: 'deg'; system: 'http://unitsofmeasure.org'; code: 'deg' };
  readonly dataAbsentReason?: FhirConcept;
  readonly bodySite: FhirConcept;
  readonly method: FhirConcept;
  readonly interpretation?: readonly FhirConcept[];
  readonly note: readonly { text: string }[];
}
export interface FhirBundle {
  readonly resourceType: 'Bundle';
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: readonly { resource: FhirObservation }[];
}

export function fhirBundle(record: SessionRecord): FhirBundle {
  const model = reportModel(record);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: record.createdAt,
    entry: model.values.map((row, i) => ({ resource: observation(record, row, i) })),
  };
}

export function bodySite(row: Pick<ValueRow, 'side' | 'kind'>): FhirConcept {
  const side = LATERALITY[row.side];
  const hip = row.kind !== 'knee-fppa';
  return {
    ...(hip ? { coding: [HIP_JOINT] } : {}),
    text: `${side.display} ${hip ? 'hip joint' : 'knee'}`,
    extension: [{ url: LATERALITY_EXT, valueCodeableConcept: { coding: [side], text: side.display } }],
  };
}

function observation(record: SessionRecord, row: ValueRow, i: number): FhirObservation {
  const test = record.context.test;
  const what =
    row.kind === 'knee-fppa'
      ? 'Knee frontal plane projection angle at the deepest point of a squat (valgus positive)'
      : `Hip ${row.kind === 'internal-rotation' ? 'internal' : 'external'} rotation range of motion`;
  const acc = record.accuracy;
  const notes = [
    `Measured by goniocam ${record.context.appVersion} in ${TEST_NAMES[test]} with ${record.context.model} (${record.context.backend}); confidence ${row.confidence.toFixed(2)}.`,
    acc.maeDeg !== null && acc.p95Deg !== null
      ? `goniocam's quoted accuracy for this test: typical error ${acc.maeDeg}°, 95 % within ${acc.p95Deg}°.`
      : "goniocam's accuracy for this test is not established.",
    ...(row.flag ? [`Flagged: ${row.flag}.`] : []),
  ];
  return {
    resourceType: 'Observation',
    id: `${record.id.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 56)}-${i}`,
    status: 'final',
    category: [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/observation-category',
            code: 'exam',
            display: 'Exam',
          },
        ],
      },
    ],
    code: { text: `${what} (${TEST_NAMES[test].replace(/^the /, '')})` },
    effectiveDateTime: record.createdAt,
    ...(row.valueDeg !== null
      ? {
          valueQuantity: {
            value: row.valueDeg,
            unit: 'deg',
            system: 'http://unitsofmeasure.org',
            code: 'deg',
          },
        }
      : {
          dataAbsentReason: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
                code: 'unknown',
                display: 'Unknown',
              },
            ],
            text: row.reason ?? 'not measured',
          },
        }),
    bodySite: bodySite(row),
    method: { text: row.rule },
    ...(row.valueDeg !== null && row.band ? { interpretation: [interpretation(row)] } : {}),
    note: notes.map((text) => ({ text })),
  };
}

function interpretation(row: ValueRow): FhirConcept {
  const band = row.band!;
  const v = row.valueDeg!;
  const [code, display] = row.flag ? (v > band.highDeg ? ['H', 'High'] : ['L', 'Low']) : ['N', 'Normal'];
  return {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code, display }],
    text: row.flag ?? `within ${band.lowDeg}–${band.highDeg}°`,
  };
}
