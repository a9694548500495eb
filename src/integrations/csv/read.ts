// Streams a file (or any byte stream) as batches of CSV records or of JSON Lines, never holding more
// than a chunk and a batch in memory, and counts the bytes read for a progress bar.

import type { Encoding } from './decode.js';
import { ByteDecoder } from './decode.js';
import type { CsvRecord } from './parse.js';
import { CsvParser } from './parse.js';

export type ByteSource = AsyncIterable<Uint8Array | string>;

export interface ReadStats {
  bytes: number;
  encoding: Encoding;
  delimiter: string | undefined;
}

export function newStats(): ReadStats {
  return { bytes: 0, encoding: 'utf-8', delimiter: undefined };
}

async function* texts(input: ByteSource, stats: ReadStats): AsyncGenerator<string> {
  const decoder = new ByteDecoder();
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      stats.bytes += Buffer.byteLength(chunk);
      yield chunk;
      continue;
    }
    stats.bytes += chunk.length;
    const text = decoder.push(chunk);
    stats.encoding = decoder.encoding;
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  stats.encoding = decoder.encoding;
  if (rest !== '') yield rest;
}

/** CSV records in batches of about `batch` records (a chunk of text may complete more). */
export async function* csvBatches(
  input: ByteSource,
  stats: ReadStats,
  options: { delimiter?: string; batch?: number } = {},
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser(options.delimiter);
  const size = options.batch ?? 2000;
  let pending: CsvRecord[] = [];
  for await (const text of texts(input, stats)) {
    const records = parser.push(text);
    stats.delimiter = parser.delimiter;
    for (const r of records) {
      pending.push(r);
      if (pending.length >= size) {
        yield pending;
        pending = [];
      }
    }
  }
  for (const r of parser.end()) pending.push(r);
  stats.delimiter = parser.delimiter;
  if (pending.length > 0) yield pending;
}

export interface TextLine {
  line: number;
  text: string;
}

/** Non-blank lines (JSON Lines) with their line numbers, in batches. */
export async function* lineBatches(
  input: ByteSource,
  stats: ReadStats,
  options: { batch?: number } = {},
): AsyncGenerator<TextLine[]> {
  const size = options.batch ?? 500;
  let rest: string[] = [];
  let line = 0;
  let pending: TextLine[] = [];
  const add = (text: string) => {
    line += 1;
    const t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (t.trim() !== '') pending.push({ line, text: t });
  };
  for await (const text of texts(input, stats)) {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      rest.push(text.slice(start, nl));
      add(rest.join(''));
      rest = [];
      start = nl + 1;
    }
    if (start < text.length) rest.push(text.slice(start));
    if (pending.length >= size) {
      yield pending;
      pending = [];
    }
  }
  if (rest.length > 0) add(rest.join(''));
  if (pending.length > 0) yield pending;
}
