// The safety net under the cues: words that lean towards a kind without deciding it ("budget",
// "expensive", "procurement" lean objection; "vacation", "offline" out-of-office; "remove", "list"
// unsubscribe). People often describe their situation instead of using a stock phrase, so when no
// cue decides, these words still say where a reply leans. Each language's vocabulary is a few
// weighted rows (lean-*.ts); a word is looked up by its stem in one map, so the whole net is one
// pass over the reply's words, whatever the size of the vocabularies.

import type { CueKind, Hit } from './cues.js';
import type { ReplyKind } from './classify.js';
import { LEAN_EN } from './lean-en.js';
import { LEAN_DE, LEAN_FR } from './lean-de-fr.js';
import { LEAN_ES, LEAN_PT } from './lean-es-pt.js';
import { LEAN_IT, LEAN_NL, LEAN_SV } from './lean-nl-it-sv.js';

/**
 * A vocabulary row: the kind, the weight (2 a clear lean, 1 a hint) and the words, separated by
 * spaces: "expens*" is a stem (any word starting so), "it" a whole word, "limited_access" a phrase
 * (its last word may be a stem too). What a negation right before does ("no budget" still leans
 * objection, "not available" no longer leans positive) is the kind's own rule, in NEGATED below,
 * unless the row says: 'keep', 'drop', or the kind a negated word leans to instead.
 */
export type LeanRow = readonly [CueKind, number, string, Negation?];
type Negation = 'keep' | 'drop' | ReplyKind;

interface Entry {
  kind: CueKind;
  weight: number;
  /** The words after the first one, for a phrase; a trailing '*' marks a stem. */
  rest: string[];
  language: string;
  negated: Negation;
}

/** A negated word of interest leans the other way; a negated absence word says nothing. */
const NEGATED: Partial<Record<CueKind, Negation>> = {
  positive: 'not-interested',
  'out-of-office': 'drop',
  referral: 'drop',
};

const NEGATORS = new Set(
  (
    "not no never nor don't dont doesn't isn't aren't won't wouldn't can't cannot didn't haven't hasn't " +
    "nicht kein keine keinen keiner nie niemals pas jamais aucun aucune ne n' nunca ni nada " +
    'niet geen nooit não nao nem nunca non mai inte ej aldrig ingen'
  ).split(' '),
);

const exact = new Map<string, Entry[]>();
const stems = new Map<string, Entry[]>();
let longestStem = 0;

function add(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

const VOCABULARIES: readonly (readonly [string, readonly LeanRow[]])[] = [
  ['en', LEAN_EN],
  ['de', LEAN_DE],
  ['fr', LEAN_FR],
  ['es', LEAN_ES],
  ['pt', LEAN_PT],
  ['nl', LEAN_NL],
  ['it', LEAN_IT],
  ['sv', LEAN_SV],
];

for (const [language, rows] of VOCABULARIES) {
  for (const [kind, weight, words, negation] of rows) {
    const negated = negation ?? NEGATED[kind] ?? 'keep';
    for (const word of words.split(/\s+/u).filter((w) => w !== '')) {
      const [first, ...rest] = word.split('_') as [string, ...string[]];
      const entry: Entry = { kind, weight, rest, language, negated };
      if (first.endsWith('*')) {
        const stem = first.slice(0, -1);
        add(stems, stem, entry);
        longestStem = Math.max(longestStem, stem.length);
      } else add(exact, first, entry);
    }
  }
}

const WORD = /[\p{L}\d]+(?:['’-][\p{L}\d]+)*'?/gu;

interface Token {
  word: string;
  index: number;
  end: number;
}

function tokens(lower: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m !== null; m = WORD.exec(lower)) {
    out.push({ word: m[0].replace(/’/gu, "'"), index: m.index, end: m.index + m[0].length });
  }
  return out;
}

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;

/** The entries whose words start at token i, with the index of their last token. */
function entriesAt(list: Token[], i: number): { entry: Entry; last: number }[] {
  const word = (list[i] as Token).word;
  const found: Entry[] = [...(exact.get(word) ?? [])];
  for (let k = Math.min(word.length, longestStem); k >= 2; k -= 1) {
    const hit = stems.get(word.slice(0, k));
    if (hit !== undefined) found.push(...hit);
  }
  const out: { entry: Entry; last: number }[] = [];
  for (const entry of found) {
    const last = i + entry.rest.length;
    if (last >= list.length) continue;
    if (entry.rest.every((pattern, k) => wordMatches(pattern, (list[i + 1 + k] as Token).word)))
      out.push({ entry, last });
  }
  return out;
}

function negatedAt(list: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 2); k < i; k += 1) if (NEGATORS.has((list[k] as Token).word)) return true;
  return false;
}

/**
 * The leaning words of a text (`lower` is its lower case, of the same length), each counted once
 * per kind: a reply that says "budget" three times leans no further than one that says it once.
 */
export function leanHits(text: string, lower: string): Hit[] {
  const list = tokens(lower);
  const seen = new Map<string, Hit>();
  for (let i = 0; i < list.length; i += 1) {
    for (const { entry, last } of entriesAt(list, i)) {
      let kind: CueKind = entry.kind;
      let weight = entry.weight;
      if (entry.negated !== 'keep' && negatedAt(list, i)) {
        if (entry.negated === 'drop') continue;
        // "Not keen" leans to a no, less far than a no says it.
        kind = entry.negated;
        weight /= 2;
      }
      const start = (list[i] as Token).index;
      const phrase = text.slice(start, (list[last] as Token).end);
      const key = `${kind} ${phrase.toLowerCase()}`;
      // The same word in two vocabularies ("accountant*" in English and Dutch) counts once, at its most.
      const same = seen.get(key);
      if (same !== undefined) {
        same.weight = Math.max(same.weight, weight);
        continue;
      }
      seen.set(key, { kind, weight, phrase, index: start, language: entry.language, lean: true });
    }
  }
  return [...seen.values()];
}
