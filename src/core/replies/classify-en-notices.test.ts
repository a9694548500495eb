// Invented English notices and refusals (not-now, not-interested, referral, unsubscribe,
// out-of-office), written apart from the corpus. Received on Tuesday 10 March 2026 unless told.

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
  ['not-now', "Not a good time, we're mid-audit. Try me again in April.", '2026-04-01'],
  ['not-now', 'Can you circle back next quarter?', '2026-04-01'],
  ['not-now', "Timing is off for us. Let's revisit in 3 months.", '2026-06-10'],
  ['not-now', "We're in the middle of a merger; reach out after it closes.", null],
  ['not-now', 'Ask me again in the new year.', null],
  ['not-now', 'Please follow up in September.', '2026-09-01'],
  ['not-now', "Busy season for us. Let's reconnect after the summer.", '2026-09-01'],
  ['not-interested', "We're not interested, thanks."],
  ['not-interested', 'No thank you.'],
  ['not-interested', "Thanks but we'll pass."],
  ['not-interested', 'We signed with Fathom last month.'],
  ['not-interested', "This isn't something we need."],
  ['not-interested', 'Please stop following up.'],
  ['not-interested', 'Not a fit for us.'],
  ['referral', 'You should talk to Maria Lopez, our controller (maria.lopez@acme.example).'],
  ['referral', 'Please reach out to our FP&A lead, james@acme.example.'],
  ['referral', "I've forwarded this to Tom Reed, who runs finance."],
  ['unsubscribe', 'Please remove me from your mailing list.'],
  ['unsubscribe', 'Unsubscribe'],
  ['unsubscribe', 'Stop emailing me.'],
  ['unsubscribe', 'Take me off your list please.'],
  ['unsubscribe', 'Do not contact me again.'],
  ['unsubscribe', 'Please delete my personal data under GDPR.'],
  ['out-of-office', "I'm travelling this week with patchy email, back Monday.", '2026-03-16'],
  [
    'out-of-office',
    'Thank you for your message. I am on annual leave until Friday 20 March and will reply on my return.',
    '2026-03-20',
  ],
  [
    'out-of-office',
    'Thank you for your email. I am currently out of the office, returning on Wednesday 18 March. I will have limited access to email.',
    '2026-03-18',
    { subject: 'Automatic reply: Re: x', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'out-of-office',
    'I am out of the office through Friday, March 13th.',
    '2026-03-14',
    { subject: 'Out of Office: x', zone: 'America/Chicago' },
  ],
  [
    'out-of-office',
    'I will be out of the office from 9 March until 20 March inclusive.',
    '2026-03-21',
    { subject: 'Automatic reply', headers: { 'x-autoreply': 'yes' } },
  ],
  [
    'out-of-office',
    'Hi - I am at a conference until Thursday and will reply when I get back.',
    '2026-03-12',
    { subject: 'Re: x' },
  ],
  [
    'out-of-office',
    'I am on parental leave and will not be monitoring this inbox. Please contact finance@acme.example.',
    null,
    { subject: 'Automatic reply', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'out-of-office',
    'Out of office until 3/23. For urgent requests please call 555-0100.',
    '2026-03-23',
    { subject: 'Automatic reply', headers: { 'auto-submitted': 'auto-replied' }, zone: 'America/New_York' },
  ],
  [
    'out-of-office',
    'Our office is closed until Monday, 16 March for the holiday.',
    '2026-03-16',
    { subject: 'Automatic reply', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'out-of-office',
    'I am away until 23/03 with limited email.',
    '2026-03-23',
    { subject: 'Automatic reply', headers: { 'auto-submitted': 'auto-replied' }, zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    'Out of the office today and tomorrow, back Thursday.',
    '2026-03-12',
    { subject: 'Re: x' },
  ],
  [
    'out-of-office',
    'I am out of the office for two weeks and will be back on the 24th.',
    '2026-03-24',
    { subject: 'Automatic reply', headers: { 'auto-submitted': 'auto-replied' } },
  ],
  [
    'out-of-office',
    "Thanks for your note. I'm out until January 5 and will respond when I return.",
    '2027-01-05',
    {
      subject: 'Automatic reply',
      headers: { 'auto-submitted': 'auto-replied' },
      zone: 'America/New_York',
      at: '2026-12-20T15:00:00Z',
    },
  ],
  ['out-of-office', 'OOO until next Monday, will circle back then', '2026-03-16', { subject: 'Re: x' }],
  ['not-interested', 'Please stop.', undefined, { quoted: true }],
  ['unsubscribe', 'Stop emailing me or I will report you as spam.', undefined, { quoted: true }],
  ['not-now', "Don't remove me, just bad timing. Try me in May.", '2026-05-01', { quoted: true }],
  [
    'not-now',
    'Please keep me on your list - not now though, maybe after Q2.',
    '2026-07-01',
    { quoted: true },
  ],
  ['referral', 'Not me - try Rebecca Lane in our Denver office.', undefined, { quoted: true }],
  [
    'referral',
    'Jane Doe has left Acme. Please contact John Roe at john.roe@acme.example instead.',
    undefined,
    { headers: { 'auto-submitted': 'auto-generated' } },
  ],
  ['out-of-office', "I'm on jury duty this week, offline until Monday.", '2026-03-16', { quoted: true }],
  ['unsubscribe', 'Not interested. Please take me off your mailing list.', undefined, { quoted: true }],
  [
    'unsubscribe',
    "I've moved to operations, please remove me; you might try Jacob Lind.",
    undefined,
    { quoted: true },
  ],
  [
    'not-interested',
    'Interesting, but we just signed a two-year agreement with Vantage BI. So this is a no.',
    undefined,
    { quoted: true },
  ],
  ['not-now', 'Budget is frozen until July. Reach out then.', '2026-07-01', { quoted: true }],
  [
    'not-now',
    'We just renewed for 6 months, put me down for six months from now.',
    '2026-09-10',
    { quoted: true },
  ],
  ['not-now', 'Once the acquisition closes we can talk.', null, { quoted: true }],
  ['not-now', 'Maybe later in the year.', null, { quoted: true }],
  ['not-now', 'Can you get back to me after the 15th of April?', '2026-04-16', { quoted: true }],
  ['not-now', "Let's pick this up mid-June.", '2026-06-15', { quoted: true }],
  ['not-now', 'Reach out after November.', '2026-12-01', { quoted: true }],
  ['not-interested', 'We decided to build it ourselves.', undefined, { quoted: true }],
  ['not-interested', "You can stop following up, we're not going to buy.", undefined, { quoted: true }],
  ['not-now', 'Ping me in the autumn.', '2026-09-01', { zone: 'Europe/London' }],
  [
    'not-now',
    "We're heads-down on year-end, can you come back in a month?",
    '2026-04-10',
    { zone: 'Europe/London' },
  ],
  ['not-now', 'Try again after our fiscal year starts in October.', '2026-10-01', { zone: 'Europe/London' }],
  ['not-now', 'Check back in 6 weeks.', '2026-04-21', { zone: 'Europe/London' }],
  ['not-now', 'Not this quarter. Next one maybe.', null, { zone: 'Europe/London' }],
  ['not-interested', "We're good, thanks.", undefined, { zone: 'Europe/London' }],
  ['not-interested', "No need, we're covered.", undefined, { zone: 'Europe/London' }],
  ['not-interested', 'Thanks but no thanks.', undefined, { zone: 'Europe/London' }],
  ['not-interested', "I'll have to decline.", undefined, { zone: 'Europe/London' }],
  ['not-interested', "We're going in a different direction.", undefined, { zone: 'Europe/London' }],
  ['not-interested', "We've chosen another vendor.", undefined, { zone: 'Europe/London' }],
  ['not-interested', 'Not for me.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Please do not contact me about this again.', undefined, { zone: 'Europe/London' }],
  ['referral', 'Try accounts@acme.example.', undefined, { zone: 'Europe/London' }],
  ['referral', 'Best person is our controller, Priya Shah.', undefined, { zone: 'Europe/London' }],
  ['referral', 'Copying Mark Lee, who looks after reporting.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Please unsubscribe me.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Remove.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'I want off this list.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Opt me out.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'STOP', undefined, { zone: 'Europe/London' }],
  [
    'out-of-office',
    'On holiday till the 20th, will reply when back.',
    '2026-03-20',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    'Currently on a plane - will get back to you Monday.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  ['not-now', 'Circle back in Q3 please.', '2026-07-01', { zone: 'Europe/London' }],
  ['not-now', "We're hiring a new CFO; talk to me once they start.", null, { zone: 'Europe/London' }],
  [
    'not-now',
    "Not the right moment, we're in budget planning. Get in touch in 2 months.",
    '2026-05-10',
    { zone: 'Europe/London' },
  ],
  ['not-now', 'Can we revisit this after the 31st of May?', '2026-06-01', { zone: 'Europe/London' }],
  ['not-now', 'Too early for us. Maybe early next year.', null, { zone: 'Europe/London' }],
  ['not-interested', "We don't need this, thanks.", undefined, { zone: 'Europe/London' }],
  [
    'not-interested',
    "Thanks for reaching out but we're not looking to add any new tools.",
    undefined,
    { zone: 'Europe/London' },
  ],
  ['not-interested', "I'm going to pass on this one.", undefined, { zone: 'Europe/London' }],
  [
    'not-interested',
    'We already picked a vendor and signed last week.',
    undefined,
    { zone: 'Europe/London' },
  ],
  ['not-interested', 'No. Thanks.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Please remove my address from all your lists.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'I never signed up for this. Unsubscribe me.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', "Don't email me again.", undefined, { zone: 'Europe/London' }],
  ['referral', 'Our controller Jim Parks owns this. Adding him here.', undefined, { zone: 'Europe/London' }],
  [
    'referral',
    'I no longer handle this - sarah.kim@acme.example does.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    'Auto-reply: I am out of the office until Monday, March 16th.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    'I am away through 3/13/2026 with no email access.',
    '2026-03-14',
    { zone: 'America/New_York' },
  ],
  [
    'out-of-office',
    'I am on leave the week of March 9 and back March 16.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    'Out March 9-13, returning the following Monday.',
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  ['out-of-office', 'I am away until 16th March 2026.', '2026-03-16', { zone: 'Europe/London' }],
  ['out-of-office', 'I am OOO, returning 3/16.', '2026-03-16', { zone: 'America/Denver' }],
  ['out-of-office', 'Away on business until the 18th.', '2026-03-18'],
  ['out-of-office', 'I am currently on maternity leave and will return in September.', '2026-09-01'],
  [
    'out-of-office',
    "Thanks for your email. I'm on vacation with limited access. I'll be back in the office on Wednesday, March 25, 2026.",
    '2026-03-25',
  ],
  ['not-now', 'We are mid-implementation of a new ERP. Please check back in the fall.', '2026-09-01'],
  ['not-now', "Let's park this until after our audit in May.", '2026-05-01'],
  ['not-now', 'Give me a shout in a couple of months.', '2026-05-10'],
  ['not-now', "We won't be looking at this before next year.", null],
  ['not-interested', "We don't have a need for this."],
  ['not-interested', 'Not something we would consider.'],
  ['not-interested', 'We have no plans to change our reporting setup.'],
  ['referral', 'Please speak with Angela Moss in our finance team instead.'],
];

describe('classifyReply on English notices and refusals', () => {
  it.each(CASES)('%s: %s', (kind, text, until, extra) => check(kind, text, until, extra));
});
