// The reply's own words: the text as received, with the quoted original (the reply header "On ...
// wrote:" and its translations, Outlook "From:/Sent:" blocks in every language read, "-----Original
// Message-----", "> " lines), the signature ("-- ", "Sent from my iPhone", a closing such as "Best
// regards" near the end) and a legal disclaimer cut off. What is left is read for cues and shown.

const REPLY_START = /^\s*(?:on|am|le|el|op|em|il(?:\s+giorno)?|den|w\s+dniu|dne)\s/iu;
const REPLY_END =
  /(?:wrote|schrieb|a\s+écrit|a\s+ecrit|escribió|escribio|schreef|escreveu|ha\s+scritto|skrev|napisał)(?!\p{L})[^\n]*:\s*$/iu;
const HEADER_FROM = /^\s*[*>]*\s*(?:from|von|de|van|da|från|fra|od)\s*:\s*\S/iu;
const HEADER_OTHER =
  /^\s*[*>]*\s*(?:sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|envoye|date|à|a|objet|enviado(?:\s+el)?|enviada\s+em|fecha|para|asunto|assunto|verzonden|aan|onderwerp|inviato|data|oggetto|skickat|till|ämne)\s*:/iu;
const SEPARATOR =
  /^\s*(?:-{2,}|_{2,})?\s*(?:original\s+message|ursprüngliche\s+nachricht|originalnachricht|message\s+d['’]origine|mensaje\s+original|oorspronkelijk\s+bericht|origineel\s+bericht|mensagem\s+original|messaggio\s+originale|ursprungligt\s+meddelande|forwarded\s+message|weitergeleitete\s+nachricht|message\s+transféré|mensaje\s+reenviado|doorgestuurd\s+bericht|mensagem\s+encaminhada|messaggio\s+inoltrato|vidarebefordrat\s+meddelande|begin\s+forwarded\s+message|anfang\s+der\s+weitergeleiteten\s+nachricht)\s*:?\s*(?:-{2,}|_{2,})?\s*$/iu;
const RULE_LINE = /^\s*_{8,}\s*$/u;
const SIGNATURE_DASHES = /^--\s?$/u;
const DEVICE =
  /^\s*(?:sent\s+from\s+(?:my|mail|outlook|yahoo|samsung)|sent\s+via|get\s+outlook\s+for|gesendet\s+(?:von|mit)\s+|von\s+meinem\s+\S+(?:\s+\S+)?\s+gesendet|envoyé\s+(?:de|depuis)\s+|obtenir\s+outlook|enviado\s+(?:desde|con|do|a\s+partir\s+do|pelo)\s+|obtener\s+outlook|verzonden\s+(?:vanaf|met|via)\s+|verstuurd\s+(?:vanaf|met)\s+|outlook\s+voor\s+|obter\s+o\s+outlook|inviato\s+da|ottieni\s+outlook|skickat\s+från|hämta\s+outlook)/iu;
const DISCLAIMER =
  /^\s*(?:\**\s*)?(?:confidential(?:ity)?(?:\s+notice)?|disclaimer|this\s+(?:e-?mail|message|communication)(?:\s+and\s+any\s+(?:files|attachments?)[^.]*?)?\s+(?:is|are|may\s+contain|contains?|and\s+its)\b|the\s+information\s+(?:contained\s+)?in\s+this|diese\s+(?:e-?mail|nachricht)\s+(?:enthält|kann|ist)|vertraulichkeitshinweis|ce\s+(?:message|courriel|mail|e-mail)\s+(?:et\s+(?:ses|toutes)\s+[^.]*?)?(?:est|sont|peut|contient)\b|avis\s+de\s+confidentialité|este\s+(?:mensaje|correo)\s+(?:y\s+sus\s+anexos\s+)?(?:es|contiene|puede|va)\b|aviso\s+(?:legal|de\s+confidencialidad)|dit\s+(?:e-?mail)?bericht\s+(?:en\s+eventuele\s+bijlagen\s+)?(?:is|kan|bevat)\b|deze\s+e-?mail\s+(?:is|kan|bevat)\b|esta\s+mensagem\s+(?:e\s+seus\s+anexos\s+)?(?:é|pode|contém)\b|aviso\s+de\s+confidencialidade|questo\s+messaggio|il\s+presente\s+messaggio|detta\s+(?:e-?post)?meddelande)/iu;
/** Words a disclaimer's opening line holds, unlike "This message is to tell you I am away". */
const LEGAL =
  /confiden|privileg|intended|recipient|disclaimer|vertraulich|empfänger|bestimmt|haftung|destinataire|confidentiel|destinatario|vertrouwelijk|geadresseerde|bestemd|destinatário|riservat|konfidentiell|mottagare|notice|avis|aviso|legal/iu;
const CLOSING =
  /^\s*(?:(?:best|kind|warm|many|with\s+best)?\s*(?:regards|wishes)|best|cheers|thanks(?:\s+again)?|thank\s+you|many\s+thanks|sincerely|yours(?:\s+sincerely|\s+truly)?|all\s+the\s+best|talk\s+soon|mit\s+freundlichen\s+grü(?:ß|ss)en|freundliche\s+grü(?:ß|ss)e|viele\s+grü(?:ß|ss)e|beste\s+grü(?:ß|ss)e|liebe\s+grü(?:ß|ss)e|schöne\s+grü(?:ß|ss)e|grü(?:ß|ss)e|lg|mfg|vg|danke|cordialement|bien\s+(?:cordialement|à\s+vous)|salutations|bonne\s+journée|merci(?:\s+d['’]avance)?|saludos(?:\s+cordiales)?|un\s+saludo|atentamente|cordialmente|gracias|met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hartelijke\s+groet(?:en)?|groet(?:en|jes)?|mvg|atenciosamente|abraços?|att\.?|obrigad[oa]|cumprimentos|cordiali\s+saluti|distinti\s+saluti|saluti|grazie|med\s+vänliga\s+hälsningar|vänliga\s+hälsningar|mvh|hälsningar|tack)\s*[,.!]?\s*$/iu;

const isQuoted = (line: string): boolean => /^\s*>/u.test(line);

/** A reply header that may wrap over up to three lines ("On Tue, ... Dana <" / "dana@x> wrote:"). */
function replyHeaderAt(lines: string[], i: number): boolean {
  const first = lines[i] as string;
  for (let k = 0; k < 3 && i + k < lines.length; k += 1) {
    if (k > 0 && (lines[i + k] as string).trim() === '') return false;
    const joined = lines.slice(i, i + k + 1).join(' ');
    if (!REPLY_END.test(joined)) continue;
    return REPLY_START.test(first) || (k === 0 && /@|\d/u.test(joined));
  }
  return false;
}

function outlookHeaderAt(lines: string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i] as string)) return false;
  return lines.slice(i + 1, i + 6).some((l) => HEADER_OTHER.test(l));
}

/** The index of the first line of the quoted original, or lines.length when there is none. */
function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (SEPARATOR.test(line) && /\p{L}/u.test(line)) return i;
    if (replyHeaderAt(lines, i)) return i;
    if (outlookHeaderAt(lines, i)) return i > 0 && RULE_LINE.test(lines[i - 1] as string) ? i - 1 : i;
  }
  return lines.length;
}

