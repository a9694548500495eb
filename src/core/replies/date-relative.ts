// Days named relative to the reply: a weekday alone ("back Monday": the next Monday after the day
// the reply came; "Friday next week": that weekday in the following week), "tomorrow", "today",
// "in two weeks" (the day the reply came plus 14), "next week" (its Monday), in every language read.

import { COUNT, MONTH_NAMES, WEEKDAY_NAMES, countValue, monthNumber, weekdayNumber } from './date-words.js';
import {
  addMonths,
  civil,
  dayOf,
  nextOccurrence,
  nextWeekMonday,
  nextWeekday,
  weekNumberMonday,
} from './days.js';
import type { DateMention } from './date-scan.js';
import { matches } from './matches.js';

const UNIT_DAY = 'days?|tage?n?|jours?|d[ií]as?|dagen|dag|giorni|giorno|dagar';
const UNIT_WEEK = 'weeks?|wks?|wochen?|semaines?|semanas?|weken|week|settimane?|veckorna|veckor|vecka';
const UNIT_MONTH = 'months?|mths?|mos|monate?n?|mois|mes(?:es)?|maanden|maand|meses|mesi|mese|månader|månad';
const IN =
  "in|within|after|for|for\\s+the\\s+(?:next|coming)|the\\s+(?:next|coming)|dans|d'ici|pendant|(?:les|des)\\s+(?:prochaines|prochains)|en|em|daqui\\s+a|dentro\\s+de|durante|(?:las|los|nas|nos|as|os)\\s+(?:próximas|próximos|proximas|proximos)|over|de\\s+komende|komende|tra|fra|per|nei\\s+prossimi|nelle\\s+prossime|le\\s+prossime|i\\s+prossimi|om|nach|binnen|(?:die|in\\s+den)\\s+(?:nächsten|kommenden)|für|i|de\\s+kommande|under";
const IN_COUNT = new RegExp(
  `(?<!\\p{L})(?:${IN})\\s+(?:(?:about|ca\\.?|circa|etwa)\\s+)?(${COUNT})\\s+(${UNIT_DAY}|${UNIT_WEEK}|${UNIT_MONTH})(?!\\p{L})`,
  'giu',
);
const FROM_NOW = new RegExp(
  `(?<!\\p{L})(${COUNT})\\s+(${UNIT_DAY}|${UNIT_WEEK}|${UNIT_MONTH})\\s+(?:from\\s+(?:now|today)|out|ab\\s+heute|à\\s+partir\\s+d['’]aujourd['’]hui|a\\s+partir\\s+de\\s+(?:hoy|hoje|agora|ahora)|vanaf\\s+(?:nu|vandaag)|da\\s+oggi|från\\s+idag)(?!\\p{L})`,
  'giu',
);
const NEXT_WEEK = new RegExp(
  '(?<!\\p{L})(?:next\\s+week|the\\s+week\\s+after|(?:die\\s+)?n[äa]chste\\s+woche|(?:in\\s+der\\s+)?kommenden\\s+woche|(?:la\\s+)?semaine\\s+prochaine|(?:la\\s+)?(?:pr[óo]xima\\s+semana|semana\\s+que\\s+viene|semana\\s+que\\s+vem)|volgende\\s+week|komende\\s+week|(?:la\\s+)?prossima\\s+settimana|settimana\\s+prossima|n[äa]sta\\s+vecka)(?!\\p{L})',
  'giu',
);
const DAY_AFTER =
  /(?<!\p{L})(?:the\s+day\s+after\s+tomorrow|[üu]bermorgen|apr[èe]s-demain|pasado\s+mañana|overmorgen|depois\s+de\s+amanh[ãa]|dopodomani|i\s+[öo]vermorgon)(?!\p{L})/giu;
const TOMORROW =
  /(?<!(?:\p{L}|guten\s|good\s|la\s|esta\s|de\s|por\s|ce\s|goede\s))(?:tomorrow|morgen|demain|mañana|amanh[ãa]|domani|imorgon|i\s+morgon)(?!\p{L})/giu;
