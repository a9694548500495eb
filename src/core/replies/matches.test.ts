import { describe, expect, it } from 'vitest';
import { matches } from './matches.js';

describe('matches', () => {
  it('gives every match in order, from the start each time', () => {
    const digits = /\d+/g;
    expect([...matches(digits, 'a1 b22 c333')].map((m) => m[0])).toEqual(['1', '22', '333']);
    expect([...matches(digits, 'x9')].map((m) => m.index)).toEqual([1]);
  });

  it('steps over empty matches and survives the same regex used in between', () => {
    expect([...matches(/x*/g, 'ab')].length).toBe(3);
    const words = /\p{L}+/gu;
    const seen: string[] = [];
    for (const m of matches(words, 'one two')) {
      seen.push(m[0]);
      expect([...matches(words, 'inner text')]).toHaveLength(2);
    }
    expect(seen).toEqual(['one', 'two']);
  });
});
