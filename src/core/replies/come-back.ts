// When a "not now" reply says to come back, as a day (the corpus rules): "after the summer" = 1
// September; a season = its first month's 1st (northern meteorological seasons: spring 1 March,
// summer 1 June, autumn 1 September, winter 1 December; "im Herbst", "à l'automne" alike); "next
// quarter" = the first day of the next calendar quarter; "in Q3" = 1 July of the next Q3 to begin;
// "in N weeks/months" and "N months from now" = the day the reply came plus N; a named month = its
// 1st ("after September", "after the end of May" = the next month's 1st; "mid-June" = the 15th);
// "next month" = its 1st; "next week" = its Monday; an explicit date = that date ("after the 15th
// of April" = the day after). Vague ones ("later", "next year" alone, "in a few months") give none.

import { MONTH_NAMES, monthNumber } from './date-words.js';
import { scanDates } from './date-scan.js';
import type { DateMention, ScanContext } from './date-scan.js';
import { addMonths, civil, dayOf, nextFirstOfMonth, nextWeekday } from './days.js';
import { matches } from './matches.js';

const AFTER_SUMMER =
  /after\s+(?:the\s+)?summer(?:\s+(?:break|holidays?|vacation))?|nach\s+(?:dem\s+sommer|den\s+sommerferien|der\s+sommerpause)|après\s+l['’]été|après\s+les\s+vacances(?:\s+d['’]été)?|(?:à|a)\s+la\s+rentrée|(?:después|tras)\s+(?:del|el)\s+verano|(?:después|tras)\s+de\s+las\s+vacaciones(?:\s+de\s+verano)?|na\s+de\s+zomer(?:vakantie)?|(?:depois|após)\s+(?:do|o)\s+verão|(?:depois|após)\s+das\s+férias(?:\s+de\s+verão)?|dopo\s+l['’]estate|efter\s+sommaren/iu;
const SEASONS: readonly (readonly [number, RegExp])[] = [
  [
    9,
    /(?:in\s+(?:the\s+)?|this\s+|next\s+)(?:fall|autumn)|im\s+herbst|(?:à\s+l['’]|en\s+)automne|en\s+(?:el\s+)?otoño|in\s+het\s+najaar|in\s+de\s+herfst|no\s+outono|in\s+autunno|i\s+höst/iu,
  ],
  [
    3,
    /(?:in\s+(?:the\s+)?|this\s+|next\s+)spring|im\s+(?:frühjahr|frühling)|au\s+printemps|en\s+(?:la\s+)?primavera|in\s+het\s+voorjaar|in\s+de\s+lente|na\s+primavera|in\s+primavera|i\s+vår/iu,
  ],
  [
    6,
    /(?:in\s+(?:the\s+)?|this\s+|next\s+)summer|im\s+sommer|(?:en|cet)\s+été|en\s+(?:el\s+)?verano|in\s+de\s+zomer|no\s+verão|in\s+estate|i\s+sommar/iu,
  ],
  [
    12,
    /(?:in\s+(?:the\s+)?|this\s+|next\s+)winter|im\s+winter|en\s+hiver|en\s+(?:el\s+)?invierno|in\s+de\s+winter|no\s+inverno|in\s+inverno|i\s+vinter/iu,
  ],
];
const NEXT_QUARTER =
  /next\s+quarter|(?:im\s+)?(?:nächsten|kommenden)\s+quartal|nächstes\s+quartal|(?:au\s+)?(?:prochain\s+trimestre|trimestre\s+prochain)|(?:el\s+)?(?:próximo|siguiente)\s+trimestre|trimestre\s+que\s+viene|volgend\s+kwartaal|komend\s+kwartaal|(?:no\s+)?próximo\s+trimestre|prossimo\s+trimestre|nästa\s+kvartal/iu;
const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  premier: 1,
  deuxième: 2,
  troisième: 3,
  quatrième: 4,
  primer: 1,
  segundo: 2,
  tercer: 3,
  cuarto: 4,
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  primeiro: 1,
  terceiro: 3,
  quarto: 4,
  primo: 1,
  terzo: 3,
};
const QUARTER = new RegExp(
  `(?<![\\p{L}\\d])(?:q|t|k)([1-4])(?![\\p{L}\\d])|(${Object.keys(ORDINALS).join('|')})\\s+(?:quarter|quartal|trimestre|kwartaal)|([1-4])\\.\\s*quartal`,
  'iu',
);
const AFTER_QUARTER =
  /(?:after|nach|après|después\s+del?|na|depois\s+do|dopo|efter|end\s+of|ende|fin|finales\s+del?|eind|fim\s+do)\s*(?:the\s+|dem\s+|le\s+|el\s+|het\s+|o\s+)?$/iu;
const NEXT_MONTH =
  /next\s+month|nächsten\s+monat|le\s+mois\s+prochain|el\s+(?:próximo\s+mes|mes\s+que\s+viene)|volgende\s+maand|(?:no\s+)?próximo\s+mês|il\s+prossimo\s+mese|nästa\s+månad/iu;
const MONTH_LEAD =
  'after|nach|après|después\\s+de|na|depois\\s+de|dopo|efter|in|im|en|em|a|from|ab|à\\s+partir\\s+de|a\\s+partir\\s+de|vanaf|early|anfang|début|principios\\s+de|begin|início\\s+de|inizio|by|until|bis|around|um|vers|hacia|rond|por\\s+volta\\s+de|verso|mid|mitte|mi|mediados\\s+de|half|meados\\s+de|late|end\\s+of|ende|fin|finales\\s+de|eind|fim\\s+de|final\\s+de|fine';
const NAMED_MONTH = new RegExp(`(?<!\\p{L})(?:${MONTH_NAMES})(?!\\p{L})`, 'giu');
// The word before a month ("after", "mid-", "Anfang") is looked up behind each month found, which is
// far cheaper than an optional prefix tried at every position of the text.
const BEFORE_MONTH = new RegExp(`(?<![\\p{L}-])(${MONTH_LEAD})[\\s-]*$`, 'iu');
const AFTER_WORDS = /^(?:after|nach|après|después\s+de|na|depois\s+de|dopo|efter)$/iu;

/** The first day of the next quarter starting with the given month (1, 4, 7, 10), on or after `today`. */
function quarterStart(month: number, today: number): number {
  return nextFirstOfMonth(month, today);
}

function firstOfNextQuarter(today: number): number {
  const { year, month } = civil(today);
  const next = Math.floor((month - 1) / 3) * 3 + 4;
  return next > 12 ? (dayOf(year + 1, 1, 1) as number) : (dayOf(year, next, 1) as number);
}

function quarterDay(text: string, today: number): number | undefined {
  const m = QUARTER.exec(text);
  if (m === null) return undefined;
  const n =
    m[1] !== undefined
      ? Number(m[1])
      : m[2] !== undefined
        ? (ORDINALS[m[2].toLowerCase()] ?? 0)
        : Number(m[3]);
  if (n < 1 || n > 4) return undefined;
  const after = AFTER_QUARTER.test(text.slice(0, m.index));
  const month = after ? (n % 4) * 3 + 1 : (n - 1) * 3 + 1;
  return quarterStart(month, today);
}

/** Month words that are also other words or bare abbreviations: they need a preposition. */
const SHORT_MONTH = /^(?:may|mai|mar|\p{L}{1,3}\.?)$/iu;
const MID = /^(?:mid|mitte|mi|mediados\s+de|meados\s+de|half|medio)$/iu;
const END = /^(?:end\s+of|ende|fin|finales\s+de|eind|fim\s+de|final\s+de|fine)$/iu;

function namedMonthDays(text: string, today: number, taken: readonly DateMention[]): number[] {
  const out: number[] = [];
  for (const m of matches(NAMED_MONTH, text)) {
    if (taken.some((d) => m.index < d.end && m.index + m[0].length > d.index && d.kind === 'absolute'))
      continue;
    const month = monthNumber(m[0]);
    const lead = BEFORE_MONTH.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1] ?? '';
    // Short forms ("mar", "may", "jun") count only after a preposition: "may" is mostly a verb.
    if (month === undefined || (SHORT_MONTH.test(m[0]) && lead === '')) continue;
    const next = AFTER_WORDS.test(lead) || END.test(lead);
    // The month the reply is written in is the present ("December is madness here"), not a
    // December a year on; only its middle may still be to come.
    const current = civil(today);
    const thisMonth = month === current.month && !next;
    if (thisMonth && !MID.test(lead)) continue;
    const first = thisMonth
      ? today - current.day + 1
      : nextFirstOfMonth(next ? (month % 12) + 1 : month, today);
    out.push(MID.test(lead) ? first + 14 : first);
  }
  return out;
}

const COME_BACK =
  /reach\s+out|get\s+back|come\s+back|circle\s+back|check\s+(?:back|in)|follow\s+up|touch\s+base|reconnect|try\s+(?:me|again)|ping|drop\s+me|write|e-?mail\s+me|contact|talk|call|revisit|melden|kontaktier|schreiben|sprechen|zukommen|recontact|revenez|revenir|relance|écrive|rappel|escríb|contact|vuelva|llám|hablamos|hablemos|neem|benader|mail|bel\s|spreken|entre\s+em\s+conta|volte|fale|falamos|procur|ricontatt|kontakta|hör\s+av|schakel/iu;
// "after the 15th", "after our board meeting on the 12th", "nach der Vorstandssitzung am 12.".
const AFTER_BEFORE =
  /(?<!\p{L})(?:after|nach(?:\s+dem)?|après(?:\s+le)?|después\s+del?|na|depois\s+d[eo]|após\s+o|dopo\s+il|efter)\s*(?:(?:the|our|my|their|this|that|dem|der|unserer?|notre|la|nuestra|onze|de|nossa|a)\s+(?:[\p{L}-]+\s+){1,3}?(?:(?:on|of|am|vom|le|du|el|del|op|van|em|no|de)\s+)?)?(?:the\s+)?$/iu;
const UNTIL_BEFORE =
  /(?:until|till|bis(?:\s+(?:zum|zur))?|jusqu['’]\s*(?:au|à)|hasta(?:\s+el)?|tot|até(?:\s+(?:ao|o|a|à))?|fino\s+al)\s*(?:the\s+)?$/iu;
/** "until the 15th, then ...": said right after the date, not anywhere after it ("... starts then"). */
const THEN_AFTER =
  /^[^\n]{0,80}?(?<!\p{L})(?:after\s+that|afterwards|then|danach|anschlie(?:ß|ss)end|après|ensuite|después|luego|daarna|depois|dopo|efter\s+det)(?!\p{L})/iu;
/** "Give me until the 15th of September": that day itself. */
const GIVE_UNTIL = /(?:give|allow)\s+(?:me|us)\s+(?:\p{L}+\s+)?until\s*(?:the\s+)?$/iu;
/** Days of the calendar named by a holiday, as the day after it ("after Labor Day"). */
const HOLIDAYS: readonly (readonly [RegExp, (year: number) => number])[] = [
  [/(?:after|post)\s+labou?r\s+day/iu, (year) => nthWeekday(year, 9, 1, 1) + 1],
  [/(?:after|post)\s+memorial\s+day/iu, (year) => nthWeekday(year, 6, 1, 1) - 7 + 1],
  [/(?:after|post)\s+thanksgiving/iu, (year) => nthWeekday(year, 11, 4, 4) + 1],
];

/** The Nth given weekday (0 Sunday ... 6 Saturday) of a month; its first Monday of June less 7 is May's last. */
function nthWeekday(year: number, month: number, wanted: number, n: number): number {
  return nextWeekday((dayOf(year, month, 1) as number) - 1, wanted) + 7 * (n - 1);
}

function holidayDays(text: string, today: number): number[] {
  const out: number[] = [];
  const { year } = civil(today);
  for (const [pattern, dayIn] of HOLIDAYS) {
    if (!pattern.test(text)) continue;
    const day = dayIn(year);
    out.push(day > today ? day : dayIn(year + 1));
  }
  return out;
}

/** An explicit date: the day itself, or the day after when they say "after" it ("until X, then ..."). */
function explicitDay(text: string, date: DateMention): number {
  const before = text.slice(Math.max(0, date.index - 50), date.index);
  if (AFTER_BEFORE.test(before)) return date.day + 1;
  if (GIVE_UNTIL.test(before)) return date.day;
  if (UNTIL_BEFORE.test(before) && THEN_AFTER.test(text.slice(date.end))) return date.day + 1;
  return date.day;
}

/**
 * The day to come back on, or undefined when the reply names no time (or only a vague one). When
 * several times are named, the latest: "we're on holiday over July and August, let's talk in
 * September" means September.
 */
export function comeBackDay(text: string, ctx: ScanContext): number | undefined {
  // The sentence that asks to come back holds the time to come back ("Escríbeme el próximo
  // trimestre"); other sentences may name times that are only context ("el cierre del primer trimestre").
  const asking = text.split(/(?<=[.!?\n])\s+/u).filter((s) => COME_BACK.test(s));
  for (const sentence of asking) {
    const day = latestDay(sentence, ctx);
    if (day !== undefined) return day;
  }
  return latestDay(text, ctx);
}

/**
 * The times a text names to come back, as days: periods (a month, a quarter, a season, "in six
 * weeks") and dates (an explicit day, the end of a period); weekdays apart, a meeting's time more
 * often than a come-back one.
 */
function namedTimes(
  text: string,
  ctx: ScanContext,
): { periods: number[]; dates: number[]; weekdays: number[] } {
  const today = ctx.today;
  const periods: number[] = [];
  const dated: number[] = [];
  if (AFTER_SUMMER.test(text)) periods.push(nextFirstOfMonth(9, today));
  dated.push(...holidayDays(text, today));
  const dates = scanDates(text, ctx);
  for (const d of dates) {
    if (d.kind === 'absolute') dated.push(explicitDay(text, d));
    else if (d.kind === 'end') dated.push(d.day + 1);
    else if (d.kind === 'duration' || d.kind === 'week') periods.push(d.day);
    else if (d.kind !== 'weekday') dated.push(d.day);
  }
  if (NEXT_QUARTER.test(text)) periods.push(firstOfNextQuarter(today));
  const quarter = quarterDay(text, today);
  if (quarter !== undefined) periods.push(quarter);
  for (const [month, pattern] of SEASONS)
    if (pattern.test(text)) periods.push(nextFirstOfMonth(month, today));
  if (NEXT_MONTH.test(text)) periods.push(addMonths(today, 1) - civil(addMonths(today, 1)).day + 1);
  periods.push(...namedMonthDays(text, today, dates));
  const weekdays = dates.filter((d) => d.kind === 'weekday').map((d) => d.day);
  return { periods, dates: dated, weekdays };
}

function latestDay(text: string, ctx: ScanContext): number | undefined {
  const { periods, dates, weekdays } = namedTimes(text, ctx);
  const found = periods.length + dates.length > 0 ? [...periods, ...dates] : weekdays;
  return found.length === 0 ? undefined : Math.max(...found);
}

/** A time to act before ("I want something in place before then"): a deadline, not a delay. */
const DEADLINE =
  /before (?:then|that|it starts|we start)|in place (?:by|before)|ahead of|by then|vorher|avant cela|antes de eso|daarvoor|antes disso/iu;
/** Words of a time gone by ("since January", "last March"). */
const PAST =
  /(?<!\p{L})(?:since|ago|last|seit|letzten|depuis|dernier|desde|pasado|sinds|vorige|passado)(?!\p{L})/iu;
/** Words that set a time to come (not one past): "in", "after", "until", "once", "more realistic". */
const LATER =
  /(?<!\p{L})(?:in|after|until|till|from|early|mid|late|around|by|next|once|when|then|before|realistic|better|starts?|begins?|joins?|wait(?:ing)?|nach|ab|bis|im|après|dès|en|après|después|desde|hasta|na|vanaf|tot|depois|a partir|até|em)(?!\p{L})/iu;

/**
 * A time to come said in a reply that no cue decided (or that reads as a yes): the latest period
 * ("in October", "Q4", "in six weeks") and the latest date ("starts on 15 September") named in the
 * sentences that ask to come back or set a time to come, if any (`skipQuestions`: not in a question, where
 * a yes names a meeting's time: "We're at the Summit in June, are you going?").
 */
export function laterTime(
  text: string,
  ctx: ScanContext,
  skipQuestions = false,
): { period?: Later; date?: Later } {
  const out: { period?: Later; date?: Later } = {};
  for (const sentence of text.split(/(?<=[.!?\n])\s+/u)) {
    if (
      (!COME_BACK.test(sentence) && !LATER.test(sentence)) ||
      DEADLINE.test(sentence) ||
      PAST.test(sentence)
    )
      continue;
    if (skipQuestions && sentence.trimEnd().endsWith('?')) continue;
    const { periods, dates } = namedTimes(sentence, ctx);
    const period = Math.max(...periods);
    const date = Math.max(...dates);
    if (period > (out.period?.day ?? -Infinity)) out.period = { day: period, sentence };
    if (date > (out.date?.day ?? -Infinity)) out.date = { day: date, sentence };
  }
  return out;
}

export interface Later {
  day: number;
  /** The sentence that names it. */
  sentence: string;
}
