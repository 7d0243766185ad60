import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hipRecord, squatRecord } from '../../testing/report_fixtures';
import {
  jsonDepth,
  MAX_REPORT_BYTES,
  restoreReport,
  restoreReportText,
  type Migration,
} from './report_restore';
import { REPORT_FORMAT, type SessionRecord } from './session_record';

const hip = hipRecord();
const squat = squatRecord();
const text = (r: unknown) => JSON.stringify(r);
// A hostile edit reaches into any path of the parsed JSON, typed or not: that is the point of the test.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
/** A deep copy of a record with one change, as an attacker would write it. */
function altered(r: SessionRecord, change: (j: Loose) => void): string {
  const j = JSON.parse(text(r)) as Loose;
  change(j);
  return text(j);
}
const error = (t: string): string => {
  const r = restoreReportText(t);
  if (r.ok) throw new Error('expected a rejection');
  return r.error;
};

describe('restoreReportText: valid reports', () => {
  it('reads back a hip test and a squat set exactly as written', () => {
    for (const r of [hip, squat]) {
      const back = restoreReportText(text(r));
      // Through JSON, as a file: -0 becomes 0, nothing else changes.
      expect(back).toEqual({ ok: true, record: JSON.parse(text(r)) });
    }
  });

  it('keeps script and HTML in strings as plain text (the UI renders text, never HTML)', () => {
    const label = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const back = restoreReportText(altered(hip, (j) => (j.client = { label })));
    expect(back.ok && back.record.client?.label).toBe(label);
  });

  it('does not let a "__proto__" key reach Object.prototype', () => {
    const t = text(hip).replace('{"format"', '{"__proto__":{"polluted":true},"format"');
    expect(restoreReportText(t).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('restoreReportText: malformed and hostile input, each with a message', () => {
  it('refuses text that is not JSON, not an object, or not a goniocam report', () => {
    expect(error('{"format": "goniocam-report/1",')).toMatch(/not valid JSON/);
    expect(error('[1,2,3]')).toMatch(/expected an object/);
    expect(error('null')).toMatch(/expected an object/);
    expect(error('{"format":"goniocam-poses/1"}')).toMatch(/not a goniocam report/);
    expect(error('{}')).toMatch(/format missing/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = `{"format":"${REPORT_FORMAT}","pad":"${'x'.repeat(MAX_REPORT_BYTES)}"}`;
    expect(error(huge)).toMatch(/too large/);
  });

  it('refuses deep nesting before parsing it, wherever it hides', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(error(deep)).toMatch(/nests 100000 levels/);
    expect(
      error(altered(hip, (j) => (j.client = JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40))))),
    ).toMatch(/nests/);
    // Brackets inside strings do not count.
    expect(jsonDepth('{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[[","b":[1]}')).toBe(2);
  });

  it('refuses wrong types and names where', () => {
    const e = error(altered(hip, (j) => (j.outcome.result.sides.left.internal.valueDeg = '28')));
    expect(e).toMatch(/damaged or was altered/);
    expect(e).toContain('outcome.result.sides.left.internal.valueDeg');
    expect(error(altered(hip, (j) => (j.outcome.kind = 'knee')))).toMatch(/outcome\.kind/);
    expect(error(altered(hip, (j) => (j.createdAt = 'yesterday')))).toMatch(/createdAt/);
    expect(error(altered(hip, (j) => (j.outcome.findings[0].confidence = 7)))).toMatch(/confidence/);
    // JSON's 1e999 parses to Infinity: not a number a report can hold.
    expect(error(text(hip).replace(/"neutralDeg":[-0-9.e]+/, '"neutralDeg":1e999'))).toMatch(/neutralDeg/);
  });

  it('refuses oversize lists and strings that would flood a screen', () => {
    expect(
      error(
        altered(hip, (j) => (j.outcome.findings = Array.from({ length: 101 }, () => j.outcome.findings[0]))),
      ),
    ).toMatch(/outcome\.findings/);
    expect(error(altered(hip, (j) => (j.outcome.findings[0].text = 'a'.repeat(4001))))).toMatch(/text/);
    expect(error(altered(hip, (j) => (j.client = { label: 'x'.repeat(201) })))).toMatch(/client\.label/);
    // The message quotes what it refused only briefly, however long the hostile value.
    const long = error(altered(hip, (j) => (j.context.test = '<script>'.repeat(5000))));
    expect(long).toMatch(/context\.test/);
    expect(long.length).toBeLessThan(300);
    // Findings are keyed by id on screen; a repeated id is refused rather than breaking the page.
    expect(
      error(altered(hip, (j) => (j.outcome.findings = [j.outcome.findings[0], j.outcome.findings[0]]))),
    ).toMatch(/finding id is repeated/);
  });

  it('says when a report comes from a newer goniocam', () => {
    expect(error(altered(hip, (j) => (j.format = 'goniocam-report/7')))).toMatch(/newer than this goniocam/);
    expect(error(altered(hip, (j) => (j.format = 'goniocam-report/0')))).toMatch(
      /not one this goniocam can read/,
    );
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const r = restoreReportText(JSON.stringify(j) ?? 'null');
        return r.ok === false && typeof r.error === 'string' && r.error.length > 0;
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => restoreReportText(s).ok === false),
      { numRuns: 300 },
    );
  });
});

describe('restoreReport: migrations', () => {
  // goniocam-report/1 is the first format, so MIGRATIONS is empty; this exercises the path a future step
  // takes with a made-up older shape (the client label as a bare string).
  const older: Migration = {
    from: 'goniocam-report/0',
    to: REPORT_FORMAT,
    up: (old) => {
      const { clientLabel, ...rest } = old;
      return {
        ...rest,
        format: REPORT_FORMAT,
        client: typeof clientLabel === 'string' ? { label: clientLabel } : null,
      };
    },
  };

  it('brings an older record up to date, then validates it', () => {
    const old = JSON.parse(text(hip)) as Record<string, unknown>;
    delete old.client;
    old.format = 'goniocam-report/0';
    old.clientLabel = 'Sam';
    const r = restoreReport(old, [older]);
    expect(r.ok && r.record.client).toEqual({ label: 'Sam' });
    expect(r.ok && r.record.outcome).toEqual(JSON.parse(text(hip.outcome)));
  });

  it('still validates what a migration produced', () => {
    const bad: Migration = { ...older, up: () => ({ format: REPORT_FORMAT }) };
    const r = restoreReport({ format: 'goniocam-report/0' }, [bad]);
    expect(r.ok).toBe(false);
  });
});