const TODAY = /(?<!\p{L})(?:today|heute|aujourd['’]hui|hoy|vandaag|hoje|oggi|idag|i\s+dag)(?!\p{L})/giu;
const WEEKDAY = new RegExp(
  `(?<!\\p{L})(${WEEKDAY_NAMES})(?!\\p{L})(\\s+(?:next\\s+week|n[äa]chster\\s+woche|de\\s+la\\s+semaine\\s+prochaine|de\\s+la\\s+semana\\s+que\\s+viene|(?:van\\s+)?volgende\\s+week|da\\s+pr[óo]xima\\s+semana|della\\s+prossima\\s+settimana|n[äa]sta\\s+vecka))?`,
  'giu',
);
const END_OF_WEEK =
  /(?<!\p{L})(?:(?:the\s+)?(?:end|rest)\s+of\s+(?:the|this)\s+week|this\s+week|(?:den\s+)?rest\s+der\s+woche|ende\s+(?:der|dieser)\s+woche|diese\s+woche|(?:la\s+)?fin\s+de\s+(?:la\s+)?semaine|cette\s+semaine|(?:el\s+)?resto\s+de\s+la\s+semana|(?:a\s+)?finales\s+de\s+(?:la\s+)?semana|(?:o\s+)?resto\s+da\s+semana|(?:o\s+)?fim\s+da\s+semana|esta\s+semana|(?:het\s+)?(?:rest|einde|eind)\s+van\s+(?:de|deze)\s+week|deze\s+week|(?:il\s+)?resto\s+della\s+settimana|questa\s+settimana|resten\s+av\s+veckan|denna\s+vecka)(?!\p{L})/giu;
const END_OF_MONTH =
  /(?<!\p{L})(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+month|ende\s+(?:des|dieses)\s+monats|monatsende|(?:la\s+)?fin\s+(?:du|de\s+ce)\s+mois|(?:a\s+)?(?:fin|finales)\s+de(?:l)?\s+mes|(?:het\s+)?einde?\s+van\s+de\s+maand|(?:o\s+)?fi(?:m|nal)\s+do\s+m[êe]s|(?:la\s+)?fine\s+(?:del\s+)?mese|slutet\s+av\s+månaden)(?!\p{L})/giu;
const END_OF_NAMED = new RegExp(
  `(?<!\\p{L})(?:(?:the\\s+)?end\\s+of|ende|fin(?:\\s+de)?|finales\\s+de|eind(?:e)?|fim\\s+de|final\\s+de|fine|slutet\\s+av)\\s+(${MONTH_NAMES})(?!\\p{L})`,
  'giu',
);
// A week by its number: "KW 24", "in Kalenderwoche 24", "semaine 24", "la semana 36", "week 30".
const WEEK_NUMBER =
  /(?<!\p{L})(?:kw|kalenderwoche|woche|week|wk|semaine|semana|settimana|vecka)\s*\.?\s*(\d{1,2})(?![\d.:,/]\d|\d|\s*(?:-|–|to|bis|à|a|t\/m)\s*\d)/giu;
const WEEK_BEFORE =
  /(?:next\s+week|n[äa]chste\s+woche|volgende\s+week|n[äa]sta\s+vecka)\s*,?\s*(?:on\s+|am\s+|op\s+|på\s+)?$/iu;

const IS_DAY = new RegExp(`^(?:${UNIT_DAY})$`, 'iu');
const IS_WEEK = new RegExp(`^(?:${UNIT_WEEK})$`, 'iu');

function inCount(m: RegExpMatchArray, today: number): number | undefined {
  const n = countValue(m[1] as string);
  if (n === undefined || n > 60) return undefined;
  const unit = (m[2] as string).toLowerCase();
  if (IS_DAY.test(unit)) return today + n;
  if (IS_WEEK.test(unit)) return today + 7 * n;
  return addMonths(today, n);
}

function lastOfMonth(day: number): number {
  const { year, month } = civil(day);
  return (month === 12 ? (dayOf(year + 1, 1, 1) as number) : (dayOf(year, month + 1, 1) as number)) - 1;
}

/** The relative and weekday mentions of a text, resolved from the day the reply came. */
export function relativeMentions(text: string, today: number): DateMention[] {
  const out: DateMention[] = [];
  const push = (m: RegExpMatchArray, day: number | undefined, kind: DateMention['kind']): void => {
    if (day === undefined) return;
    const index = m.index as number;
    if (out.some((o) => index < o.end && index + m[0].length > o.index)) return;
    out.push({ index, end: index + m[0].length, day, kind });
  };
  for (const m of matches(IN_COUNT, text)) push(m, inCount(m, today), 'duration');
  for (const m of matches(FROM_NOW, text)) push(m, inCount(m, today), 'duration');
  for (const m of matches(DAY_AFTER, text)) push(m, today + 2, 'relative');
  for (const m of matches(TOMORROW, text)) push(m, today + 1, 'relative');
  for (const m of matches(TODAY, text)) push(m, today, 'relative');
  for (const m of matches(WEEKDAY, text)) {
    const wanted = weekdayNumber(m[1] as string);
    if (wanted === undefined) continue;
    const following = m[2] !== undefined || WEEK_BEFORE.test(text.slice(0, m.index));
    const monday = nextWeekMonday(today);
    push(m, following ? monday + ((wanted + 6) % 7) : nextWeekday(today, wanted), 'weekday');
  }
  for (const m of matches(NEXT_WEEK, text)) push(m, nextWeekMonday(today), 'week');
  for (const m of matches(WEEK_NUMBER, text)) push(m, weekNumberMonday(Number(m[1]), today), 'week');
  for (const m of matches(END_OF_WEEK, text)) push(m, nextWeekMonday(today) - 1, 'end');
  for (const m of matches(END_OF_MONTH, text)) push(m, lastOfMonth(today), 'end');
  for (const m of matches(END_OF_NAMED, text)) {
    const month = monthNumber(m[1] as string);
    const first = month === undefined ? undefined : nextOccurrence(month, 1, today - 31);
    push(m, first === undefined ? undefined : lastOfMonth(first), 'end');
  }
  return out;
}
