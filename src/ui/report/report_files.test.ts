import { describe, expect, it } from 'vitest';
import { hipRecord } from '../../testing/report_fixtures';
import { restoreReportText } from '../../lib/report/report_restore';
import { reportFileName, reportFileText } from './report_files';

describe('report files', () => {
  const r = hipRecord('seated', { client: '../Sam O’Neil' });

  it('names files by test, client and day, with nothing a file system would object to', () => {
    expect(reportFileName(r, 'json')).toBe('goniocam-seated-_Sam_O_Neil-2026-11-20.json');
    expect(reportFileName(r, 'csv')).toMatch(/\.trials\.csv$/);
    expect(reportFileName(r, 'fhir')).toMatch(/\.fhir\.json$/);
  });

  it('the JSON file reads back as the same record', () => {
    const back = restoreReportText(reportFileText(r, 'json'));
    expect(back.ok && back.record).toEqual(JSON.parse(JSON.stringify(r)));
    expect(JSON.parse(reportFileText(r, 'fhir')).resourceType).toBe('Bundle');
  });
});
