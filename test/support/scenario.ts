// Test support: compact builders for raw scenarios (the contract's JSON) and a decide() that runs
// them through validation and the engine with the default playbook, as the CLI does.

import { readFileSync } from 'node:fs';
import { decide } from '../../src/core/decide.js';
import type { Decision } from '../../src/core/decision.js';
import { loadPlaybook } from '../../src/core/playbook/load.js';
import type { Playbook } from '../../src/core/playbook/load.js';
import { normalizeScenario } from '../../src/core/scenario/normalize.js';

export const DEFAULT_PLAYBOOK_TEXT = readFileSync(
  new URL('../../playbooks/default.yaml', import.meta.url),
  'utf8',
);
export const DEFAULT_PLAYBOOK = loadPlaybook(DEFAULT_PLAYBOOK_TEXT);

/** A Tuesday, 11:00 in New York (EDT), 09:00 for the rep in Denver (MDT). */
export const NOW = '2026-03-10T15:00:00Z';

export type Json = Record<string, unknown>;

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function contact(id: string, extra: Json = {}): Json {
  return {
    id,
    name: `${id.toUpperCase()} Person`,
    role: 'stakeholder',
    email: `${id}@acme.test`,
    phone: '+1 555 0100',
    timezone: 'America/New_York',
    ...extra,
  };
}

/** A scenario: a prospect at Acme with one primary contact c1, created long ago, no events. */
export function scenario(
  patch: { now?: string; rep?: Json; prospect?: Json; contacts?: Json[]; events?: Json[] } = {},
): Json {
  return {
    now: patch.now ?? NOW,
    rep: {
      id: 'r1',
      name: 'Dana Whitfield',
      company: 'OurCo',
      phone: '+1 555 0199',
      timezone: 'America/Denver',
      hourlyValue: 120,
      ...patch.rep,
    },
    prospect: {
      id: 'p1',
      name: 'Acme Corp',
      relationship: 'prospect',
      source: 'outbound',
      createdAt: '2026-01-05T15:00:00Z',
      dealValue: 24000,
      icpFit: 'fit',
      qualification: { serious: true, goalsClear: true, priceOnly: false },
      product: { status: 'active', fit: 'fit' },
      ...patch.prospect,
    },
    contacts: patch.contacts ?? [contact('c1', { name: 'Peter Lee', role: 'primary' })],
    events: patch.events ?? [],
  };
}

export function touch(at: string, channel: string, outcome: string, extra: Json = {}): Json {
  return { id: nextId('t'), type: 'touch', at, contactId: 'c1', channel, outcome, ...extra };
}

export function response(at: string, sentiment: string, extra: Json = {}): Json {
  return { id: nextId('r'), type: 'response', at, contactId: 'c1', channel: 'email', sentiment, ...extra };
}

export function commitment(at: string, kind: string, due: string | undefined, extra: Json = {}): Json {
  return {
    id: nextId('k'),
    type: 'commitment',
    at,
    contactId: 'c1',
    kind,
    ...(due === undefined ? {} : { due }),
    ...extra,
  };
}

export function prep(at: string, commitmentId: string, extra: Json = {}): Json {
  return {
    id: nextId('p'),
    type: 'prep',
    at,
    commitmentId,
    objective: 'agree scope',
    agenda: ['scope'],
    ...extra,
  };
}

export function deal(at: string, result: 'won' | 'lost'): Json {
  return { id: nextId('d'), type: 'deal', at, result };
}

/** `n` unanswered touches, one every `everyDays` days (alternating email and call) ending before `before`. */
export function silentTouches(n: number, lastAt: string, everyDays = 3, extra: Json = {}): Json[] {
  const end = Date.parse(lastAt);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(end - (n - 1 - i) * everyDays * 86_400_000).toISOString();
    return i % 2 === 0 ? touch(at, 'email', 'sent', extra) : touch(at, 'call', 'voicemail', extra);
  });
}

export function decideRaw(raw: unknown, playbook: Playbook = DEFAULT_PLAYBOOK): Decision {
  return decide(normalizeScenario(raw), playbook);
}
