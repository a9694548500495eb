// Writing CSV (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or edge
// spaces; lines end in CRLF, as the RFC and spreadsheet programs expect. A field a spreadsheet would
// run as a formula is neutralised (formula.ts) and always quoted.

import { neutralise } from './formula.js';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  const safe = neutralise(value);
  return safe !== value || NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