function nonEmpty(lines: string[]): number {
  return lines.filter((l) => l.trim() !== '').length;
}

/** A name, a title, a company, a phone number: a few short lines, no sentences. */
function signatureLike(lines: string[]): boolean {
  const rest = lines.filter((l) => l.trim() !== '');
  return rest.length <= 6 && rest.every((l) => l.trim().split(/\s+/u).length <= 8 && !/\?\s*$/u.test(l));
}

/** The index of the first signature or disclaimer line, or lines.length. */
function signatureStart(lines: string[]): number {
  const first = lines.findIndex((l) => l.trim() !== '');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (SIGNATURE_DASHES.test(line) || DEVICE.test(line)) return i;
    if (i > first && DISCLAIMER.test(line) && LEGAL.test(line)) return i;
    // A closing ends the message only when what follows looks like a signature: "Thanks!" may also
    // open a reply.
    if (i > first && CLOSING.test(line) && signatureLike(lines.slice(i + 1))) return i;
  }
  return lines.length;
}

function tidy(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/[ \t]+$/gmu, '')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

/**
 * What an HTML mail leaves behind in its plain text: entities ("&nbsp;"), line-break tags, inline
 * images ("[cid:image001.png@...]", "[image: logo]").
 */
function withoutHtml(text: string): string {
  if (!/[&<[]/u.test(text)) return text;
  return text
    .replace(/&(nbsp|amp|lt|gt|quot|apos|#39);/giu, (_, name: string) => ENTITIES[name.toLowerCase()] ?? ' ')
    .replace(/<br\s*\/?>/giu, '\n')
    .replace(/<\/?(?:p|div|span|b|i|u|strong|em|font)(?:\s[^>]*)?>/giu, '')
    .replace(/\[(?:cid:[^\]\s]*|image:[^\]\n]*)\]/giu, '')
    .replace(/\u00a0/gu, ' ');
}

/** The reply's own words, without the quoted original, the signature and the disclaimer. */
export function ownText(text: string): string {
  const lines = withoutHtml(text).replace(/\r\n?/gu, '\n').split('\n');
  const top = lines.slice(0, quoteStart(lines)).filter((l) => !isQuoted(l));
  let own = top.slice(0, signatureStart(top));
  if (nonEmpty(own) === 0) {
    // Written below the quote (bottom-posting): the unquoted lines after the last quoted one.
    const last = lines.map(isQuoted).lastIndexOf(true);
    const below = last === -1 ? [] : lines.slice(last + 1);
    own = below.slice(0, signatureStart(below));
  }
  return tidy(own);
}
