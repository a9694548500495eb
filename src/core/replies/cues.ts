// The cue machinery: each language's lexicon is a table of rows (kind, weight, pattern), compiled
// once into one regex per row, and matched against the lower case of the reply's own words. A cue that a
// negation stands right before ("don't unsubscribe me", "not uninterested") is dropped, or counted
// for the kind its row names ("not interested" said of a cue of interest).

import type { ReplyKind } from './classify.js';
import { prefixes } from './prefilter.js';

/**
 * 'auto': the text of an automatic message ("This is an automatic reply"); 'departure': the writer
 * has left the company or the role ("X is no longer with ...", "ya no trabajo en ...").
 */
export type CueKind = ReplyKind | 'auto' | 'departure';

/**
 * A lexicon row: the kind it speaks for, its weight (3 decisive, 2 strong, 1 a hint), the pattern
 * (regex source: a space stands for any run of white space, an apostrophe for ' or ’), and what a
 * negation right before it does: undefined drops the cue, a kind counts it for that kind instead,
 * null ignores negations (the row holds its own, as "not interested" does).
 */
export type CueRow = readonly [CueKind, number, string, (ReplyKind | null)?];

export interface Lexicon {
  language: string;
  rows: readonly CueRow[];
  /** Regex source of the words that negate what follows them. */
  negators: string;
  /** Frequent words of the language, to name it when no cue does. */
  stopwords: readonly string[];
}

export interface Hit {
  kind: CueKind;
  weight: number;
  /** As written in the reply. */
  phrase: string;
  index: number;
  language: string;
  /** A leaning word (lean.ts), not a cue: it says where a reply leans, not what it says. */
  lean?: boolean;
}

interface Pattern {
  kind: CueKind;
  weight: number;
  negated: ReplyKind | null | undefined;
  regex: RegExp;
  /** Rows that ask for a capital letter (a name) read the text as written, the rest its lower case. */
  cased: boolean;
  /** Word keys (the first 2 or 3 letters) one of which a match starts with; undefined: always run. */
  starts: string[] | undefined;
}

export interface CompiledLexicon {
  language: string;
  patterns: Pattern[];
  negator: RegExp;
  stopwords: ReadonlySet<string>;
}

/**
 * A space stands for any run of white space (" ?" for an optional one), an apostrophe for ' ’ or `
 * (outside [...] classes).
 */
function expand(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] as string;
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c === "'" ? "'’`" : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ' ' && source[i + 1] === '?') {
      out += '\\s*';
      i += 1;
    } else out += c === ' ' ? '\\s+' : c === "'" ? "['’`]" : c;
  }
  return out;
}

/** Literal letters made to match either case ([wW]e), so a row with \p{Lu} needs no 'i' flag. */
function caseless(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i] as string;
    if (c === '\\') {
      const property = /^\\[pP]\{[^}]*\}/u.exec(source.slice(i));
      const escape = property?.[0] ?? source.slice(i, i + 2);
      out += escape;
      i += escape.length - 1;
    } else if (c === '[') {
      const end = source.indexOf(']', i + 1);
      out += source.slice(i, end + 1);
      i = end;
    } else if (c === '(' && source[i + 1] === '?') {
      const head = /^\(\?(?:<[=!]|[:=!])/u.exec(source.slice(i))?.[0] ?? '(';
      out += head;
      i += head.length - 1;
    } else {
      const upper = c.toUpperCase();
      out += upper !== c && upper.length === 1 ? `[${c}${upper}]` : c;
    }
  }
  return out;
}

/** The word keys of a row's possible starts; undefined when one of them has no 2-letter word key. */
function wordKeys(starts: string[] | undefined): string[] | undefined {
  const keys = starts?.map((start) => /^[\p{L}\d]+/u.exec(start)?.[0].slice(0, 3) ?? '');
  return keys === undefined || keys.some((key) => key.length < 2) ? undefined : [...new Set(keys)];
}

