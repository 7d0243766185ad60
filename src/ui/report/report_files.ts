// The files a report can be saved as: goniocam-report/1 JSON, the per-trial CSV, a FHIR R4 Bundle. Names
// say the test and the date, so a folder of them sorts by itself.
import { fhirBundle } from '../../lib/report/fhir';
import { trialsCsv } from '../../lib/report/report_csv';
import type { SessionRecord } from '../../lib/report/session_record';

export type ReportFileKind = 'json' | 'csv' | 'fhir';

export const REPORT_FILES: readonly { kind: ReportFileKind; label: string; mime: string }[] = [
  { kind: 'json', label: 'Report (JSON)', mime: 'application/json' },
  { kind: 'csv', label: 'Trials (CSV)', mime: 'text/csv' },
  { kind: 'fhir', label: 'FHIR R4 Bundle', mime: 'application/fhir+json' },
];

export function reportFileName(r: SessionRecord, kind: ReportFileKind): string {
  const day = r.createdAt.slice(0, 10);
  const who = r.client ? `-${r.client.label.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40)}` : '';
  const ext = kind === 'csv' ? 'trials.csv' : kind === 'fhir' ? 'fhir.json' : 'json';
  return `goniocam-${r.context.test}${who}-${day}.${ext}`;
}

export function reportFileText(r: SessionRecord, kind: ReportFileKind): string {
  if (kind === 'csv') return trialsCsv(r);
  return JSON.stringify(kind === 'fhir' ? fhirBundle(r) : r, null, 2);
}
