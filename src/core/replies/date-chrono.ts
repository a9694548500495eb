// The fallback for date forms the own scanner does not know: chrono-node in the reply's language,
// called only on the short text the caller hands over (chrono is by far the slowest part).
// Year-less results follow the corpus rule (the next occurrence on or after the day the reply came)
// rather than chrono's own guess.

import * as chrono from 'chrono-node';
import type { DateMention, ScanContext } from './date-scan.js';
import { DAY } from '../calendar.js';
import { dayOf, nextOccurrence } from './days.js';

type Parser = { parse: (text: string, ref: chrono.ParsingReference) => chrono.ParsedResult[] };

const PARSERS: Record<string, Parser> = {
  de: chrono.de,
  fr: chrono.fr,
  es: chrono.es,
  nl: chrono.nl,
  pt: chrono.pt,
  it: chrono.it,
  sv: chrono.sv,
};

function parser(language: string, monthFirst: boolean): Parser {
  return PARSERS[language] ?? (monthFirst ? chrono.en : chrono.en.GB);
}

function dayOfResult(result: chrono.ParsedComponents, today: number): number | undefined {
  const month = result.get('month');
  const day = result.get('day');
  if (month === null || day === null) return undefined;
  if (result.isCertain('year')) return dayOf(result.get('year') as number, month, day);
  if (result.isCertain('month') && result.isCertain('day')) return nextOccurrence(month, day, today);
  // Relative and weekday results were computed from the reference day, which is already local.
  return dayOf(result.get('year') as number, month, day);
}

/** The dates chrono finds in the text, as mentions of the own scanner's form. */
export function chronoDates(text: string, ctx: ScanContext, language: string): DateMention[] {
  const reference = { instant: new Date(ctx.today * DAY + 12 * 3_600_000), timezone: 0 };
  const out: DateMention[] = [];
  for (const result of parser(language, ctx.monthFirst).parse(text, reference)) {
    const day = dayOfResult(result.start, ctx.today);
    if (day === undefined) continue;
    const kind = result.start.isCertain('day') ? 'absolute' : 'relative';
    const mention: DateMention = { index: result.index, end: result.index + result.text.length, day, kind };
    const end =
      result.end === undefined || result.end === null ? undefined : dayOfResult(result.end, ctx.today);
    // A year-less range that began before the reply: its start lies a year before the guess.
    const from = end !== undefined && day > end ? day - 365 : day;
    out.push(end === undefined ? mention : { ...mention, day: end, from });
  }
  return out;
}
