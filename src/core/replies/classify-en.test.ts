// Invented English answers (positive, neutral, objection), written apart from the corpus, in the
// many ways people say the same thing. Received on Tuesday 10 March 2026 unless told.

import { describe, expect, it } from 'vitest';
import { classifyReply } from './classify.js';
import type { ReplyKind } from './classify.js';

const QUOTE =
  '\n\nOn Mon, Mar 9, 2026 at 9:00 AM Dana Whitfield <dana@northwind.example> wrote:\n' +
  "> Would a 15-minute call on Thursday work? If now is not the right time, I'll follow up next quarter.\n" +
  "> If you're not interested, just reply no.\n> Unsubscribe: https://northwind.example/u";

interface Extra {
  subject?: string;
  headers?: Record<string, string>;
  zone?: string;
  at?: string;
  /** Put the rep's email, full of other kinds' words, under the reply. */
  quoted?: boolean;
}

function check(kind: ReplyKind, text: string, until?: string | null, extra: Extra = {}): void {
  const result = classifyReply({
    subject: extra.subject ?? 'Re: Your monthly reporting',
    text: extra.quoted === true ? `${text}${QUOTE}` : text,
    headers: extra.headers ?? {},
    receivedAt: Date.parse(extra.at ?? '2026-03-10T10:00:00Z'),
    zone: extra.zone ?? 'Europe/Berlin',
  });
  expect(result.kind, text).toBe(kind);
  if (until !== undefined) expect(result.until ?? null, text).toBe(until);
}

