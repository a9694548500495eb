// Streams text line by line through a function, writing one output line per input line, in
// order, with back-pressure. Used by `decide --jsonl` and by the benchmark's floor, so both pay the
// same reading and writing costs.

import type { Readable, Writable } from 'node:stream';

export interface LineResult {
  output: string;
  ok: boolean;
}

export interface LineTotals {
  lines: number;
  failed: number;
}

const FLUSH_AT = 64 * 1024;

function write(output: Writable, text: string): Promise<void> | undefined {
  if (output.write(text)) return undefined;
  return new Promise((resolve) => output.once('drain', resolve));
}

export async function mapLines(
  input: Readable,
  output: Writable,
  fn: (line: string, lineNumber: number) => LineResult,
): Promise<LineTotals> {
  input.setEncoding('utf8');
  let rest = '';
  let lineNumber = 0;
  let buffer = '';
  const totals: LineTotals = { lines: 0, failed: 0 };
  const handle = (raw: string) => {
    lineNumber += 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    // A blank line is answered too (with an error), so output line N always answers input line N.
    const result = fn(line, lineNumber);
    totals.lines += 1;
    if (!result.ok) totals.failed += 1;
    buffer += `${result.output}\n`;
  };
  for await (const chunk of input) {
    const text = rest + (chunk as string);
    let start = 0;
    let end = text.indexOf('\n', start);
    while (end !== -1) {
      handle(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    if (buffer.length >= FLUSH_AT) {
      const pending = write(output, buffer);
      buffer = '';
      if (pending !== undefined) await pending;
    }
  }
  if (rest !== '') handle(rest);
  if (buffer !== '') await write(output, buffer);
  return totals;
}
