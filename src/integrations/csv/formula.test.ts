// Formula neutralising is one-to-one: whatever text a cell holds, writing it and reading it back gives
// that text, and no written cell starts with a character a spreadsheet runs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, restore } from './formula.js';
import { CsvParser } from './parse.js';
import { csvField, csvLine } from './write.js';

const TRIGGER = /^[=+\-@\t\r\0]/;

function readBack(text: string): string[][] {
  const parser = new CsvParser(',');
  return [...parser.push(text), ...parser.end()].map((r) => r.fields);
}

/** Text that often starts with quotes and characters a spreadsheet runs. */
const cell = fc
  .tuple(
    fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\0', '\n', '"', ',', ' '), {
      maxLength: 4,
    }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  )
  .map(([head, tail]) => head.join('') + tail);

describe('CSV formula neutralising', () => {
  it('neutralises the OWASP payloads with a leading quote, inside quotes', () => {
    expect(csvField('=HYPERLINK("http://x.test","y")')).toBe('"\'=HYPERLINK(""http://x.test"",""y"")"');
    expect(csvField('+cmd')).toBe(`"'+cmd"`);
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe(`"'-2+3+cmd|' /C calc'!A0"`);
    expect(csvField('@SUM(1+1)')).toBe(`"'@SUM(1+1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('+44 20 7946 0000')).toBe(`"'+44 20 7946 0000"`);
    // Left alone: ordinary text, a quote not before a trigger, a trigger inside the text.
    expect(csvField('Acme')).toBe('Acme');
    expect(csvField("'quoted")).toBe("'quoted");
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('')).toBe('');
  });

  it('reads every neutralised cell back to its text, and leaves other quoted text alone', () => {
    expect(restore(neutralise("'=x"))).toBe("'=x");
    expect(neutralise("'=x")).toBe("''=x");
    expect(restore("'quoted")).toBe("'quoted");
    expect(readBack(`"'+44 20 7946 0000",'-5,'x\r\n`)).toEqual([['+44 20 7946 0000', '-5', "'x"]]);
  });

  it('round-trips any text, and writes no cell that starts with =, +, -, @, tab, CR or NUL', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 5 }), (fields) => {
        const line = csvLine(fields);
        for (const written of line.slice(0, -2).split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
          const raw = written.startsWith('"') ? written.slice(1, -1) : written;
          expect(TRIGGER.test(raw)).toBe(false);
        }
        expect(readBack(line)).toEqual([fields]);
      }),
      { numRuns: 5000, seed: 15 },
    );
  });
});
