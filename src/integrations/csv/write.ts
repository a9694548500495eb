// Writing CSV (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or edge
// spaces; lines end in CRLF, as the RFC and spreadsheet programs expect.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
