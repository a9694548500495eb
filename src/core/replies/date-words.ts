// The words dates are written with in the languages replies are read in (en, de, fr, es, nl, pt,
// it, sv): month and weekday names with their usual abbreviations, and small numbers as words.
// One table for all languages: the names barely collide, and a reply may mix languages.

const MONTHS: readonly (readonly string[])[] = [
  'january|jan|januar|jänner|janvier|janv|enero|ene|januari|janeiro|gennaio|genn',
  'february|feb|febr|februar|février|fevrier|févr|fevr|febrero|februari|fevereiro|fev|fév|febbraio|febb',
  'march|mar|märz|maerz|mrz|mär|mars|marzo|maart|mrt|março|marco|mar',
  'april|apr|avril|avr|abril|abr|aprile',
  'may|mai|mayo|mei|maio|maggio|magg|maj',
  'june|jun|juni|juin|junio|junho|giugno|giu',
  'july|jul|juli|juillet|juil|julio|julho|luglio|lug',
  'august|aug|août|aout|agosto|ago|augustus|augusti',
  'september|sep|sept|septembre|septiembre|setiembre|setembro|set|settembre|sett',
  'october|oct|oktober|okt|octobre|octubre|outubro|out|ottobre|ott',
  'november|nov|novembre|noviembre|novembro',
  'december|dec|dezember|dez|décembre|decembre|déc|diciembre|dic|dezembro|dicembre',
].map((names) => (names === '' ? [] : names.split('|')));

/** Month names that are also common words: they count only right beside a day number. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['out', 'set', 'ago']);

const WEEKDAYS: readonly (readonly string[])[] = [
  'sunday|sonntag|dimanche|domingo|zondag|domenica|söndag|sondag',
  'monday|montag|lundi|lunes|maandag|segunda-feira|segunda feira|segunda|lunedì|lunedi|måndag|mandag',
  'tuesday|tues|dienstag|mardi|martes|dinsdag|terça-feira|terça feira|terça|terca-feira|terca|martedì|martedi|tisdag',
  'wednesday|weds|mittwoch|mercredi|miércoles|miercoles|woensdag|quarta-feira|quarta feira|quarta|mercoledì|mercoledi|onsdag',
  'thursday|thurs|donnerstag|jeudi|jueves|donderdag|quinta-feira|quinta feira|quinta|giovedì|giovedi|torsdag',
  'friday|freitag|vendredi|viernes|vrijdag|sexta-feira|sexta feira|sexta|venerdì|venerdi|fredag',
  'saturday|samstag|sonnabend|samedi|sábado|sabado|zaterdag|sabato|lördag|lordag',
].map((names) => (names === '' ? [] : names.split('|')));

/** Short weekday forms that only stand in front of a date ("Mon, 16 March", "Mo., 16.03."). */
const WEEKDAY_SHORT = [
  'sun|so|dim|dom|zo|sön',
  'mon|mo|lun|ma|mån',
  'tue|tues|di|mar|ter|tis',
  'wed|mi|mer|mié|mie|wo|qua|ons',
  'thu|thur|thurs|do|jeu|jue|qui|gio|tor|to',
  'fri|fr|ven|vie|vr|sex|fre',
  'sat|sa|sam|sáb|sab|za|lör',
];

const NUMBERS: Record<string, number> = {};
const NUMBER_WORDS: readonly (readonly string[])[] = [
  '',
  'a|an|one|ein|eine|einem|einer|einen|un|une|uno|una|een|één|um|uma|en|ett',
  'two|zwei|deux|dos|twee|dois|duas|due|två|couple|a couple|a couple of',
  'three|drei|trois|tres|drie|três|tre',
  'four|vier|quatre|cuatro|quatro|quattro|fyra',
  'five|fünf|funf|cinq|cinco|vijf|cinque|fem',
  'six|sechs|seis|zes|sei|sex',
  'seven|sieben|sept|siete|zeven|sete|sette|sju',
  'eight|acht|huit|ocho|oito|otto|åtta',
  'nine|neun|neuf|nueve|negen|nove|nio',
  'ten|zehn|dix|diez|tien|dez|dieci|tio',
  'eleven|elf|onze|once|undici',
  'twelve|zwölf|douze|doce|twaalf|doze|dodici|tolv',
].map((names) => (names === '' ? [] : names.split('|')));
NUMBER_WORDS.forEach((words, n) => words.forEach((w) => (NUMBERS[w] = n)));

const MONTH_INDEX = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_INDEX.set(n, i + 1)));
const WEEKDAY_INDEX = new Map<string, number>();
WEEKDAYS.forEach((names, i) => names.forEach((n) => WEEKDAY_INDEX.set(n, i)));

const byLength = (a: string, b: string): number => b.length - a.length;
const alternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort(byLength)
    .map((w) => w.replace(/[-\s]/g, '[-\\s]?'))
    .join('|');

/** Regex source of every month name (an optional dot after an abbreviation is the caller's). */
export const MONTH_NAMES = alternation(MONTH_INDEX.keys());
/** Regex source of every full weekday name. */
export const WEEKDAY_NAMES = alternation(WEEKDAY_INDEX.keys());
const SHORT = WEEKDAY_SHORT.join('|').split('|');
/**
 * Regex source of a weekday in front of a date, full or short; a two-letter form ("Mo", "to") only
 * with its dot or comma, since most of them are also words.
 */
export const WEEKDAY_ANY = `(?:${alternation([...WEEKDAY_INDEX.keys(), ...SHORT.filter((w) => w.length > 2)])})\\.?,?|(?:${alternation(SHORT.filter((w) => w.length <= 2))})(?:\\.,?|,)`;
/** Regex source of a count: digits or a number word. */
export const COUNT = `\\d{1,2}|${alternation(Object.keys(NUMBERS))}`;

const fold = (word: string): string =>
  word
    .toLowerCase()
    .replace(/[-\s]+/g, ' ')
    .replace(/\.$/, '');

export function monthNumber(word: string): number | undefined {
  return MONTH_INDEX.get(fold(word));
}

export function weekdayNumber(word: string): number | undefined {
  const w = fold(word);
  return WEEKDAY_INDEX.get(w) ?? WEEKDAY_INDEX.get(w.replace(' ', '-'));
}

export function countValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ').trim();
  return /^\d+$/.test(w) ? Number(w) : NUMBERS[w];
}
