// Every worked example of shared/scenarios (copied into test/fixtures/scenarios) decides as expected,
// matched as the shared check-scenarios tool matches them.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideRaw } from '../../test/support/scenario.js';

const DIR = new URL('../../test/fixtures/scenarios/', import.meta.url);

type Expected = Record<string, unknown>;

function mismatches(expected: Expected, got: Record<string, unknown>, path = ''): string[] {
  const out: string[] = [];
  for (const [key, want] of Object.entries(expected)) {
    const at = `${path}${key}`;
    const value = got[key];
    if (key === 'actionOneOf') {
      if (!(want as string[]).includes(got.action as string))
        out.push(`action ${String(got.action)} not in ${String(want)}`);
    } else if (key === 'notAction') {
      if (got.action === want) out.push(`action must not be ${String(want)}`);
    } else if (key === 'diagnosisNonEmpty') {
      if (!Array.isArray(got.diagnosis) || got.diagnosis.length === 0) out.push('diagnosis is empty');
    } else if (key === 'due' && typeof want === 'object' && want !== null && 'after' in want) {
      const { after, before } = want as { after: string; before: string };
      const due = Date.parse(String(value));
      if (!(due >= Date.parse(after) && due <= Date.parse(before)))
        out.push(`due ${String(value)} outside [${after}, ${before}]`);
    } else if (typeof want === 'object' && want !== null) {
      if (typeof value !== 'object' || value === null) out.push(`${at} missing`);
      else out.push(...mismatches(want as Expected, value as Record<string, unknown>, `${at}.`));
    } else if (value !== want) {
      out.push(`${at}: expected ${JSON.stringify(want)}, got ${JSON.stringify(value)}`);
    }
  }
  return out;
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

describe('worked scenarios', () => {
  it('are all present', () => {
    expect(names.length).toBeGreaterThanOrEqual(17);
  });

  it.each(names)('%s decides as expected', (name) => {
    const scenario = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as unknown;
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected;
    const decision = decideRaw(scenario) as unknown as Record<string, unknown>;
    expect(mismatches(expected, decision)).toEqual([]);
  });
});
