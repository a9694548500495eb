// A decision's row keeps in its `decision` text only the fields its columns do not hold (the
// message, the model's numbers, the diagnosis) and gives back, on read, the decision as the engine
// wrote it: the same fields, the same values and the same order, so the same JSON.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../../../test/support/arbitraries.js';
import { decideRaw } from '../../../test/support/scenario.js';
import type { Decision } from '../../core/decision.js';
import { decisionOfRow, decisionRow } from '../../store/repositories/decisions.repository.js';
import { toStored } from './decisions.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

const rowOf = (d: Decision) =>
  decisionRow(toStored({ id: d.prospectId, orgId: 'org', ownerId: 'rep', snoozedUntil: null }, d, NOW));

describe("a decision's row", () => {
  it('keeps only what its columns do not hold, and reads back as the engine wrote it', () => {
    const actions = new Set<string>();
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const d = decideRaw(raw);
        actions.add(d.action);
        const row = rowOf(d);
        const text = JSON.parse(row.decision) as Record<string, unknown>;
        for (const key of ['prospectId', 'action', 'rule', 'reason', 'due', 'contactId', 'playbookVersion'])
          expect(text).not.toHaveProperty(key);
        expect(JSON.stringify(decisionOfRow(row))).toBe(JSON.stringify(d));
      }),
      { seed: 42, numRuns: 500 },
    );
    // The generated histories reach most actions, waits, stops and drafted messages among them.
    expect(actions.size).toBeGreaterThanOrEqual(8);
  }, 60_000);

  it('is kept whole when its columns could not give it back as it was, and reads back exactly', () => {
    const d: Decision = {
      prospectId: 'p1',
      action: 'follow-up',
      rule: 'follow-up',
      reason: 'Silent after two touches.',
      activeList: true,
      playbookVersion: 'default@1',
      modelVersion: 'prior',
      contactId: 'c1',
      channel: 'email',
      due: '2026-03-11T09:00:00Z',
      message: { template: 'follow-up', subject: 'Hello', body: 'Hi Ana,' },
    };
    const reordered = { message: d.message, ...d } as Decision;
    const withMillis = { ...d, due: '2026-03-11T09:00:00.000Z' };
    for (const whole of [reordered, withMillis]) {
      const row = rowOf(whole);
      expect(JSON.parse(row.decision)).toEqual(whole);
      expect(JSON.stringify(decisionOfRow(row))).toBe(JSON.stringify(whole));
    }
    expect(JSON.parse(rowOf(d).decision)).toEqual({ message: d.message });
  });

  it('reads a decision written whole before its fields moved to the columns as it was written', () => {
    const d = decideRaw({
      now: '2026-03-10T15:00:00Z',
      rep: { id: 'rep', timezone: 'UTC' },
      prospect: { id: 'p1', name: 'Acme', relationship: 'prospect', createdAt: '2026-03-01T09:00:00Z' },
      contacts: [{ id: 'c1', name: 'Ana', role: 'primary', email: 'ana@acme.test', timezone: 'UTC' }],
      events: [],
    });
    const row = { ...rowOf(d), decision: JSON.stringify(d) };
    expect(JSON.stringify(decisionOfRow(row))).toBe(JSON.stringify(d));
  });
});
