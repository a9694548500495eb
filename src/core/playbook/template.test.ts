// Rendering is concatenation plus a check at each join (literals are tidied when the playbook is
// compiled): it must give exactly what the plain definition gives, tidy() of the concatenation by
// three regular expressions and a trim, for any template and any values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_VARIABLES, compileText, firstWord, renderText, tidy, wordCount } from './template.js';
import type { CompiledText, TemplateValues, TemplateVariable } from './template.js';

const RUNS = { seed: 14, numRuns: 5000 };

/** The definition: what rendering gave when it was written out plainly. */
function tidyByDefinition(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.!?])/g, '$1')
    .replace(/ +\n/g, '\n')
    .trim();
}

/** Text made of what tidying reads: blanks, punctuation, line ends, other white space, letters. */
const textArb = fc
  .array(
    fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\r', ',', '.', '!', '?', 'a', 'Bo', '\u00a0', '\u2003'),
    {
      maxLength: 12,
    },
  )
  .map((chars) => chars.join(''));

const variableArb = fc.constantFrom(...TEMPLATE_VARIABLES.slice(0, 5));

type Piece =
  | { literal: string }
  | { slot: TemplateVariable; fallback?: string }
  | { section: TemplateVariable; pieces: Piece[] };

const literalArb = textArb.filter((t) => t !== '').map((literal): Piece => ({ literal }));
const slotArb = fc
  .record({ slot: variableArb, fallback: fc.option(textArb, { nil: undefined }) })
  .map((s): Piece => (s.fallback === undefined ? { slot: s.slot } : s));
const flatArb = fc.array(fc.oneof(literalArb, slotArb), { maxLength: 6 });
const templateArb = fc.array(
  fc.oneof(
    literalArb,
    slotArb,
    fc.record({ section: variableArb, pieces: flatArb }).map((s): Piece => s),
  ),
  { maxLength: 8 },
);
const valuesArb = fc.dictionary(variableArb, textArb) as fc.Arbitrary<TemplateValues>;

function source(pieces: Piece[]): string {
  return pieces
    .map((p) => {
      if ('literal' in p) return p.literal;
      if ('slot' in p) return p.fallback === undefined ? `{{${p.slot}}}` : `{{${p.slot}|${p.fallback}}}`;
      return `{{#${p.section}}}${source(p.pieces)}{{/${p.section}}}`;
    })
    .join('');
}

/** The plain concatenation: a slot's value, else its trimmed fallback; a section when its variable has a value. */
function concatenation(pieces: Piece[], values: TemplateValues): string {
  return pieces
    .map((p) => {
      if ('literal' in p) return p.literal;
      if ('slot' in p) {
        const value = values[p.slot];
        return value !== undefined && value !== '' ? value : (p.fallback ?? '').trim();
      }
      const on = values[p.section];
      return on !== undefined && on !== '' ? concatenation(p.pieces, values) : '';
    })
    .join('');
}

describe('templates', () => {
  it('tidy text exactly as the definition does', () => {
    fc.assert(
      fc.property(textArb, textArb, textArb, (a, b, c) => {
        const text = `${a}x${b}y${c}`;
        expect(tidy(text)).toBe(tidyByDefinition(text));
      }),
      RUNS,
    );
  });

  it('render exactly as tidying the plain concatenation does, whatever the template and the values', () => {
    fc.assert(
      fc.property(templateArb, valuesArb, (pieces, values) => {
        const compiled = compileText(source(pieces));
        expect('error' in compiled).toBe(false);
        const expected = tidyByDefinition(concatenation(pieces, values));
        expect(renderText(compiled as CompiledText, values)).toBe(expected);
      }),
      RUNS,
    );
  });

  it('count and pick words as splitting on white space does', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const text = `${a}word${b}`;
        expect(wordCount(text)).toBe(text.split(/\s+/).length);
        expect(wordCount(a)).toBe(a.split(/\s+/).length);
        expect(firstWord(text)).toBe(text.trim().split(/\s+/)[0]);
        expect(firstWord(a)).toBe(a.trim().split(/\s+/)[0]);
      }),
      RUNS,
    );
    expect(firstWord(undefined)).toBeUndefined();
  });

  it('name what is wrong with a template', () => {
    expect(compileText('Hi {{nobody}}')).toEqual({ error: 'unknown variable {{nobody}}' });
    expect(compileText('{{#topic}}a')).toEqual({ error: '{{#topic}} is never closed' });
    expect(compileText('a{{/topic}}')).toEqual({ error: '{{/topic}} closes nothing' });
  });
});
