// A history of people opting in and out, for the do-not-contact property test
// (src/app/suppressions/do-not-contact.property.test.ts): the steps, as fast-check generates them,
// and each person's address and number spelled the several ways people write them.

import fc from 'fast-check';

/** People a run has (few, so that one of them turns up on several records). */
export const PEOPLE = 2;

export type Op =
  | {
      op: 'add';
      via: 'prospect' | 'lead' | 'import' | 'contact';
      person: number;
      spelling: number;
      rep: number;
      at: number;
    }
  | { op: 'touch'; at: number; outcome: 'voicemail' | 'no-answer' | 'sent' }
  | { op: 'respond'; at: number; sentiment: 'positive' | 'not-now' | 'objection' | 'unsubscribe' }
  | { op: 'opt-out'; at: number; how: 'mark' | 'link' | 'import' | 'prospect' }
  | { op: 'mail'; at: number }
  | { op: 'send' }
  | { op: 'advance'; hours: number };

const index = fc.nat(50);
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      via: fc.constantFrom('prospect' as const, 'lead' as const, 'import' as const, 'contact' as const),
      person: fc.nat(PEOPLE - 1),
      spelling: fc.nat(3),
      rep: fc.nat(1),
      at: index,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('touch' as const),
      at: index,
      outcome: fc.constantFrom('voicemail' as const, 'no-answer' as const, 'sent' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('respond' as const),
      at: index,
      sentiment: fc.constantFrom(
        'positive' as const,
        'not-now' as const,
        'objection' as const,
        'unsubscribe' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('opt-out' as const),
      at: index,
      how: fc.constantFrom('mark' as const, 'link' as const, 'import' as const, 'prospect' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('mail' as const), at: index }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('send' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 24 * 9 }) }),
  },
);

/** A person's address and number, spelled one of several ways (the same person each time). */
export function spelled(run: number, person: number, spelling: number) {
  const email = `p${person}.r${run}@acme.test`;
  const local = `7${String(run).padStart(3, '0')} ${person}${person}${person}${person}`;
  const ways = [
    { email, phone: `+44 20 ${local}`, timezone: undefined },
    { email: `  ${email.toUpperCase()} `, phone: `020 ${local}`, timezone: 'Europe/London' },
    { email: email.replace('p', 'P'), phone: `0044 (20) ${local}`, timezone: undefined },
    { email, phone: undefined, timezone: 'Europe/London' },
  ];
  return ways[spelling % ways.length] as {
    email: string;
    phone: string | undefined;
    timezone: string | undefined;
  };
}
