// Finds the calendar dates written in a piece of a reply and resolves them to days: "16 March",
// "March 16th, 2026", "16.03.", "3/16" (month first only for American English senders), "2026-03-16",
// ranges ("2 to 13 March", "del 2 al 13 de marzo", "2.-13.3."), a lone weekday ("Monday": the next one
// after the day the reply came) and relative days ("tomorrow", "in two weeks", "next week").
// Written by hand rather than with chrono for these forms: chrono reads neither "16.03." nor
// "del 2 al 13 de marzo", and moves a range that began before the reply into the next year.

import { AMBIGUOUS_MONTHS, MONTH_NAMES, WEEKDAY_ANY, WEEKDAY_NAMES, monthNumber } from './date-words.js';
import { civil, dayOf, nextOccurrence } from './days.js';
import { relativeMentions } from './date-relative.js';
import { matches } from './matches.js';

export interface DateMention {
  /** Where the mention starts and ends in the text scanned. */
  index: number;
  end: number;
  /** The day it names; for a range, its last day. */
  day: number;
  /** A range's first day ("2 to 13 March"). */
  from?: number;
  /**
   * absolute: a calendar date; weekday: a weekday name alone; relative: counted from the reply;
   * end: the last day of a period ("the end of the week", "end of March"), so inclusive by nature;
   * duration: the day a span from the reply ends ("in two weeks", "the coming two weeks");
   * week: the Monday of a whole week named ("next week").
   */
  kind: 'absolute' | 'weekday' | 'relative' | 'end' | 'duration' | 'week';
}

export interface ScanContext {
  /** The day the reply arrived, in the sender's zone. */
  today: number;
  /** Read 3/16 as March 16 (American English senders). */
  monthFirst: boolean;
}

interface Raw {
  index: number;
  end: number;
  month: number;
  day: number;
  year?: number;
  from?: { month: number; day: number; year?: number };
  /** Written without a month ("the 16th"): as a range's start it takes the end's month. */
  dayOnly?: boolean;
}

const ORD = '(?:st|nd|rd|th|er|re|e|º|°|ª|\\.)?';
// A weekday written in front of a date ("Monday, 16 March", "Mo., 16.03.") belongs to it; found by
// looking back from each date, which is far cheaper than an optional prefix tried at every position.
const LEAD = new RegExp(`(?<!\\p{L})(?:${WEEKDAY_ANY})\\s+(?:(?:the|den|der|le|el|o|il)\\s+)?$`, 'iu');
const YEAR = `(?:,?\\s+(?:de\\s+|del\\s+)?(\\d{4})(?!\\d))?`;
const MONTH = `(${MONTH_NAMES})(\\.?)(?!\\p{L})`;
const DAY_MONTH = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})${ORD}\\s*(of\\s+|de\\s+|di\\s+)?${MONTH}${YEAR}`,
  'giu',
);
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}\\d])${MONTH}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d\\p{L}])${YEAR}`,
  'giu',
);
// A day of the month alone follows an article or a preposition of time ("the 16th", "jusqu'au 16",
// "bis zum 16.", "t/m de 16e"), never a count or a clock time ("bis 16 Uhr", "until 5 pm"). The
// article belongs to the date; the preposition stays outside, for the date's role to be read from.
const DAY_ARTICLE = 'the|le|el|il|dia|den|am|op\\s+de|de|au|al|zum|ao|on\\s+the';
const DAY_PREPOSITION = "jusqu['’]|until|till|through|bis|tot|t/m|hasta|até|fino|dal|vom|du|del|van|vanaf";
const NOT_A_DAY =
  "\\s*(?:uhr|h|hrs?|heures?|horas?|hours?|am|pm|o['’]clock|users?|people|personen|mins?|minutes?|days?|weeks?|months?|tage|wochen|jours|semaines|mois|días|dias|semanas|meses|dagen|weken|maanden|years?|jahre|%)(?!\\p{L})";
