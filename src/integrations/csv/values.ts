// Cell values as CRMs export them: dates in ISO, US or European form, checkboxes as true/1/Yes/x,
// money with currency signs and separators, durations as seconds or hh:mm:ss. A value that cannot be
// read throws RowError, whose reason names the column and the value, so the row is rejected.

import { fromLocal, isValidZone } from '../../core/calendar.js';
import { parseInstant } from '../../core/scenario/time.js';

export class RowError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'RowError';
  }
}

export function bad(column: string, expected: string, got: string): never {
  const shown = got.length > 60 ? `${got.slice(0, 57)}...` : got;
  throw new RowError(`${column}: expected ${expected}, got "${shown}"`);
}

/** No spaces, and no control characters: an address goes into mail headers and SMTP commands. */
const EMAIL = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function parseEmail(column: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Several addresses in one cell (Pipedrive, HubSpot): the first is the main one.
  const first = value.split(/[;,]/)[0]?.trim() ?? '';
  if (!isEmail(first)) bad(column, 'an email address like name@example.com', value);
  return first.toLowerCase();
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'checked', 'on', 't', 'ja', 'oui']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', 'f', 'nein', 'non', 'unchecked']);

/** A checkbox: true, false, or undefined when empty; anything else is an error. */
export function parseFlag(column: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return bad(column, 'yes or no (true/false, 1/0)', value);
}

/** Money or a count: "$24,000.50", "24.000,50 €", "24000". */
export function parseAmount(column: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  let v = value.replace(/[^\d.,-]/g, '');
  const comma = v.lastIndexOf(',');
  const dot = v.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    v = comma > dot ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
  } else if (comma >= 0) {
    // "24,000" groups thousands; "24,5" is a decimal comma.
    v = /^-?\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, '') : v.replace(',', '.');
  }
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || n < 0) bad(column, 'an amount of zero or more', value);
  return n;
}

const MINUTE = 60_000;

function utcWall(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  return new Date(t).getUTCDate() === d ? t : undefined;
}

function hours(h: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return h;
  const pm = meridiem.toLowerCase().startsWith('p');
  if (h === 12) return pm ? 12 : 0;
  return pm ? h + 12 : h;
}

const ISO_LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const SLASHED =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?$/;
const OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A date or time as exported: ISO 8601 with an offset; without one (or a bare date, or US "3/5/2026
 * 2:30 PM", or European "05.03.2026 14:30") as wall-clock time in `zone`.
 */
/** What toISOString writes, the common case of Pursuit's own files: read without the general rules. */
const CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

export function parseTime(column: string, value: string | undefined, zone: string): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (CANONICAL.test(v)) {
    const t = Date.parse(v);
    // Date.parse may roll 2026-02-30 over to March: a late day is checked by writing it back.
    if (
      !Number.isNaN(t) &&
      (v.charCodeAt(8) < 50 || (v[8] === '2' && v[9] !== '9') || new Date(t).toISOString() === v)
    )
      return t;
  }
  if (OFFSET.test(v) && v.includes('T')) {
    const t = parseInstant(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/(\.\d{1,9})\d*/, '$1'));
    if (t === undefined) bad(column, 'a real date and time', value);
    return t;
  }
  if (/^\d{12,13}$/.test(v)) return Number(v); // epoch milliseconds (API-made exports)
  let wall: number | undefined;
  const iso = ISO_LOCAL.exec(v);
  if (iso !== null) {
    const [y, mo, d, h, mi, s] = iso.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
    wall = utcWall(y as number, mo as number, d as number, h, mi, s);
  } else {
    const m = SLASHED.exec(v);
    if (m !== null) {
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const sep = v.match(/^\d{1,4}([/.-])/)?.[1];
      let y: number;
      let mo: number;
      let d: number;
      if ((m[1] as string).length === 4) [y, mo, d] = [a, b, c];
      else {
        y = (m[3] as string).length === 2 ? 2000 + c : c;
        // Dots are European (day first); slashes are US (month first) unless the first can't be a month.
        const dayFirst = sep === '.' || sep === '-' || a > 12;
        [mo, d] = dayFirst ? [b, a] : [a, b];
      }
      const h = m[4] === undefined ? 0 : hours(Number(m[4]), m[7]);
      if (m[7] !== undefined && (Number(m[4]) < 1 || Number(m[4]) > 12)) wall = undefined;
      else
        wall = utcWall(
          y,
          mo,
          d,
          h,
          m[5] === undefined ? 0 : Number(m[5]),
          m[6] === undefined ? 0 : Number(m[6]),
        );
    }
  }
  if (wall === undefined) {
    bad(column, 'a date like 2026-03-17, 2026-03-17 14:30, 3/17/2026 2:30 PM or an ISO time', value);
  }
  return isValidZone(zone) ? fromLocal(zone, wall) : wall;
}

/** A duration in minutes from "hh:mm:ss", "mm:ss", or a number in `unit`. */
export function parseDuration(
  column: string,
  value: string | undefined,
  unit: 'ms' | 's' | 'min',
): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (clock !== null) {
    const minutes = Number(clock[1] ?? 0) * 60 + Number(clock[2]) + Number(clock[3]) / 60;
    return Math.round(minutes * 100) / 100;
  }
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || n < 0) bad(column, 'a duration (seconds or hh:mm:ss)', value);
  const minutes = unit === 'ms' ? n / MINUTE : unit === 's' ? n / 60 : n;
  return Math.round(minutes * 100) / 100;
}

/** "Dana Whitfield", "dana@ourco.test", "Dana Whitfield (dana@ourco.test)" or "Dana <dana@...>". */
export function personKey(value: string | undefined): { name?: string; email?: string } | undefined {
  if (value === undefined) return undefined;
  const email = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[^\s<>()@,;]+/.exec(value)?.[0];
  const name = value
    .replace(/[<(][^>)]*[>)]/g, '')
    .replace(email ?? '\u0000', '')
    .trim();
  return {
    ...(name === '' ? {} : { name }),
    ...(email === undefined ? {} : { email: email.toLowerCase() }),
  };
}

export function joinName(...parts: (string | undefined)[]): string | undefined {
  const name = parts
    .filter((p) => p !== undefined && p !== '')
    .join(' ')
    .trim();
  return name === '' ? undefined : name;
}

/** The first id of a list cell ("123;456" in HubSpot's association columns). */
export function firstId(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = value.split(/[;,]/)[0]?.trim();
  return id === undefined || id === '' ? undefined : id;
}

/** One of the allowed words (any case), else a RowError naming the column. */
export function parseChoice<T extends string>(
  column: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) bad(column, `one of ${allowed.join(', ')}`, value);
  return v as T;
}

/** A checkbox that may also say it is not known (unknown, null, ?): null. */
export function parseFlagOrUnknown(column: string, value: string | undefined): boolean | null | undefined {
  if (value === undefined) return undefined;
  if (/^(unknown|null|\?)$/i.test(value.trim())) return null;
  return parseFlag(column, value);
}
