// A third set of invented English replies, written as people write them (a greeting, a few
// sentences, a name), after the first two sets passed. Received on Tuesday 10 March 2026, London.

import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';
import type { ReplyKind } from './classify.js';

const CASES: [ReplyKind, string, string?][] = [
  [
    'unsubscribe',
    "Dana,\n\nThis is the fifth email. I've never heard of your company. Remove my address please.\n\nMark",
  ],
  ['unsubscribe', "Please make this the last email. Take my name off whatever list I'm on."],
  ['unsubscribe', 'Kindly do not send further correspondence to this address.'],
  ['unsubscribe', "We don't accept unsolicited vendor emails. Please delete our details from your system."],
  ['not-interested', "Hi Dana, we've looked at it and it's a no for now and the foreseeable future. Thanks."],
  ['not-interested', "Dana, I'm going to be blunt: we will not be buying a reporting tool."],
  ['not-interested', "Thanks, but reporting is handled and we're happy. No further follow-up needed."],
  ['not-interested', 'We reviewed your proposal and decided not to proceed.'],
  [
    'referral',
    "Hi Dana, Martin Gale handles all our software purchasing - martin.gale@acme.example. I've let him know you might reach out.",
  ],
  ['referral', "You'll have better luck with our finance director, Claire Dunn."],
  [
    'neutral',
    "Hi Dana, I'm not sure I'm the right person but I can't think who else would be. Can you tell me more?",
  ],
  ['neutral', 'What size of companies do you typically work with?'],
  [
    'positive',
    'Hi Dana,\n\nThe overview looks interesting. Could we set up 30 minutes with our controller next week? Tuesday or Thursday afternoon works.\n\nKate',
  ],
  ['positive', 'This might be useful. Can you send a calendar link?'],
  [
    'not-now',
    "Dana, we're mid-way through our audit. Would you mind following up in the second half of April?",
    '2026-04-01',
  ],
  [
    'not-now',
    'Thanks for reaching out. Not the right time for us - maybe reconnect in the autumn?',
    '2026-09-01',
  ],
  [
    'objection',
    "Hi Dana, we're a franchise and each location runs its own books. Not sure a central tool would work for us.",
  ],
  [
    'objection',
    "Our reporting is done by our external accountants as part of their fee, so we'd be paying twice.",
  ],
  ['objection', "Looks slick but we'd need it to support IFRS 16 lease reporting, which most tools don't."],
  [
    'out-of-office',
    "Hi Dana, I'm at a family wedding abroad this week and mostly offline. Back next Monday.",
    '2026-03-16',
  ],
];

describe('classifyReply on English prose', () => {
  it.each(CASES)('%s: %s', (kind, text, until) => {
    const result = classifyReply({
      subject: 'Re: Your monthly reporting',
      text,
      receivedAt: Date.parse('2026-03-10T10:00:00Z'),
      zone: 'Europe/London',
    });
    expect(result.kind).toBe(kind);
    if (until !== undefined) expect(result.until).toBe(until);
  });
});
