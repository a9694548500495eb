// Spreadsheet formula injection (CSV injection, CWE-1236). Excel, LibreOffice and Google Sheets run a
// cell that starts with = + - @ (or a tab, CR or NUL before one) as a formula, so a prospect named
// =HYPERLINK(...) would act when a manager opens the export. As OWASP advises, such a cell is written
// with a single quote in front (and quoted); reading a CSV takes that quote off again, so an export
// imports back to the very text it came from: a phone "+44 20 7946 0000" included.
//
// The mapping is one-to-one: a value that already starts with quotes before a trigger character
// ("'=x") gets one more, and only a cell of quotes followed by a trigger loses one when read.

const NEUTRALISED = /^'*[=+\-@\t\r\0]/;

/** The value as a spreadsheet will take for text: a single quote in front where it could run. */
export function neutralise(value: string): string {
  return NEUTRALISED.test(value) ? `'${value}` : value;
}

/** The value a neutralised cell stood for (any other cell as it is). */
export function restore(cell: string): string {
  return cell.charCodeAt(0) === 39 && NEUTRALISED.test(cell.slice(1)) ? cell.slice(1) : cell;
}
