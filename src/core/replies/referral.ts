// Whom a referral points to: the first e-mail address in the reply's own words, and the person's
// name as written: the name the address belongs to ("Melissa Brooks ... mbrooks@"), else the name
// right before the address ("Tom Carver (tcarver@...)"), else the name after the words that point
// ("talk to Sue Park", "That's Bill Ng", "meine Kollegin Anna Schmidt", "Habla con Pedro Martín").

import { matches } from './matches.js';

export interface Referral {
  email?: string;
  name?: string;
}

// Starts only where a token starts: a long run of letters is not retried at every position.
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
const NAME_WORD = "\\p{Lu}[\\p{Ll}'’-]+";
const PARTICLE = '(?:van der|van den|van|von|de la|de|del|da|dos|das|di|du|le|la|ter|ten)';
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){0,2}`;
const NAMES = new RegExp(NAME, 'gu');
const NAME_BEFORE_EMAIL = new RegExp(
  `(${NAME})\\s*[(<\\[,:.-]?\\s*(?:at\\s+|on\\s+|unter\\s+|à\\s+|en\\s+|em\\s+|op\\s+)?(?:mailto:)?$`,
  'u',
);
const POINTERS =
  /(?<!\p{L})(?:contact(?:ez|er|e|a|ar|eer)?|reach out to|talk to|speak (?:to|with)|ask for|ask|try|want|ping|looping in|loop in|cc'?(?:ing|'d)|copying|copied|adding|that's|that is|that would be|this is|sits with|goes to|lies with|is with|(?:my|our) (?:new )?(?:colleague|controller|manager|director|successor|replacement)|kolleg(?:in|en|e)|herrn?|frau|zuständig ist|wenden sie sich an|collègue|(?:avec|à)|habla con|hable con|contacta con|contacte con|compañer[oa]|colega|contact op met|collega|fale com|é o|é a|entre em contato com|entre em contacto com|contatti|kontakta|kollega|(?:something|one|question|topic|matter|job) for|luck with|introduce you to|falar com(?: o| a)?|fala com|(?:en )?copia a|mit|bij|\+|(?:forwarded|forwarding|passed|passing|sent|sending|direct|redirect|send|forward|address)(?: this| it| them| your \p{L}+)?(?: on| over| along)? to)(?!\p{L})/giu;
/** Capitalised words that are no one's name: greetings, titles, roles, days, months, products. */
const NOT_NAMES = new Set(
  (
    'I We The Our My Please Thanks Thank Hi Hello Hey Dear Best Regards Cheers Ich Wir Sie Bitte Danke Je Nous Merci Bonjour ' +
    'Hola Gracias Por Ik Wij Bedankt Hoi Dag Eu Nós Oi Olá Obrigado Obrigada Head Director Manager VP Chief Officer Leiter ' +
    'Leiterin Directeur Directrice Responsable Jefe Jefa Gerente Directora Hoofd Diretor Diretora Herr Herrn Frau Monsieur ' +
    'Madame Señor Señora Sr Sra Dhr Mevr Mr Mrs Ms Dr CEO CTO CFO COO IT HR Finance Sales Marketing Procurement Purchasing ' +
    'Controlling Controller Team Einkauf Geschäftsführer Monday Tuesday Wednesday Thursday Friday Saturday Sunday January ' +
    'February March April May June July August September October November December LinkedIn Zoom Teams Slack She He They ' +
    'Financial Planning Office Group Department Accounting Treasury Operations Board Business BI ERP CRM SAP Excel'
  ).split(' '),
);

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const parts = name
    .trim()
    .replace(/['’]s$/u, '')
    .split(/\s+/u);
  while (parts.length > 0 && (NOT_NAMES.has(parts[0] as string) || /['’]s$/u.test(parts[0] as string)))
    parts.shift();
  while (parts.length > 0 && NOT_NAMES.has(parts[parts.length - 1] as string)) parts.pop();
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** A name written in the text whose last (or only) word is in the address: "Melissa Brooks" for mbrooks@. */
function nameOfAddress(text: string, email: string): string | undefined {
  const local = fold(email.slice(0, email.indexOf('@')));
  for (const m of matches(NAMES, text)) {
    const name = cleanName(m[0]);
    const last = name?.split(/\s+/u).pop();
    if (name !== undefined && last !== undefined && last.length > 1 && local.includes(fold(last)))
      return name;
  }
  return undefined;
}

/** The first name written within the clause after a word that points. */
function nameAfterPointer(text: string): string | undefined {
  for (const pointer of matches(POINTERS, text)) {
    const from = pointer.index + pointer[0].length;
    const clause = text.slice(from, from + 80).split(/[.!?;\n]/u)[0] as string;
    for (const m of matches(NAMES, clause)) {
      const name = cleanName(m[0]);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

const DEPARTED =
  /^\s+(?:is|has|have|ist|hat|est|a|n['’]est|ya|es|is|heeft|já|não|não\s+está)\s+(?:now\s+|nicht\s+|plus\s+|no\s+|niet\s+)?(?:no\s+longer|left|retired|moved|mehr|verlassen|quitté|partie|trabaja|meer|deixou|trabalha|mais)/iu;
/** Words a company's name follows ("no longer with Reid Dental", "I work at Ooms"), unlike a person's. */
const ORGANISATION =
  /(?:^|\s)(?:with|at|from|of|for|bei|von|für|chez|de|du|pour|en|para|bij|van|voor|na|em|da|do|in)\s+$/iu;
const GREETING =
  /(?:^|\s)(?:hi|hello|hey|dear|hallo|liebe[rs]?|guten\s+tag|bonjour|cher|chère|hola|estimad[oa]|olá|oi|caro|cara|prezad[oa]|hoi|beste|dag|ciao|hej)[\s,]*$/iu;

/**
 * A person's full name written before the words that point ("Felix Brandt would be better placed",
 * "Victor Aldana has my portfolio"): the first name of two words or more that is not the greeting's
 * and not a line of its own (a signature).
 */
function fullName(text: string): string | undefined {
  for (const m of matches(NAMES, text)) {
    const name = cleanName(m[0]);
    if (name === undefined || !name.includes(' ')) continue;
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim();
    const before = text.slice(lineStart, m.index);
    if (GREETING.test(before) || ORGANISATION.test(before) || line === m[0].trim()) continue;
    // "Ashley Reid is no longer with us" names who left, not whom to write to.
    if (DEPARTED.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    return name;
  }
  return undefined;
}

/** The address (and name) the reply points to, if it names one. */
export function referralTarget(text: string): Referral | undefined {
  const first = text.includes('@') ? text.match(EMAIL)?.[0] : undefined;
  const out: Referral = {};
  if (first !== undefined) {
    out.email = first;
    const at = text.indexOf(first);
    out.name =
      nameOfAddress(text, first) ??
      cleanName(NAME_BEFORE_EMAIL.exec(text.slice(Math.max(0, at - 60), at))?.[1]);
  }
  out.name ??= nameAfterPointer(text) ?? fullName(text);
  if (out.name === undefined) delete out.name;
  return out.email === undefined && out.name === undefined ? undefined : out;
}