const CASES: [ReplyKind, string, (string | null)?, Extra?][] = [
  ['positive', 'Happy to chat. Does Thursday at 2pm ET work?'],
  ['positive', 'Yes please, send over a few times next week.'],
  ['positive', "This is exactly what we've been looking for. When can you show me a demo?"],
  ['positive', "Sure, let's set something up. I'm free Tuesday morning."],
  ['positive', 'Interested! Can you send pricing for 40 seats and a few slots for a call?'],
  ['positive', 'Go ahead and book 30 minutes with me via my calendar link.'],
  ['positive', "I'd like to learn more. Can we talk tomorrow?"],
  ['positive', "Ok, let's do a call. My assistant will set it up."],
  ['positive', 'Sounds promising. Monday 11am?'],
  ['positive', 'Yep, worth a conversation. Grab a slot here: https://cal.example/me'],
  ['positive', 'Tuesday at 3 works for me, talk then.'],
  ['positive', 'Good timing actually - we are reviewing tools this month. Call me.'],
  ['neutral', 'What is Northwind exactly?'],
  ['neutral', 'Does it integrate with Xero?'],
  ['neutral', "Thanks, I'll pass this along to the team."],
  ['neutral', 'Who gave you my details?'],
  ['neutral', 'Got it, thanks.'],
  ['neutral', 'How much does it cost for a team of 5?'],
  ['neutral', "Can you send me something in writing? I don't take calls with vendors I don't know."],
  ['neutral', "I'm not the right person for this."],
  ['objection', 'Honestly the price is way too high for a company our size.'],
  ['objection', 'We already use Power BI and it does the job.'],
  ['objection', "Our IT team won't approve another SaaS tool without a full security review."],
  ['objection', "I'm not convinced this would save us time. We tried Adaptive and it flopped."],
  ['objection', "We don't have budget for this at the moment."],
  ['objection', "Does it have SOC 2? We can't use anything without it."],
  ['objection', "We're pretty happy with our spreadsheets to be honest."],
  ['positive', 'Not uninterested. Call me Thursday.', undefined, { quoted: true }],
  ['neutral', 'Our CFO handles vendors.', undefined, { quoted: true }],
  [
    'neutral',
    'Jane Doe is no longer with Acme. This mailbox is not monitored.',
    undefined,
    { headers: { 'auto-submitted': 'auto-generated' } },
  ],
  [
    'positive',
    "I'm interested but we're mid-migration to D365, so it has to sit on top of that. If so, let's find a time.",
    undefined,
    { quoted: true },
  ],
  ['objection', 'No budget at the moment, sorry.', undefined, { quoted: true }],
  ['objection', 'Budget is frozen.', undefined, { quoted: true }],
  ['objection', "We'd need a HIPAA BAA before we could even look at this.", undefined, { quoted: true }],
  ['positive', 'Interested. What does pricing look like for 25 users?', undefined, { quoted: true }],
  ['neutral', 'How much is it for 10 users?', undefined, { quoted: true }],
  ['neutral', "The link in your email doesn't work.", undefined, { quoted: true }],
  ['positive', "Tuesday the 17th works, after the 15th I'm free most days.", undefined, { quoted: true }],
  ['positive', 'Keen to see it.', undefined, { zone: 'Europe/London' }],
  ['positive', "Let me know when you're free next week.", undefined, { zone: 'Europe/London' }],
  ['positive', 'I can do 3pm Wednesday.', undefined, { zone: 'Europe/London' }],
  ['positive', 'Put something in my calendar for Friday.', undefined, { zone: 'Europe/London' }],
  ['positive', 'Sounds like it could help. When are you available?', undefined, { zone: 'Europe/London' }],
  ['positive', 'Happy to take a look, set up 20 min.', undefined, { zone: 'Europe/London' }],
  ['positive', 'Would love a walkthrough.', undefined, { zone: 'Europe/London' }],
  ['positive', "Please send the proposal, we're keen to move ahead.", undefined, { zone: 'Europe/London' }],
  [
    'positive',
    "Yes, I'm the right person and we're looking at tools now.",
    undefined,
    { zone: 'Europe/London' },
  ],
  ['neutral', 'Is this a sales email?', undefined, { zone: 'Europe/London' }],
  ['neutral', 'Which company are you with?', undefined, { zone: 'Europe/London' }],
  ['neutral', "I'll have a look when I get a moment.", undefined, { zone: 'Europe/London' }],
  ['neutral', 'Forwarded to our finance team.', undefined, { zone: 'Europe/London' }],
  ['neutral', "What's the pricing model?", undefined, { zone: 'Europe/London' }],
  ['neutral', 'Can you remind me what Northwind does?', undefined, { zone: 'Europe/London' }],
  ['objection', "We're a 10-person firm, this feels like overkill.", undefined, { zone: 'Europe/London' }],
  ['objection', 'Our accountant already handles this for us.', undefined, { zone: 'Europe/London' }],
  ['objection', 'Honestly, the last tool we bought sat unused.', undefined, { zone: 'Europe/London' }],
  [
    'objection',
    "I'd need to see ROI numbers before I could justify anything.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    'Not sure the board would sign off on another subscription.',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['objection', "Our data can't leave Canada. Where is it hosted?", undefined, { zone: 'Europe/London' }],
  [
    'positive',
    'Absolutely - what does your availability look like Thursday?',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['positive', 'Count us in for the webinar and a follow-up call.', undefined, { zone: 'Europe/London' }],
  ['positive', "Yes, let's get something on the calendar.", undefined, { zone: 'Europe/London' }],
  ['positive', "I'm open to a quick call. Friday works.", undefined, { zone: 'Europe/London' }],
  ['positive', 'Great, sending you an invite for Monday at 10.', undefined, { zone: 'Europe/London' }],
  [
    'positive',
    'This could be a fit. Can you walk me through it next week?',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['positive', "We'd like a trial for the finance team.", undefined, { zone: 'Europe/London' }],
  ['neutral', 'Remind me, where did we meet?', undefined, { zone: 'Europe/London' }],
  ['neutral', 'Can you share a customer reference in healthcare?', undefined, { zone: 'Europe/London' }],
  ['neutral', 'Not sure who handles this here, sorry.', undefined, { zone: 'Europe/London' }],
  ['neutral', 'Do you offer a nonprofit discount?', undefined, { zone: 'Europe/London' }],
  [
    'neutral',
    "I'm just the office manager, I'll mention it to the owners.",
    undefined,
    { zone: 'Europe/London' },
  ],
  ['objection', "We're a small shop and the setup effort worries me.", undefined, { zone: 'Europe/London' }],
  [
    'objection',
    'Our ERP vendor already includes reporting, so I struggle to see the need.',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['objection', 'We got burned by a similar tool last year.', undefined, { zone: 'Europe/London' }],
  ['objection', 'The cost would be hard to get approved.', undefined, { zone: 'Europe/London' }],
  [
    'objection',
    'We only have a part-time bookkeeper, nobody to run it.',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['objection', "Our auditors would have to sign off on any new tool, that's usually a deal breaker."],
  ['objection', 'It looks nice but I doubt it handles multi-currency.'],
  ['objection', 'Price is an issue for us.'],
  ['positive', 'Yes - happy to see a demo.'],
  ['positive', 'Could you send some times for next week?'],
  ['positive', 'Sure, 30 mins on Thursday?'],
  ['neutral', 'Who do you usually work with?'],
  ['neutral', 'Is there a free version?'],
];

describe('classifyReply on English answers', () => {
  it.each(CASES)('%s: %s', (kind, text, until, extra) => check(kind, text, until, extra));
});
