import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, round } from './csv';

describe('csv', () => {
  it('quotes only fields that need it, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('writes missing and non-finite values as empty fields, never NaN', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(true)).toBe('true');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        [1, 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
    expect(csvDocument([])).toBe('');
  });

  it('rounds without float noise or negative zero', () => {
    expect(round(0.1 + 0.2, 2)).toBe(0.3);
    expect(round(-0.04, 1)).toBe(0);
    expect(Object.is(round(-0.04, 1), -0)).toBe(false);
    expect(round(null, 1)).toBeNull();
    expect(round(Number.NaN, 1)).toBeNull();
    expect(round(12.345, 0)).toBe(12);
  });
});
