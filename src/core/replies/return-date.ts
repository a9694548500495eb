// The first day an absent person is back, read from an out-of-office reply (the rules of the corpus):
// an explicit return day ("back on 16 March", "ab dem 16.03. wieder erreichbar") wins; else an end
// of absence: "until X" is read as back on X, "through X" / "bis einschließlich X" / "t/m X" /
// "X inclus", a range ("2 to 13 March") or the end of a period ("the rest of the week") as back the
// day after (weekends are not skipped: the engine's business calendar does that).
// Each date's role comes from the words right before it (and right after, for "ab X wieder").

import { scanDates } from './date-scan.js';
import type { DateMention, ScanContext } from './date-scan.js';
import { chronoDates } from './date-chrono.js';
import { MONTH_NAMES } from './date-words.js';

type Role = 'return' | 'until' | 'through' | 'absent' | 'answer';

const MOD =
  '(?:next|coming|this|nächsten|kommenden|diesen|prochain|próxim[oa]|volgende|komende|prossimo|nästa)';
const ART = `(?:(?:the|le|el|la|los|las|o|a|à|il|den|dem|der|zum|de|op|am|an|on|em|no|na|dia|l'|lo)(?:\\s+${MOD})?|${MOD})`;
const RETURN_WORD =
  'back|re-?open(?:s|ing)?|rouvr\\p{L}*|reabr\\p{L}*|heropen\\p{L}*|riapr\\p{L}*|get\\s+back\\s+to\\s+you|(?:pick\\s+up|catch\\s+up\\s+on|get\\s+to|deal\\s+with|go\\s+through)\\s+(?:my\\s+|your\\s+)?(?:e-?mails?|messages|inbox)|melde\\s+mich|r[ée]pondrai|responder[ée]|risponder[òo]|vuelta|falamos|hablamos|spreken\\s+we|sprechen\\s+wir|parlerons|talk\\s+(?:on|next)|respond(?:ing)?|reply(?:ing)?|answer(?:ing)?|catching\\s+up|reprend(?:s|rai|re)|reprise|retornar(?:ei|é)|regressar(?:ei)?|voltar(?:ei)?|estar(?:ei|é)\\s+de\\s+regreso|regreso|terugkeer|terugkom(?:st)?|r[üu]ckkehr|return(?:s|ing)?|returned|zur[üu]ck|wieder|retour|reviens|reviendrai|rentre|rentrerai|de\\s+vuelta|regres(?:o|ar[ée]|ando)|regressando|retornando|voltando|volviendo|vuelvo|volver[ée]|reincorpor(?:o|ar[ée])|de\\s+nuevo|terug|weer|de\\s+volta|volto|voltarei|regresso|retorno|retomo|rientro|rientrer[òo]|di\\s+ritorno|torno|torner[òo]|di\\s+nuovo|tillbaka|[åa]ter|again|à\\s+nouveau|de\\s+nouveau|nuovamente';
/**
 * Words of answering, not of being back ("te escribo la semana que viene"): the date they carry is
 * the return day only when the reply gives no other.
 */
const ANSWER_WORD =
  'pick\\s+(?:this|it)\\s+up|lo\\s+(?:miro|veo|reviso)|te\\s+(?:contesto|respondo|escribo)|ci\\s+sentiamo|ti\\s+(?:rispondo|scrivo)|kijk\\s+ik|reageer|tittar|svarar|hör\\s+av|vejo|respondo';
const AVAILABLE =
  'available|reachable|in\\s+the\\s+office|erreichbar|im\\s+b[üu]ro|im\\s+haus|verf[üu]gbar|disponible|joignable|au\\s+bureau|en\\s+la\\s+oficina|localizable|bereikbaar|aanwezig|op\\s+kantoor|beschikbaar|dispon[íi]vel|no\\s+escrit[óo]rio|disponibile|in\\s+ufficio|anträffbar|n[åa]bar|p[åa]\\s+kontoret|tillg[äa]nglig';
