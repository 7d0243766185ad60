// The three downloads of a recording's analysis: per-frame CSV, per-trial (or per-rep) CSV and the
// goniocam-analysis/1 JSON, named after the clip. Pure: the texts come from report/analysis_export.ts,
// which the CLI prints too, so a download and `goniocam analyze` agree byte for byte.
import type { RecordingAnalysis } from '../../lib/pipeline/analysis_types';
import { analysisJson, framesCsv, trialsCsv } from '../../lib/report/analysis_export';

export type ExportKind = 'frames' | 'trials' | 'json';

export interface ExportFile {
  readonly kind: ExportKind;
  readonly name: string;
  readonly mime: string;
  readonly label: string;
}

/** "phone clip (2).MOV" → "phone clip (2)": the stem the download names start from; never empty. */
export function clipStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? '';
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/["*:<>?|]/g, '_')
    .trim();
  return stem || 'recording';
}

export function exportFiles(a: RecordingAnalysis): ExportFile[] {
  const stem = `${clipStem(a.info.file)}.goniocam`;
  return [
    { kind: 'frames', name: `${stem}-frames.csv`, mime: 'text/csv', label: 'Per-frame CSV' },
    {
      kind: 'trials',
      name: `${stem}-${a.kind === 'hip' ? 'trials' : 'reps'}.csv`,
      mime: 'text/csv',
      label: a.kind === 'hip' ? 'Per-trial CSV' : 'Per-rep CSV',
    },
    { kind: 'json', name: `${stem}.json`, mime: 'application/json', label: 'JSON' },
  ];
}

/** The text of one export. */
export function exportText(a: RecordingAnalysis, kind: ExportKind): string {
  if (kind === 'frames') return framesCsv(a);
  if (kind === 'trials') return trialsCsv(a);
  return `${JSON.stringify(analysisJson(a), null, 2)}\n`;
}
