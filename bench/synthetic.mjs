// A synthetic organisation for the store benchmark: reps, prospects with one contact each, and a
// believable history of events per prospect, all valid under the decision contract. Deterministic
// for a seed (the simulator's mulberry32, from dist/: run after npm run build), generated lazily so
// that millions of rows never sit in memory at once.

import { seeded } from '../dist/core/simulate/random.js';

export const NOW = Date.parse('2026-03-10T15:00:00Z');
const DAY = 86_400_000;
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
];
const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Liam',
  'Maya',
  'Noah',
];
const LAST = [
  'Lee',
  'Park',
  'Garcia',
  'Okafor',
  'Schmidt',
  'Rossi',
  'Tanaka',
  'Novak',
  'Haddad',
  'Berg',
  'Silva',
  'Khan',
];
const WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
];
const KINDS = ['Labs', 'Logistics', 'Health', 'Foods', 'Systems', 'Partners', 'Analytics', 'Retail'];

export function reps(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} Rep${i}`,
    email: `rep${i}@bench.test`,
    timezone: ZONES[i % ZONES.length],
  }));
}

/** One prospect with its contact and `eventsEach` events, for prospect number `i`. */
export function prospect(i, repCount, eventsEach, seed = 1) {
  const r = seeded(seed * 1_000_003 + i);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const first = pick(FIRST);
  const last = pick(LAST);
  const company = `${pick(WORDS)} ${pick(KINDS)} ${i}`;
  const createdAt = NOW - Math.floor((30 + r() * 150) * DAY);
  const p = {
    id: `bp${i}`,
    name: company,
    owner: `rep${i % repCount}@bench.test`,
    source: pick(['inbound', 'outbound', 'outbound', 'referral', 'event']),
    dealValue: Math.round(2000 + r() * 60000),
    createdAt,
    contact: {
      id: `bc${i}`,
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@customer${i}.test`,
      phone: `+1 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`,
      timezone: ZONES[i % ZONES.length],
    },
    events: [],
  };
  let at = createdAt + Math.floor(r() * DAY);
  const span = (NOW - at) / (eventsEach + 1);
  for (let k = 0; k < eventsEach; k += 1) {
    at += Math.floor(span * (0.5 + r() * 0.5));
    const roll = r();
    const id = `be${i}_${k}`;
    if (roll < 0.45)
      p.events.push({
        id,
        type: 'touch',
        at,
        channel: 'call',
        outcome: pick(['voicemail', 'no-answer', 'voicemail', 'connected']),
      });
    else if (roll < 0.85) p.events.push({ id, type: 'touch', at, channel: 'email', outcome: 'sent' });
    else if (roll < 0.92) p.events.push({ id, type: 'touch', at, channel: 'meeting', outcome: 'held' });
    else
      p.events.push({
        id,
        type: 'response',
        at,
        channel: 'email',
        sentiment: pick(['positive', 'neutral', 'objection', 'not-now']),
      });
  }
  return p;
}