const FROM =
  "from|as\\s+of|starting|beginning|on|ab|am|vom|[àa]\\s+partir\\s+d[ue']|d[èe]s|le|a\\s+partir\\s+de(?:l)?|desde|el|vanaf|per|op|a\\s+partir\\s+do|desde|em|no\\s+dia|dal|da|il|fr[åa]n\\s+och\\s+med|fr[åa]n|den|p[åa]";
const NEG = 'not|no|nicht|kein|pas|niet|geen|não|nao|non|inte|ej';

const UNTIL_BEFORE = new RegExp(
  `(?:until|till|til|'til|förrän|up\\s+to|bis(?:\\s+(?:zum|zur|am))?|jusqu['’]\\s*(?:au|à|a)|jusqu['’]|hasta(?:\\s+el)?|tot|até(?:\\s+(?:ao|o|a|à))?|fino\\s+(?:al|a|all['’])|till)\\s*(?:${ART}\\s+)?$`,
  'iu',
);
const THROUGH_BEFORE = new RegExp(
  `(?:through|thru|(?:until|up\\s+to|to)\\s+and\\s+including|including|bis\\s+(?:einschlie(?:ß|ss)lich|einschl\\.?|inklusive|inkl\\.?)(?:\\s+(?:zum|den))?|t/m|tot\\s+en\\s+met|till\\s+och\\s+med|t\\.o\\.m\\.?|to\\s+and\\s+with)\\s*(?:${ART}\\s+)?$`,
  'iu',
);
const INCLUSIVE_AFTER =
  /^[\s,(]*(?:inclusive|incl\.|included|inclus(?:ivement|e)?|incluido|inclusive|incluso|compreso|einschlie(?:ß|ss)lich|inklusive|inkl\.|inclusief|inbegrepen|inclu[íi]do)/iu;
const RETURN_BEFORE = new RegExp(
  `(?:${RETURN_WORD}|(?:${AVAILABLE})(?:\\s+(?:again|wieder))?\\s+(?:${FROM}))(?:\\s+[\\p{L}'’]+){0,6}?[\\s,(]*(?:${FROM})?\\s*(?:${ART}\\s+)?$`,
  'iu',
);
const CONJUNCTION = 'and|und|et|y|e|en|och|but|aber|mais|pero|maar|mas|ma|or|oder|ou|o|of';
const RETURN_AFTER = new RegExp(
  `^(?:[\\s)]*|\\s*,\\s*(?=(?:bin|sind|ist|ben|zijn|is)\\s+(?:ich|wir|ik|we|wij)\\s))(?:(?!(?:${CONJUNCTION})\\s)[\\p{L}'’]+\\s+){0,4}?(?:${RETURN_WORD}|(?<!(?:${NEG})\\s+(?:\\p{L}+\\s+)?)(?:${AVAILABLE}))(?!\\p{L})`,
  'iu',
);
const ANSWER_BEFORE = new RegExp(`(?:${ANSWER_WORD})(?:\\s+[\\p{L}'’]+){0,6}?[\\s,(]*(?:${ART}\\s+)?$`, 'iu');
const ANSWER_AFTER = new RegExp(`^[\\s)]*(?:[\\p{L}'’]+\\s+){0,4}?(?:${ANSWER_WORD})(?!\\p{L})`, 'iu');
const BEFORE = new RegExp(
  `(?:before|avant|antes\\s+d[eo]l?|vor(?:\\s+dem)?|voor|prima\\s+del?|innan)\\s*(?:${ART}\\s+)?$`,
  'iu',
);
const NOT = new RegExp(
  `(?<!\\p{L})(?:${NEG}|n['’]|won['’]t|can['’]t|don['’]t|nie|nunca|nooit|nunca)(?!\\p{L})`,
  'iu',
);
const START = new RegExp(
  `(?:from|as\\s+of|starting|beginning|ab|vom|[àa]\\s+partir\\s+d[ue']|d[èe]s|a\\s+partir\\s+de(?:l)?|desde|vanaf|a\\s+partir\\s+do|dal|fr[åa]n)\\s*(?:${ART}\\s+)?$`,
  'iu',
);
const ABSENCE =
  /(?<!\p{L})(?:out\s+of\s+(?:the\s+)?office|\booo\b|away|vacation|vacay|holiday|leave|travel|abroad|unavailable|not\s+available|off|urlaub|abwesend|au(?:ß|ss)er\s+haus|nicht\s+im\s+(?:b[üu]ro|haus)|dienstreise|nicht\s+erreichbar|cong[ée]|vacances|absent|hors\s+du\s+bureau|d[ée]placement|indisponible|vacaciones|fuera\s+de\s+la\s+oficina|ausente|de\s+viaje|afwezig|vakantie|verlof|niet\s+(?:op\s+kantoor|bereikbaar|aanwezig)|f[ée]rias|fora\s+do\s+escrit[óo]rio|licen[çc]a|viagem|ferie|assente|fuori\s+ufficio|viaggio|semester|ledig|borta|fr[åa]nvarande|inte\s+p[åa]\s+kontoret|sick|ill|unwell|trip|course|offsite|jury|wedding|funeral|offline|krank|malade|maladie|enferm[oa]|ziek|doente|malat[oa]|malattia|influenza|trasferta|resa|tjänsteresa|sjuk|viajando|folga|atestado|licencia|buitenland|conference|trade\s*show|fair|summit|beurs|congres|feria|congreso|feira|salon|messe|mässa|fora|fuera|vrij|frei|formation|training)/iu;

/** Abbreviations whose full stop ends no clause ("bis einschl. Fr., 27.02."). */
const CLAUSE_END =
  /\n|[!?;]|(?<=\p{L}{2})(?<!(?<!\p{L})(?:einschl|inkl|incl|excl|bzw|ca|evtl|ggf|usw|vgl|approx|tel|mob|ext|dept|mr|mrs|ms|dr|jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|janv|févr|avr|juil|déc|ene|abr|ago|dic|fev|set|out|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|lun|mer|jeu|ven|sam|dim|seg|ter|qua|qui|sex|sáb|dom))\.(?=\s|$)/giu;

/** Clause ends: a newline, "!", "?", ";", or a full stop after a word (not the one in "16.03."). */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CLAUSE_END)) out.push(m.index);
  return out;
}

