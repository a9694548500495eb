import { describe, expect, it } from 'vitest';
import { ByteDecoder, decodeMixed, decodeWindows1252 } from './decode.js';
import type { CsvRecord } from './parse.js';
import { CsvParser, detectDelimiter } from './parse.js';
import { csvBatches, lineBatches, newStats } from './read.js';
import { csvLine } from './write.js';

function parse(text: string, pieces = 1, delimiter?: string): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  const out: CsvRecord[] = [];
  const size = Math.max(1, Math.ceil(text.length / pieces));
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

async function* bytes(...chunks: (number[] | string)[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Uint8Array.from(c);
}

async function records(source: AsyncIterable<Uint8Array>) {
  const stats = newStats();
  const out: CsvRecord[] = [];
  for await (const batch of csvBatches(source, stats, { batch: 2 })) out.push(...batch);
  return { out, stats };
}

const SAMPLE =
  'Name,Note,Amount\r\n' +
  '"Lee, Peter","said ""call me""\r\nnext week",100\r\n' +
  '\r\n' +
  'Ann,,\r\n' +
  '"Bo",plain,"1,5"';

describe('the CSV parser', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, and CRLF', () => {
    expect(parse(SAMPLE)).toEqual([
      { line: 1, fields: ['Name', 'Note', 'Amount'] },
      { line: 2, fields: ['Lee, Peter', 'said "call me"\r\nnext week', '100'] },
      { line: 5, fields: ['Ann', '', ''] },
      { line: 6, fields: ['Bo', 'plain', '1,5'] },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = parse(SAMPLE);
    for (const pieces of [2, 3, 7, 13, SAMPLE.length]) expect(parse(SAMPLE, pieces)).toEqual(whole);
  });

  it('reads LF and bare CR line ends, and a last line without one', () => {
    const expected = [
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
    ];
    for (const pieces of [1, 2, 5]) {
      expect(parse('a,b\nc,d\ne,f', pieces).map((r) => [r.line, ...r.fields])).toEqual(expected);
      expect(parse('a,b\rc,d\re,f', pieces).map((r) => [r.line, ...r.fields])).toEqual(expected);
    }
  });

  it('keeps a CR that is inside quotes', () => {
    expect(parse('a,b\r\n"x\r",y\r\n').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x\r', 'y'],
    ]);
  });

  it('reports a quoted field that never closes, with its line', () => {
    const out = parse('a,b\n1,"never\nclosed\n');
    expect(out[1]).toMatchObject({ line: 2, error: 'a quoted field opened on line 2 is never closed' });
  });

  it('finds the delimiter in the header line', () => {
    expect(detectDelimiter('Name;Email;"a,b"')).toBe(';');
    expect(detectDelimiter('Name\tEmail')).toBe('\t');
    expect(detectDelimiter('Name,Email')).toBe(',');
    expect(parse('Name;Firma\nMüller;"A;B"').at(1)?.fields).toEqual(['Müller', 'A;B']);
  });

  it('keeps an empty quoted record and text after a closing quote', () => {
    expect(parse('a\n""\n"x"y\n').map((r) => r.fields)).toEqual([['a'], [''], ['xy']]);
  });

  it('writes what it reads back', () => {
    const fields = ['plain', 'with, comma', 'with "quote"', 'two\nlines', ' edge ', ''];
    expect(parse(csvLine(fields))[0]?.fields).toEqual(fields);
  });
});

describe('decoding bytes', () => {
  it('drops a UTF-8 BOM and keeps multi-byte characters cut between chunks', async () => {
    const text = Buffer.from('\uFEFFName\nMüller €\n', 'utf8');
    const cut = [...text];
    const { out, stats } = await records(bytes(cut.slice(0, 9), cut.slice(9, 10), cut.slice(10)));
    expect(out.map((r) => r.fields[0])).toEqual(['Name', 'Müller €']);
    expect(stats.encoding).toBe('utf-8');
  });

  it('reads a Windows-1252 file (invalid UTF-8) as Windows-1252', async () => {
    // "Société,Müller,€5" in Windows-1252.
    const latin = [...Buffer.from('Name,Firm\n', 'latin1'), 0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9, 0x2c];
    const rest = [0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x35, 0x0a];
    const { out, stats } = await records(bytes(latin, rest));
    expect(out[1]?.fields).toEqual(['Société', 'Müller €5']);
    expect(stats.encoding).toBe('windows-1252');
  });

  it('reads a file of both encodings byte by byte', () => {
    const mixed = Uint8Array.from([...Buffer.from('Zoë ', 'utf8'), 0xfc, 0x20, 0x93, 0x78, 0x94]);
    expect(decodeMixed(mixed)).toBe('Zoë ü “x”');
    const decoder = new ByteDecoder();
    const text =
      decoder.push(Buffer.from('Zoë\n', 'utf8')) +
      decoder.push(Uint8Array.from([0xfc, 0x0a])) +
      decoder.end();
    expect(text).toBe('Zoë\nü\n');
    expect(decoder.encoding).toBe('mixed');
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x9f, 0xe9]))).toBe('€Ÿé');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const utf16 = [0xff, 0xfe, ...Buffer.from('a\tb\nü\tx\n', 'utf16le')];
    const { out, stats } = await records(bytes(utf16.slice(0, 5), utf16.slice(5)));
    expect(out.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['ü', 'x'],
    ]);
    expect(stats.encoding).toBe('utf-16le');
  });

  it('splits JSON Lines with their line numbers, skipping blank ones', async () => {
    const stats = newStats();
    const lines = [];
    for await (const batch of lineBatches(bytes('{"a":1}\r\n\n{"b"', ':2}\n'), stats)) lines.push(...batch);
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
    ]);
    expect(stats.bytes).toBe(18);
  });
});
