// A streaming RFC 4180 parser: quoted fields with embedded delimiters, newlines and doubled quotes,
// CRLF, LF or CR line ends, and text that arrives in chunks cut anywhere. Each record carries the
// physical line it starts on, so a rejected row can be found in the file. Lenient where exports are
// sloppy (text after a closing quote is kept); blank lines are skipped. The delimiter (comma,
// semicolon, tab or pipe) is read off the header line unless given. A cell neutralised against
// spreadsheet formulas ("'=...", formula.ts) is read as the text it stood for.

import { PursuitError } from '../../core/errors.js';
import { restore } from './formula.js';

export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  fields: string[];
  /** Set when the record cannot be read (a quoted field that never ends). */
  error?: string;
}

/** A quoted field longer than this is taken for an unclosed quote rather than read into memory. */
const MAX_FIELD = 16 * 1024 * 1024;
const QUOTE = 34;

function countLf(text: string): number {
  let n = 0;
  let i = text.indexOf('\n');
  while (i >= 0) {
    n += 1;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes (comma on a tie). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) as number) + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > (counts.get(best) as number)) best = c;
  return best;
}

export class CsvParser {
  delimiter: string | undefined;
  private head = '';
  private fields: string[] = [];
  private field = '';
  /** Inside a quoted field: its text so far, doubled quotes still doubled. */
  private raw = '';
  private quoted = false;
  /** The last chunk ended on a quote inside a quoted field: a closing quote, or half of "". */
  private quotePending = false;
  private fieldStart = true;
  /** The field's last text came from outside quotes (so a CR before LF is a line end, not data). */
  private unquotedTail = false;
  private recordQuoted = false;
  /** The file ends its lines with a bare CR (classic Mac OS). */
  private bareCr = false;
  private line = 1;
  private recordLine = 1;
  private out: CsvRecord[] = [];

  constructor(delimiter?: string) {
    if (delimiter !== undefined) this.setDelimiter(delimiter);
  }

  /** Parses the next piece of text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    if (this.delimiter === undefined) {
      this.head += text;
      const end = this.head.search(/[\r\n]/);
      if ((end < 0 || end === this.head.length - 1) && this.head.length < 65_536) return [];
      this.start(end < 0 ? this.head : this.head.slice(0, end), end);
      text = this.head;
      this.head = '';
    }
    this.scan(text);
    return this.take();
  }

  /** Completes the last record at the end of input. */
  end(): CsvRecord[] {
    if (this.delimiter === undefined) {
      const end = this.head.search(/[\r\n]/);
      this.start(end < 0 ? this.head : this.head.slice(0, end), end);
      this.scan(this.head);
      this.head = '';
    }
    if (this.quotePending) {
      this.quotePending = false;
      this.closeQuoted();
    }
    if (this.quoted) {
      this.fields.push(this.field + this.raw);
      this.out.push({
        line: this.recordLine,
        fields: this.fields,
        error: `a quoted field opened on line ${this.recordLine} is never closed`,
      });
      this.fields = [];
      this.field = '';
      this.raw = '';
      this.quoted = false;
    } else if (this.field !== '' || this.fields.length > 0 || this.recordQuoted) {
      this.endRecord();
    }
    return this.take();
  }

  private start(headerLine: string, end: number): void {
    if (this.delimiter === undefined) this.setDelimiter(detectDelimiter(headerLine));
    this.bareCr = end >= 0 && this.head[end] === '\r' && this.head[end + 1] !== '\n';
  }

  private setDelimiter(delimiter: string): void {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new PursuitError(
        'INVALID_INPUT',
        `expected a one-character delimiter, got "${delimiter}"`,
        'delimiter',
      );
    }
    this.delimiter = delimiter;
  }

  private take(): CsvRecord[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private endRecord(): void {
    let last = this.field;
    if (this.unquotedTail && last.endsWith('\r')) last = last.slice(0, -1);
    this.fields.push(last);
    const fields = this.fields;
    for (let k = 0; k < fields.length; k += 1) {
      if ((fields[k] as string).charCodeAt(0) === 39) fields[k] = restore(fields[k] as string);
    }
    const blank = this.fields.length === 1 && this.fields[0] === '' && !this.recordQuoted;
    if (!blank) this.out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.fieldStart = true;
    this.unquotedTail = false;
    this.recordQuoted = false;
  }

  private closeQuoted(): void {
    const raw = this.raw;
    this.field += raw.includes('""') ? raw.replaceAll('""', '"') : raw;
    this.line += countLf(raw);
    this.raw = '';
    this.quoted = false;
    this.unquotedTail = false;
  }

  private scan(text: string): void {
    // Bare-CR files are read as LF files; everywhere else a CR before a LF is dropped at the line end.
    const s = this.bareCr ? text.replaceAll('\r', '\n') : text;
    const n = s.length;
    const delimiter = this.delimiter as string;
    let i = 0;
    // Where the next delimiter and the next line feed are (n: none in this chunk).
    let nextDelimiter = -1;
    let nextLf = -1;
    if (this.quotePending && n > 0) {
      this.quotePending = false;
      if (s.charCodeAt(0) === QUOTE) {
        this.raw += '""';
        i = 1;
      } else {
        this.closeQuoted();
      }
    }
    while (i < n) {
      if (this.quoted) {
        let k = i;
        for (;;) {
          const j = s.indexOf('"', k);
          if (j < 0) {
            this.raw += s.slice(i);
            if (this.raw.length > MAX_FIELD) {
              throw new PursuitError(
                'INVALID_INPUT',
                `line ${this.recordLine}: a quoted field runs on for more than 16 MB (a quote never closed?)`,
                'file',
              );
            }
            return;
          }
          if (j === n - 1) {
            this.raw += s.slice(i, j);
            this.quotePending = true;
            return;
          }
          if (s.charCodeAt(j + 1) === QUOTE) {
            k = j + 2;
            continue;
          }
          this.raw += s.slice(i, j);
          this.closeQuoted();
          i = j + 1;
          break;
        }
        continue;
      }
      if (this.fieldStart && s.charCodeAt(i) === QUOTE) {
        this.quoted = true;
        this.recordQuoted = true;
        this.fieldStart = false;
        i += 1;
        continue;
      }
      if (nextDelimiter < i) {
        nextDelimiter = s.indexOf(delimiter, i);
        if (nextDelimiter < 0) nextDelimiter = n;
      }
      if (nextLf < i) {
        nextLf = s.indexOf('\n', i);
        if (nextLf < 0) nextLf = n;
      }
      const j = nextDelimiter < nextLf ? nextDelimiter : nextLf;
      if (j === n) {
        this.field += s.slice(i);
        this.fieldStart = false;
        this.unquotedTail = true;
        return;
      }
      if (j > i) {
        this.field += s.slice(i, j);
        this.unquotedTail = true;
      }
      i = j + 1;
      if (j === nextDelimiter) {
        this.fields.push(this.field);
        this.field = '';
        this.fieldStart = true;
        this.unquotedTail = false;
        continue;
      }
      this.endRecord();
      this.line += 1;
      this.recordLine = this.line;
    }
  }
}