function clause(
  text: string,
  stops: number[],
  index: number,
  end: number,
): { before: string; after: string } {
  let from = 0;
  let to = text.length;
  for (const stop of stops) {
    if (stop < index) from = stop + 1;
    else if (stop >= end) {
      to = stop;
      break;
    }
  }
  return { before: text.slice(from, index), after: text.slice(end, to) };
}

function role(mention: DateMention, text: string, stops: number[]): Role | undefined {
  const clauseOf = clause(text, stops, mention.index, mention.end);
  const { before } = clauseOf;
  // A date that ends its sentence took the full stop with it ("... on 3 and 6 April. I will ...").
  const closed = text[mention.end - 1] === '.' && /^(?:\s+\p{Lu}|\s*$)/u.test(text.slice(mention.end));
  const after = closed ? '' : clauseOf.after;
  if (THROUGH_BEFORE.test(before) || INCLUSIVE_AFTER.test(after)) return 'through';
  if (UNTIL_BEFORE.test(before)) return mention.kind === 'end' ? 'through' : 'until';
  // "no access to my mail before 30 July", "nicht vor dem 16.": back on that day.
  if (BEFORE.test(before) && NOT.test(before)) return 'until';
  if (RETURN_BEFORE.test(before) || RETURN_AFTER.test(after)) return 'return';
  if (ANSWER_BEFORE.test(before) || ANSWER_AFTER.test(after)) return 'answer';
  // "from 2 March I am away" is when the absence starts, not when it ends (a range has both).
  if (START.test(before) && mention.from === undefined) return undefined;
  if (ABSENCE.test(before) || ABSENCE.test(after)) return 'absent';
  return undefined;
}

const MONTH_WORD = new RegExp(`(?<!\\p{L})(?:${MONTH_NAMES})(?!\\p{L})`, 'iu');
const CUED = new RegExp(
  `${RETURN_WORD}|${ANSWER_WORD}|until|till|through|bis|jusqu|hasta|tot|até|fino|${ABSENCE.source}`,
  'iu',
);