// Found from its digits, then the words before them are looked at: cheaper than trying the article,
// weekday and preposition alternatives at every position of the text.
const DAY_DIGITS = new RegExp(
  `(?<![\\d.:/,\\p{L}])(\\d{1,2})(?:st|nd|rd|th|er|e|º|\\.)?(?![\\d/:\\p{L}]|\\.\\d|${NOT_A_DAY})`,
  'giu',
);
const DAY_BEFORE = new RegExp(
  `(?:(?<!\\p{L})(?:${DAY_ARTICLE}|(?:${WEEKDAY_NAMES})(?:,?\\s+(?:the|den|der|le|el|o|il))?)\\s+\\(?|(?<!\\p{L})(?:${DAY_PREPOSITION})\\s+())$`,
  'iu',
);
const NUMERIC = new RegExp(
  `(?<![\\d.:/,])(\\d{1,2})([./])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?\\.?(?![\\d:%]|[.,]\\d)`,
  'giu',
);
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const DASHED = /(?<![\d.:/])(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)/g;
const CONNECT =
  '\\s*(?:-|–|—|to|till|until|through|thru|bis(?:\\s+(?:zum|einschließlich|einschl\\.?|inkl\\.?))?|au|à|al|a|tot(?:\\s+en\\s+met)?|t/m|até|ao|fino\\s+al|t\\.o\\.m\\.?|till\\s+och\\s+med)\\s*(?:the\\s+|le\\s+|el\\s+|zum\\s+|den\\s+|o\\s+dia\\s+|dia\\s+|dem\\s+)?';
const BETWEEN = new RegExp(`^${CONNECT}$`, 'iu');
const LONE_DAY = new RegExp(`(?<![\\d.:/])(\\d{1,2})${ORD}${CONNECT}$`, 'iu');
const TRAILING_DAY = new RegExp(`^${CONNECT}(\\d{1,2})(?:st|nd|rd|th|\\.)?(?![\\d./:\\p{L}])`, 'iu');

function toRaw(index: number, end: number, month: number, day: number, year?: string): Raw | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (year === undefined) return { index, end, month, day };
  return { index, end, month, day, year: year.length === 2 ? 2000 + Number(year) : Number(year) };
}

/** "out", "set", "ago" are months only the Portuguese and Spanish way: "16 de out.", never "10 out of 12". */
function plausibleMonth(word: string, connector: string | undefined, dot: string): boolean {
  return !AMBIGUOUS_MONTHS.has(word.toLowerCase()) || connector?.startsWith('de') === true || dot === '.';
}

function named(text: string): Raw[] {
  const found: (Raw | undefined)[] = [];
  for (const m of matches(DAY_MONTH, text)) {
    if (!plausibleMonth(m[3] as string, m[2], m[4] as string)) continue;
    found.push(toRaw(m.index, m.index + m[0].length, monthNumber(m[3] as string) ?? 0, Number(m[1]), m[5]));
  }
  for (const m of matches(MONTH_DAY, text)) {
    if (!plausibleMonth(m[1] as string, undefined, m[2] as string)) continue;
    found.push(toRaw(m.index, m.index + m[0].length, monthNumber(m[1] as string) ?? 0, Number(m[3]), m[4]));
  }
  return found.filter((r): r is Raw => r !== undefined);
}

function numeric(text: string, ctx: ScanContext): Raw[] {
  const found: (Raw | undefined)[] = [];
  for (const m of matches(NUMERIC, text)) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // Month first only for American slashes; a reading that cannot be a date falls back to the other.
    const monthFirst = m[2] === '/' && ctx.monthFirst;
    const [month, day] = monthFirst ? (a <= 12 ? [a, b] : [b, a]) : b <= 12 || m[2] === '.' ? [b, a] : [a, b];
    found.push(toRaw(m.index, m.index + m[0].length, month, day, m[4]));
  }
  for (const m of matches(ISO, text)) {
    found.push(toRaw(m.index, m.index + m[0].length, Number(m[2]), Number(m[3]), m[1]));
  }
  for (const m of matches(DASHED, text)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const [month, day] = ctx.monthFirst && a <= 12 ? [a, b] : [b, a];
    found.push(toRaw(m.index, m.index + m[0].length, month, day, m[3]));
  }
  return found.filter((r): r is Raw => r !== undefined);
}