// One regex per row: V8 runs a very large regex in its bytecode interpreter, several times slower.
export function compile(lexicon: Lexicon): CompiledLexicon {
  const patterns = lexicon.rows.map(([kind, weight, source, given]) => {
    // An absence cue holds its own negation ("nicht im Büro", "pas au bureau").
    const negated = given === undefined && kind === 'out-of-office' ? null : given;
    const cased = source.includes('\\p{Lu}');
    const body = cased ? caseless(expand(source)) : expand(source);
    // 'm': ^ and $ are a line's ends ("No." or "Sure." alone on its line is a whole answer).
    const regex = new RegExp(`(?<![\\p{L}\\d])(?:${body})(?![\\p{L}\\d])`, 'gmu');
    const starts = wordKeys(prefixes(source));
    return { kind, weight, negated, regex, cased, starts };
  });
  return {
    language: lexicon.language,
    patterns,
    negator: new RegExp(`(?<![\\p{L}])(?:${expand(lexicon.negators)})(?![\\p{L}])`, 'u'),
    stopwords: new Set(lexicon.stopwords),
  };
}

/** Lower case of the same length, so that positions in it are positions in the text. */
export function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

const BUT =
  /^[\s,;:!.-]*(?:but|aber|allerdings|jedoch|mais|pero|sin embargo|maar|mas|porém|ma|men)(?!\p{L})/u;

/** Up to three words before a position, within its clause. */
function leadIn(text: string, index: number): string {
  const head = text.slice(Math.max(0, index - 40), index);
  const clauseStart = Math.max(
    ...[',', '.', ';', ':', '!', '?', '\n', '(', '-', '"', '“', '”'].map((c) => head.lastIndexOf(c)),
  );
  return head
    .slice(clauseStart + 1)
    .split(/\s+/u)
    .filter((w) => w !== '')
    .slice(-3)
    .join(' ');
}

/**
 * The first three letters (and the first two) of every word of a text: a cue starts where a word
 * starts, so a row whose possible starts (see prefilter.ts) share no key with the text cannot match.
 */
export function wordStarts(lower: string): Set<string> {
  const keys = new Set<string>();
  for (const word of lower.split(/[^\p{L}\d]+/u)) {
    if (word.length < 2) continue;
    keys.add(word.slice(0, 2));
    keys.add(word.slice(0, 3));
  }
  return keys;
}

/** Every cue of a lexicon in the text (`lower` is lowerCase(text), `keys` wordStarts(lower)). */
export function scanCues(
  text: string,
  lower: string,
  lexicon: CompiledLexicon,
  keys = wordStarts(lower),
): Hit[] {
  const hits: Hit[] = [];
  for (const p of lexicon.patterns) {
    if (p.starts !== undefined && !p.starts.some((start) => keys.has(start))) continue;
    const subject = p.cased ? text : lower;
    p.regex.lastIndex = 0;
    for (let m = p.regex.exec(subject); m !== null; m = p.regex.exec(subject)) {
      if (m[0] === '') {
        p.regex.lastIndex += 1;
        continue;
      }
      let kind: CueKind = p.kind;
      if (p.negated !== null && lexicon.negator.test(leadIn(lower, m.index))) {
        if (p.negated === undefined) continue;
        kind = p.negated;
      }
      // A negated cue of another kind ("isn't keen on") is weaker evidence than the kind's own words,
      // and interest followed by "but" ("Interesting, but ...") is a softener before the real answer.
      const end = m.index + m[0].length;
      const softened = kind === 'positive' && BUT.test(lower.slice(end, end + 16));
      const weight = softened ? 1 : kind === p.kind ? p.weight : Math.min(p.weight, 2);
      const phrase = text.slice(m.index, m.index + m[0].length);
      hits.push({ kind, weight, phrase, index: m.index, language: lexicon.language });
    }
  }
  return hits;
}

/** How many of a text's words are frequent words of a language. */
export function stopwordCount(words: readonly string[], lexicon: CompiledLexicon): number {
  let n = 0;
  for (const w of words) if (lexicon.stopwords.has(w)) n += 1;
  return n;
}