/**
 * Chrono reads what the own scanner does not; it is slow, so it reads only the clauses that speak of
 * the absence or the return and hold a digit or a month, and only when the scanner found no date.
 */
function chronoFallback(text: string, stops: number[], ctx: ScanContext, language: string): DateMention[] {
  const out: DateMention[] = [];
  let from = 0;
  for (const stop of [...stops, text.length]) {
    const piece = text.slice(from, stop);
    if ((/\d/u.test(piece) || MONTH_WORD.test(piece)) && CUED.test(piece)) {
      for (const m of chronoDates(piece, ctx, language))
        out.push({ ...m, index: m.index + from, end: m.end + from });
    }
    from = stop + 1;
  }
  return out;
}

/** Words of coming back in person, not of answering ("I'll get back to you Monday" is no absence). */
const BACK = new RegExp(
  [
    "(?:be|am|i'm|i’m|i am) (?:\\p{L}+ )?back(?! in touch| to you)|back (?:in|at|on|from)(?! touch)|returning(?! (?:your|the|my))|re-?open",
    '(?<!(?:melde|melden|rufe|rufen|komme|kommen)[^.!?]{0,30})zurück(?!\\s*(?:melden|kommen|rufen))|wieder (?:da|im|erreichbar|zurück|verfügbar|für sie|an meinem|in)',
    'de retour|reviens(?! vers)|reprendrai|de vuelta|a la vuelta|vuelvo|regres\\p{L}+',
    '(?<!op )terug(?! op uw| op je| op het| naar u| naar je| bij)|weer (?:aanwezig|op kantoor|bereikbaar|terug|beschikbaar|er)',
    'de volta|volto|regresso|retorno(?! do| ao)|rientr\\p{L}*|di ritorno|tillbaka|åter på',
  ].join('|'),
  'iu',
);

/**
 * The clause that dates its writer's absence or return, if any: "back Thursday", "returning on
 * the 16th", "away until 4/6". A typed absence notice may use no phrase of the lexicons, but it
 * dates the absence with words of absence or of coming back; a meeting time or a come-back date
 * has neither.
 */
export function datedAbsence(text: string, ctx: ScanContext): string | undefined {
  const stops = boundaries(text);
  for (const mention of scanDates(text, ctx)) {
    if (role(mention, text, stops) === undefined) continue;
    const { before, after } = clause(text, stops, mention.index, mention.end);
    const words = `${before} ${after}`;
    if (ABSENCE.test(words) || BACK.test(words))
      return `${before}${text.slice(mention.index, mention.end)}${after}`.trim();
  }
  return undefined;
}

/** The first day back, as a day number, or undefined when the reply names none. */
export function returnDay(text: string, ctx: ScanContext, language: string): number | undefined {
  const stops = boundaries(text);
  let mentions = scanDates(text, ctx);
  if (mentions.length === 0) mentions = chronoFallback(text, stops, ctx, language);
  let back: number | undefined;
  let end: number | undefined;
  let absent: number | undefined;
  let answer: number | undefined;
  for (const mention of mentions) {
    const r = role(mention, text, stops);
    if (r === undefined) continue;
    if (r === 'return') {
      back ??= mention.day;
      continue;
    }
    if (r === 'answer') {
      answer ??= mention.day;
      continue;
    }
    // "until X" is back on X; a duration ("the coming two weeks") ends the day before its last day.
    // Away for a named week: back the Monday after it.
    const day =
      r === 'until' || mention.kind === 'duration'
        ? mention.day
        : mention.day + (mention.kind === 'week' ? 7 : 1);
    // A lone date in an absence clause ("out on Friday 13 March") is a one-day absence: weaker than
    // an end said as one, so a closure mentioned aside ("closed on 3 April") does not override it.
    const lone = r === 'absent' && mention.from === undefined && mention.kind !== 'end';
    if (lone && mention.day < ctx.today) continue;
    if (lone) absent = absent === undefined ? day : Math.max(absent, day);
    else end = end === undefined ? day : Math.max(end, day);
  }
  const found = back ?? end ?? absent ?? answer;
  return found !== undefined && found >= ctx.today ? found : undefined;
}
