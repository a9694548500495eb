// Classifies a prospect's reply to a follow-up email, locally and explainably: the kind (what the
// engine does with it, PLAYBOOK.md rule 5), the phrases that decided it, the return or come-back
// day, whom a referral points to, the language it was read in, and whether a machine wrote it.
// Pure: the time the reply came is a parameter, as is the sender's zone.

import { autoSignal, senderSubject } from './automatic.js';
import { comeBackDay, laterTime } from './come-back.js';
import { lowerCase, scanCues, wordStarts } from './cues.js';
import type { Hit } from './cues.js';
import { formatDay } from '../calendar.js';
import { localDay } from './days.js';
import { LEXICONS, lexiconsFor, rankLanguages } from './lexicons.js';
import { ownText } from './own-text.js';
import { referralTarget } from './referral.js';
import { datedAbsence, returnDay } from './return-date.js';
import { weigh } from './weigh.js';
import type { Weighed } from './weigh.js';
import type { ScanContext } from './date-scan.js';
import { leanHits } from './lean.js';
import { WEEKDAY_NAMES } from './date-words.js';

export type ReplyKind =
  | 'positive'
  | 'neutral'
  | 'objection'
  | 'referral'
  | 'not-now'
  | 'not-interested'
  | 'out-of-office'
  | 'unsubscribe';

export interface ReplyInput {
  subject: string;
  /** The plain-text body as received: it may hold the quoted original, a signature, a disclaimer. */
  text: string;
  /** Lower-case header names: auto-submitted, x-autoreply, precedence, x-auto-response-suppress, ... */
  headers?: Record<string, string>;
  /** When it arrived (epoch ms): relative and year-less dates are read from it. */
  receivedAt: number;
  /** The sender's IANA zone (else UTC): dates are calendar days there. */
  zone?: string;
}

export interface ReplyClass {
  kind: ReplyKind;
  /** 0..1: how sure (a person reviews low ones first). */
  confidence: number;
  /** The phrases of the reply (as written in it) that decided the kind, most decisive first; never from the quoted original. */
  phrases: string[];
  /** out-of-office: the first day they are back; not-now: when to come back (YYYY-MM-DD), when they say. */
  until?: string;
  /** referral: the address (and name) they point to, when given. */
  referral?: { email?: string; name?: string };
  /** The language the decision was read in: en, de, fr, es, nl, pt, ... */
  language: string;
  /** An automatic message (RFC 3834 headers, or an auto-reply's text): never answered automatically. */
  automatic: boolean;
  /** The reply's own words, with the quoted original, signature and disclaimer cut off (what the prospect page shows). */
  ownText: string;
}

const PROPOSAL = new RegExp(
  `(?<!\\p{L})(?:${WEEKDAY_NAMES}|tomorrow|morgen|demain|mañana|amanhã|domani|imorgon)(?!\\p{L})|\\d{1,2}(?:[:.h]\\d{2})?\\s?(?:am|pm|uhr|h|u)(?!\\p{L})`,
  'iu',
);

/** A question the prospect asks is a hint of a neutral reply (a weak one: many replies ask). */
function questions(text: string): Hit[] {
  const out: Hit[] = [];
  for (let q = text.indexOf('?'); q !== -1; q = text.indexOf('?', q + 1)) {
    const start =
      Math.max(
        text.lastIndexOf('.', q - 1),
        text.lastIndexOf('!', q - 1),
        text.lastIndexOf('?', q - 1),
        text.lastIndexOf('\n', q - 1),
      ) + 1;
    const phrase = text.slice(start, q + 1).trim();
    if (phrase.length <= 1) continue;
    // A question that names a day or a time proposes a meeting ("Dienstag um 10 Uhr?", "na quinta às 10h?").
    const proposes = PROPOSAL.test(phrase);
    out.push({
      kind: proposes ? 'positive' : 'neutral',
      weight: proposes ? 2 : 1,
      phrase,
      index: start,
      language: '',
    });
  }
  return out;
}

/**
 * Words of a situation asked about lean half as far as words stated: "is there an on-prem
 * version?" asks about the product, "we need it on-prem" states a constraint. (A question about a
 * demo or a time is itself a request, and keeps its weight.)
 */
function asking(lean: Hit[], questions: Hit[]): Hit[] {
  return lean.map((h) =>
    (h.kind === 'objection' || h.kind === 'out-of-office') &&
    questions.some((q) => h.index >= q.index && h.index < q.index + q.phrase.length)
      ? { ...h, weight: h.weight / 2 }
      : h,
  );
}

function allHits(own: string, lower: string, subject: string, subjectLanguage: string | undefined): Hit[] {
  const hits: Hit[] = [];
  const words = wordStarts(lower);
  for (const lexicon of lexiconsFor(own, subjectLanguage)) hits.push(...scanCues(own, lower, lexicon, words));
  // The sender's own subject ("Unsubscribe", "Remove me") may carry the request alone.
  if (subject !== '') {
    const lowerSubject = lowerCase(subject);
    for (const lexicon of LEXICONS) {
      const found = scanCues(subject, lowerSubject, lexicon).filter((h) => h.kind === 'unsubscribe');
      hits.push(...found.map((h) => ({ ...h, index: -1 })));
    }
  }
  return hits;
}

