import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileValidator } from '../validation.js';
import { checkValue, describeRule, ruleAt } from './limits.js';
import { PlaybookDocument } from './schema.js';

const validator = compileValidator(PlaybookDocument);
const base = parse(
  readFileSync(new URL('../../../playbooks/default.yaml', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function withValue(path: readonly string[], value: unknown): unknown {
  const doc = structuredClone(base);
  let node = doc;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return doc;
}

const PATHS: string[][] = [
  ['followUp', 'hardMaximum'],
  ['followUp', 'breakUpWaitDays'],
  ['followUp', 'spacingBusinessDays'],
  ['followUp', 'weeklyCap', 'touches'],
  ['speedToLead', 'withinMinutes'],
  ['speedToLead', 'newForDays'],
  ['speedToLead', 'sources'],
  ['nurture', 'intervalDays'],
  ['calendar', 'days'],
  ['calendar', 'start'],
  ['channels', 'nurture'],
  ['model', 'exploration'],
  ['email', 'dailyCap'],
];

const values = fc.oneof(
  fc.integer({ min: -3, max: 20 }),
  fc.double({ min: -2, max: 20, noNaN: true }),
  fc.constantFrom('08:00', '24:00', '7:5', 'auto', 'email', 'fax', 'inbound', 'lots', undefined),
  fc.array(fc.oneof(fc.integer({ min: -1, max: 9 }), fc.constantFrom('inbound', 'event', 'fax')), {
    maxLength: 4,
  }),
);

describe('the limits of a playbook setting', () => {
  it('come from the schema: a value passes the form exactly when the engine accepts it', () => {
    for (const path of PATHS) {
      const rule = ruleAt(path);
      fc.assert(
        fc.property(values, (value) => {
          const accepted = validator.problem(withValue(path, value)) === undefined;
          expect(checkValue(rule, value) === undefined, `${path.join('.')} = ${JSON.stringify(value)}`).toBe(
            accepted,
          );
        }),
        { numRuns: 300 },
      );
    }
  });

  it('name the allowed range in words', () => {
    expect(describeRule(ruleAt(['followUp', 'hardMaximum']))).toBe('a whole number, at least 1');
    expect(describeRule(ruleAt(['model', 'exploration']))).toBe('a number from 0 to 0.5');
    expect(describeRule(ruleAt(['channels', 'respond']))).toBe('one of auto, email, call, reply');
    expect(describeRule(ruleAt(['calendar', 'start']))).toBe('a time of day like 08:00');
    expect(ruleAt(['speedToLead', 'newForDays']).optional).toBe(true);
    expect(() => ruleAt(['followUp', 'nope'])).toThrow(/no setting followUp.nope/);
  });
});
