// A second set of invented English replies of every kind, written apart from the corpus after the
// first, to check that the cues generalise. Received on Tuesday 10 March 2026 unless told.

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
  ['positive', "Hey, thanks for following up. We'd be keen to chat - how's next Tuesday?"],
  ['positive', 'Fine, 20 minutes. Send an invite for Wednesday 9am.'],
  ['positive', 'Go for it, send me the proposal and let me know next steps.'],
  ['positive', "Appreciate the persistence! Let's find 30 min next week."],
  ['positive', 'Yes. Book something with my EA, she manages my diary.'],
  ['neutral', 'Is this for real or another automated sequence?'],
  ['neutral', 'Thanks Dana. Noted.'],
  ['neutral', 'I will review with my team and revert.'],
  ['neutral', 'Can you tell me more about how the NetSuite connector works?'],
  ['neutral', 'Which plan would a 3-person team need?'],
  ['objection', 'We looked at tools like this before; the implementation cost killed it.'],
  ['objection', "Our group mandates Power BI company-wide, so I'd struggle to get anything else through."],
  ['objection', "I'm worried about the time it would take my team to learn another system."],
  ['objection', 'Seems expensive for what it does.'],
  ['objection', "We're a Microsoft shop, anything outside that stack is a hard sell."],
  [
    'not-now',
    'Hold off until after our year-end close in February, then ping me.',
    '2027-02-01',
    { at: '2026-11-10T10:00:00Z' },
  ],
  ['not-now', 'Not now, things are crazy. Maybe in a few months.'],
  ['not-now', 'Check back with me around June.', '2026-06-01'],
  ['not-now', "Let's reconnect in 8 weeks.", '2026-05-05'],
  ['not-now', 'Interested but not until Q4.', '2026-10-01'],
  ['not-interested', 'No interest, thank you.'],
  ['unsubscribe', 'Please take us off your follow-up list, we are not a fit.'],
  ['not-interested', "We're all set on reporting."],
  ['not-interested', 'Not going to move forward. Thanks for your time.'],
  ['not-interested', "We'll stick with what we have."],
  ['referral', "Try Ben Carter, he's our new controller."],
  ['referral', 'Loop in my colleague Dev Patel (dev.patel@acme.example), he owns this.'],
  ['unsubscribe', 'Please remove this email address from your database.'],
  ['unsubscribe', "I'd like to be removed from all future emails."],
  ['unsubscribe', 'Cease and desist. Do not email this address again.'],
  [
    'out-of-office',
    'Hi, I am on a training course all week and will pick up emails on Monday.',
    '2026-03-16',
  ],
  ['out-of-office', "I'm offline until Wednesday 18 March for a family emergency.", '2026-03-18'],
  ['out-of-office', 'Please note I am out of the office on Friday 13 March.', '2026-03-14'],
  [
    'positive',
    "Hi Dana,\n\nThanks for the nudge. We've been talking internally about exactly this problem. Could you do a short intro call with me and our controller sometime next week? Mornings are best.\n\nRegards,\nPaul",
  ],
  [
    'positive',
    "Dana - your timing is good. Our auditor just flagged our month-end process. I'd like to see how this works with Sage 50. Friday afternoon?\n\nMeg",
  ],
  [
    'positive',
    'Hi,\n\nYes, I remember you from the trade show. Happy to continue the conversation. What does your availability look like on the 19th?\n\nThanks\nOmar',
  ],
  ['positive', "OK you've got my interest. Send me a link to book and I'll grab a slot.\n\nJ."],
  [
    'neutral',
    'Hi Dana, thanks for your email. Could you clarify whether Northwind replaces our existing BI tool or sits alongside it?\n\nBest,\nAnita',
  ],
  [
    'neutral',
    "Hello,\n\nI'll share this with our finance director and come back to you if there's interest.\n\nKind regards\nLouise",
  ],
  [
    'neutral',
    "Dana,\nWhat exactly does 'no migration' mean here? We have data in three places.\nRegards, Tom",
  ],
  [
    'objection',
    "Hi Dana,\n\nI appreciate the follow-up. Honestly, our volumes are small and I'm not convinced a dedicated reporting tool pays for itself at our size.\n\nCheers,\nDave",
  ],
  [
    'objection',
    "Hi Dana\n\nWe're a public sector body so anything we buy has to go through a formal tender. I can't just sign up for a trial.\n\nRegards\nHelen",
  ],
  [
    'objection',
    'Dana,\n\nThe last vendor promised the same and we spent six months cleaning up their mess. Why would this be any different?\n\nMike',
  ],
  [
    'objection',
    'We have a shared services team in Manila that produces all of our reports. Not sure where this would fit.\n\nRaj',
  ],
  [
    'not-now',
    "Hi Dana,\n\nThanks, but we're in the middle of an office move and I can't think about anything else until that's done. Can you try me again in May?\n\nSue",
    '2026-05-01',
    { zone: 'Europe/London' },
  ],
  [
    'not-now',
    "Dana, it's a bit early for us. We're looking at budgets for next year in October - reach out then.\n\nCarl",
    '2026-10-01',
    { zone: 'Europe/London' },
  ],
  [
    'not-now',
    'Hi there,\n\nNot a priority this quarter. Feel free to follow up next quarter.\n\nBest,\nRob',
    '2026-04-01',
    { zone: 'Europe/London' },
  ],
  [
    'not-interested',
    "Hi Dana,\n\nThank you for thinking of us, but we won't be going ahead with this.\n\nKind regards,\nPat",
  ],
  [
    'not-interested',
    "Dana,\n\nWe already went through an evaluation last year and chose Fathom. We're not reopening that.\n\nGreg",
  ],
  [
    'not-interested',
    "Hello,\n\nI don't think this is a fit for us at all. Please close out our file.\n\nThanks,\nAnn",
  ],
  ['not-interested', "Dana - we're not in the market for this. Best of luck.\n\nEd"],
  [
    'referral',
    'Hi Dana,\n\nI look after AP only. You want Karen Wells, our Head of Finance - karen.wells@acme.example.\n\nThanks,\nBill',
  ],
  ['referral', 'Dana,\n\nRoss is the person you want; he runs FP&A. ross@acme.example\n\nJen'],
  ['unsubscribe', "Hi,\n\nPlease remove me from this sequence, I'm not the right audience.\n\nThanks"],
  ['unsubscribe', 'I have asked twice now. Take me off your list.'],
  [
    'out-of-office',
    'Thank you for your message.\n\nI am currently on annual leave, returning on Monday 23 March 2026. During my absence please contact accounts@acme.example.\n\nKind regards,\nLiam',
    '2026-03-23',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    "Hello,\n\nI'm out of the office until Thursday 12th March with no access to emails. I'll respond as soon as I can on my return.\n\nBest,\nNia",
    '2026-03-12',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    "Hi,\n\nI'm away from the office from 10th to 17th March inclusive.\n\nRegards,\nSam",
    '2026-03-18',
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "Dana - the board approved a freeze on new software spend after Q1 results. I couldn't get this signed even if I wanted to.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    'Our parent company in Germany controls the IT stack. Anything new needs their sign-off and that takes forever.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "I had a look at your site. It seems built for much bigger finance teams than ours (it's me and a part-timer).",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "Frankly we've been burned by 'quick wins' before. I'd want references from three customers our size first.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    'We need everything hosted in Canada for compliance reasons. Is that something you can do?',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "Our consolidation happens in an Excel model our CFO built and he's very protective of it.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "At $1,200 a month it's more than our whole accounting software. Hard to see the value.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    "We just don't have anyone who could own another system.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'objection',
    'My concern is data security. We hold patient data and our DPO would need to review everything.',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    "Hi Dana, I'm on holiday in Portugal until the 23rd, will pick this up when I'm back.",
    '2026-03-23',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    "Quick note - I'm at our sales conference all this week, so responses will be slow. Back to normal Monday.",
    '2026-03-16',
    { zone: 'Europe/London' },
  ],
  [
    'out-of-office',
    "Hi, I'm off on paternity leave until 6 April. Please contact my manager in the meantime.",
    '2026-04-06',
    { zone: 'Europe/London' },
  ],
  [
    'referral',
    "Hi Dana, that's not my area - try Grace Obi, she's our financial controller.",
    undefined,
    { zone: 'Europe/London' },
  ],
  ['referral', 'Please direct this to Ahmed Khan in procurement.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Please unsubscribe me from all Northwind emails.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Remove me please. Not interested.', undefined, { zone: 'Europe/London' }],
  ['unsubscribe', 'Please stop sending these emails to me.', undefined, { zone: 'Europe/London' }],
  [
    'unsubscribe',
    "Under GDPR I'm requesting you delete my contact details and stop contacting me.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'neutral',
    'Hi Dana, is this the same product my colleague mentioned at the conference?',
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'neutral',
    "I'm on the operations side, someone in finance might be a better contact.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'positive',
    "Hi Dana, my apologies for the slow reply. Yes, let's talk - I can do Tuesday or Wednesday afternoon.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'not-interested',
    "Hi Dana, I've passed this around and the consensus is it's not for us. Thanks anyway.",
    undefined,
    { zone: 'Europe/London' },
  ],
  [
    'not-now',
    "We're hiring a new controller in April. Please reach out once they're settled in, maybe June.",
    '2026-06-01',
    { zone: 'Europe/London' },
  ],
];

describe('classifyReply on more English replies', () => {
  it.each(CASES)('%s: %s', (kind, text, until, extra) => check(kind, text, until, extra));
});