function languageOf(decisive: Hit[], own: string, fallback: string | undefined): string {
  const cued = decisive.find((h) => h.language !== '')?.language;
  if (cued !== undefined) return cued;
  const ranked = rankLanguages(own)[0];
  return ranked !== undefined && ranked.score > 0 ? ranked.language : (fallback ?? 'en');
}

/** The sentences that hold the given hits: where a come-back time is said. */
function sentencesOf(text: string, hits: Hit[]): string {
  const spans = text.split(/(?<=[.!?\n])\s+/u);
  let offset = 0;
  const picked: string[] = [];
  for (const span of spans) {
    const start = text.indexOf(span, offset);
    const end = start + span.length;
    offset = end;
    if (hits.some((h) => h.index >= start && h.index < end)) picked.push(span);
  }
  return picked.join(' ');
}

/**
 * A time to come, said in a reply no cue decided ("The person who'd own this starts on 15
 * September") or in a yes ("happy to look at it in Q4"), is a "not now": a date two weeks off or
 * more for the first, a month, a quarter or a season four weeks off or more for the second (a yes
 * names meeting days, "Tuesday the 7th", "after the 15th").
 */
function withLaterTime(weighed: Weighed, read: string, ctx: ScanContext): Weighed {
  const open = weighed.kind === 'neutral' && !weighed.decisive;
  if (weighed.automatic || !(open || weighed.kind === 'positive')) return weighed;
  const { period, date } = laterTime(read, ctx, !open);
  const later = open
    ? [period, date].find((t) => t !== undefined && t.day >= ctx.today + 14)
    : period !== undefined && period.day >= ctx.today + 28
      ? period
      : undefined;
  if (later === undefined) return weighed;
  const hit: Hit = {
    kind: 'not-now',
    weight: 2,
    phrase: later.sentence,
    index: read.indexOf(later.sentence),
    language: '',
  };
  return { ...weighed, kind: 'not-now', confidence: 0.35, hits: [hit], decisive: false };
}

/** Replies say what decides them early; a longer own text (a pasted document) is read this far. */
const READ_LIMIT = 4000;

export function classifyReply(input: ReplyInput): ReplyClass {
  const own = ownText(input.text);
  const read = own.length > READ_LIMIT ? own.slice(0, READ_LIMIT) : own;
  const signal = autoSignal(input.subject, input.headers);
  const subject = senderSubject(input.subject);
  const target = referralTarget(read);
  const lower = lowerCase(read);
  const hits = [...allHits(read, lower, subject, signal.subject?.language), ...questions(read)];
  // An address to write to instead is a referral by itself ("finance.systems@..., mention my name").
  if (target?.email !== undefined) {
    hits.push({
      kind: 'referral',
      weight: 3,
      phrase: target.email,
      index: read.indexOf(target.email),
      language: '',
    });
  }
  const ctx = { today: localDay(input.receivedAt, input.zone), monthFirst: false };
  const asked = hits.filter((h) => h.kind === 'neutral' && h.phrase.endsWith('?'));
  let weighed = weigh(hits, signal, target !== undefined, asking(leanHits(read, lower), asked));
  // No decisive cue, but a date the writer is back or away by: a typed absence notice in words the
  // lexicons lack ("Zit deze week op de beurs, ben maandag terug").
  const absence = weighed.decisive || weighed.kind === 'out-of-office' ? undefined : datedAbsence(read, ctx);
  if (absence !== undefined) {
    const hit: Hit = { kind: 'out-of-office', weight: 2, phrase: absence, index: 0, language: '' };
    weighed = { ...weighed, kind: 'out-of-office', confidence: 0.4, hits: [hit] };
  }
  const language = languageOf(weighed.hits, read, signal.subject?.language);
  ctx.monthFirst = language === 'en' && (input.zone ?? '').startsWith('America/');
  weighed = withLaterTime(weighed, read, ctx);
  const { kind } = weighed;
  const result: ReplyClass = {
    kind,
    confidence: weighed.confidence,
    phrases: [
      ...(kind === 'out-of-office' && signal.subject !== undefined ? [signal.subject.phrase.trim()] : []),
      ...weighed.hits.map((h) => h.phrase.trim()),
    ],
    language,
    automatic: weighed.automatic,
    ownText: own,
  };
  if (kind === 'out-of-office') {
    const day = returnDay(read, ctx, language) ?? returnDay(subject, ctx, language);
    if (day !== undefined) result.until = formatDay(day);
  } else if (kind === 'not-now') {
    const said = weighed.hits.filter((h) => h.lean !== true);
    const near = sentencesOf(read, said.length > 0 ? said : weighed.hits);
    const day = comeBackDay(near, ctx) ?? comeBackDay(read, ctx);
    if (day !== undefined) result.until = formatDay(day);
  } else if (kind === 'referral' && target !== undefined) {
    result.referral = target;
  }
  return result;
}
