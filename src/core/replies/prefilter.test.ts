import { describe, expect, it } from 'vitest';
import { prefixes } from './prefilter.js';

describe('prefixes', () => {
  it('finds the literal start of every alternative', () => {
    expect(prefixes('not interested|no thanks')).toEqual(['not', 'no']);
    expect(prefixes('unsubscrib(?:e|ed)')).toEqual(['unsubscrib']);
    expect(prefixes('(?:un|dis)interested')).toEqual(['un', 'dis']);
    expect(prefixes('(?<=^|[.!?] )pass(?=[.!]|$)')).toEqual(['pass']);
  });

  it('gives up on a start that is optional, a class, an escape or a single letter', () => {
    expect(prefixes('(?:please )?remove me')).toBeUndefined();
    expect(prefixes('[ab]c')).toBeUndefined();
    expect(prefixes('\\d+ days')).toBeUndefined();
    expect(prefixes('e-?mail')).toBeUndefined();
    expect(prefixes("i'm in|count me in")).toBeUndefined();
    expect(prefixes('ok|')).toBeUndefined();
  });
});
