// The lexicons of the languages replies are read in, compiled once, and the guess of a reply's
// language from its frequent words (used when no cue names it). Trials with a general language
// detector misread Dutch and Italian (MAIL.md); the lexicons' own stop words do better on short mail.

import { compile, stopwordCount } from './cues.js';
import type { CompiledLexicon } from './cues.js';
import { DE } from './cues-de.js';
import { EN } from './cues-en.js';
import { ES } from './cues-es.js';
import { FR } from './cues-fr.js';
import { IT, SV } from './cues-it-sv.js';
import { NL } from './cues-nl.js';
import { PT } from './cues-pt.js';

export const LEXICONS: readonly CompiledLexicon[] = [EN, DE, FR, ES, NL, PT, IT, SV].map(compile);

/** Lower-case words of a text. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
}

const SHORT_TEXT = 15;

/** Languages close enough to share words: a reply in one is also read with the other. */
const SIBLINGS: Record<string, string> = {
  es: 'pt',
  pt: 'es',
  de: 'nl',
  nl: 'de',
  fr: 'it',
  it: 'fr',
  sv: 'nl',
};

/**
 * The lexicons worth reading a text with: the languages whose frequent words it uses (any with at
 * least half the leader's count), their close relatives, and a language the subject named.
 * A short text, or one with no frequent word of any language, is read with all of them.
 */
export function lexiconsFor(text: string, extra?: string): CompiledLexicon[] {
  const ranked = rankLanguages(text);
  const top = ranked[0]?.score ?? 0;
  // A short text has too few words to tell its language, and is cheap to read with every lexicon.
  if (top === 0 || words(text).length < SHORT_TEXT) return [...LEXICONS];
  const chosen = new Set<string>();
  for (const r of ranked) {
    if (r.score === 0 || r.score * 2 < top) continue;
    chosen.add(r.language);
    const sibling = SIBLINGS[r.language];
    if (sibling !== undefined) chosen.add(sibling);
  }
  if (extra !== undefined) chosen.add(extra);
  return LEXICONS.filter((l) => chosen.has(l.language));
}

/** The languages ordered by how many of the text's words are their frequent words (ties: table order). */
export function rankLanguages(text: string): { language: string; score: number }[] {
  const w = words(text);
  return LEXICONS.map((lexicon) => ({ language: lexicon.language, score: stopwordCount(w, lexicon) })).sort(
    (a, b) => b.score - a.score,
  );
}
