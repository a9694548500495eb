import { describe, expect, it } from 'vitest';
import { compile, lowerCase, scanCues } from './cues.js';
import type { Lexicon } from './cues.js';

const LEXICON: Lexicon = {
  language: 'en',
  negators: "not|no|\\p{L}*n't",
  stopwords: ['the'],
  rows: [
    ['unsubscribe', 3, 'remove me'],
    ['positive', 3, 'interested', 'not-interested'],
    ['not-interested', 3, 'not interested', null],
    ['referral', 3, 'talk to \\p{Lu}\\p{L}+'],
    ['positive', 3, "let's talk"],
  ],
};
const compiled = compile(LEXICON);
const scan = (text: string): [string, number, string][] =>
  scanCues(text, lowerCase(text), compiled).map((h) => [h.kind, h.weight, h.phrase]);

describe('scanCues', () => {
  it('matches whole words, as written, with any spacing and either apostrophe', () => {
    expect(scan('Please REMOVE  me.')).toEqual([['unsubscribe', 3, 'REMOVE  me']]);
    expect(scan('Let’s talk')).toEqual([['positive', 3, 'Let’s talk']]);
    expect(scan('Premove mex')).toEqual([]);
  });

  it('drops a negated cue, or counts it, weaker, for the kind its row names', () => {
    expect(scan("Please don't remove me")).toEqual([]);
    expect(scan('We are not really interested')).toEqual([['not-interested', 2, 'interested']]);
    // Both rows speak; weigh.ts counts overlapping cues of one kind once, at the strongest weight.
    expect(scan('Not interested')).toEqual([
      ['not-interested', 2, 'interested'],
      ['not-interested', 3, 'Not interested'],
    ]);
  });

  it('weakens interest followed by "but"', () => {
    expect(scan("Let's talk, but not now")).toEqual([['positive', 1, "Let's talk"]]);
  });

  it('reads rows that ask for a capital letter in the text as written', () => {
    expect(scan('Please talk to Sue.')).toEqual([['referral', 3, 'talk to Sue']]);
    expect(scan('Please TALK to sue.')).toEqual([]);
  });
});