function withLead(text: string, raw: Raw): Raw {
  const lead = LEAD.exec(text.slice(Math.max(0, raw.index - 32), raw.index));
  return lead === null ? raw : { ...raw, index: raw.index - lead[0].length };
}

export function withoutOverlaps<T extends { index: number; end: number }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: T[] = [];
  for (const item of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && item.index < last.end) continue;
    kept.push(item);
  }
  return kept;
}

/** "the 16th" alone: the next 16th on or after the day the reply came. */
function dayOnly(text: string, today: number, taken: Raw[]): Raw[] {
  const found: Raw[] = [];
  const now = civil(today);
  for (const m of matches(DAY_DIGITS, text)) {
    const lead = DAY_BEFORE.exec(text.slice(Math.max(0, m.index - 32), m.index));
    if (lead === null) continue;
    // A preposition stays outside the date (its role is read from it); an article belongs to it.
    const index = lead[1] === undefined ? m.index - lead[0].length : m.index;
    const day = Number(m[1]);
    const end = m.index + m[0].length;
    if (day < 1 || day > 31 || taken.some((t) => index < t.end && end > t.index)) continue;
    found.push({
      index,
      end,
      month: day >= now.day ? now.month : (now.month % 12) + 1,
      day,
      dayOnly: true,
    });
  }
  return found;
}

/** Joins "2 March - 13 March", "2 to 13 March" and "March 2-13" into ranges. */
function ranges(text: string, dates: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < dates.length; i += 1) {
    const cur = dates[i] as Raw;
    const next = dates[i + 1];
    if (next !== undefined && BETWEEN.test(text.slice(cur.end, next.index))) {
      const from =
        cur.dayOnly === true
          ? { month: next.month, day: cur.day, year: next.year }
          : { month: cur.month, day: cur.day, year: cur.year };
      out.push({ ...next, index: cur.index, from });
      i += 1;
      continue;
    }
    const lone = LONE_DAY.exec(text.slice(Math.max(0, cur.index - 24), cur.index));
    if (lone !== null) {
      const from = { month: cur.month, day: Number(lone[1]), year: cur.year };
      out.push({ ...cur, index: cur.index - lone[0].length, from });
      continue;
    }
    const tail = TRAILING_DAY.exec(text.slice(cur.end));
    if (tail !== null && Number(tail[1]) > cur.day) {
      const end = cur.end + tail[0].length;
      out.push({
        ...cur,
        end,
        day: Number(tail[1]),
        from: { month: cur.month, day: cur.day, year: cur.year },
      });
      continue;
    }
    out.push(cur);
  }
  return out;
}

function resolve(raw: Raw, today: number): DateMention | undefined {
  const day =
    raw.year !== undefined ? dayOf(raw.year, raw.month, raw.day) : nextOccurrence(raw.month, raw.day, today);
  if (day === undefined) return undefined;
  const mention: DateMention = { index: raw.index, end: raw.end, day, kind: 'absolute' };
  if (raw.from === undefined) return mention;
  const { month, day: d, year } = raw.from;
  // A range's start lies on or before its end: "2 to 13 March" may have begun before the reply.
  let from = year !== undefined ? dayOf(year, month, d) : undefined;
  if (from === undefined) {
    const endYear = new Date(day * 86_400_000).getUTCFullYear();
    from = dayOf(endYear, month, d);
    if (from !== undefined && from > day) from = dayOf(endYear - 1, month, d);
  }
  return from === undefined || from > day ? mention : { ...mention, from };
}

/** Every date mentioned in the text, in order of appearance. */
export function scanDates(text: string, ctx: ScanContext): DateMention[] {
  const dated = withoutOverlaps([...named(text), ...numeric(text, ctx)].map((r) => withLead(text, r)));
  const raws = ranges(text, withoutOverlaps([...dated, ...dayOnly(text, ctx.today, dated)]));
  const dates = raws.map((r) => resolve(r, ctx.today)).filter((d): d is DateMention => d !== undefined);
  const taken = (i: number, e: number): boolean => dates.some((d) => i < d.end && e > d.index);
  const others = relativeMentions(text, ctx.today).filter((r) => !taken(r.index, r.end));
  return [...dates, ...others].sort((a, b) => a.index - b.index);
}
