import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from './catalogue.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const rows = new Map([...readme.matchAll(/^\|\s*`([a-z-]+)`\s*\|\s*(.*?)\s*\|$/gm)].map((m) => [m[1], m[2]]));

describe('the rule catalogue', () => {
  it('lists every rule id in the README, with its line', () => {
    for (const [id, line] of Object.entries(RULES)) expect(rows.get(id)).toBe(line);
  });

  it('has no README rule row that the engine does not know', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(RULES).sort());
  });
});
