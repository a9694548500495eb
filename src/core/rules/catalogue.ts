// Every rule's stable id (a decision's `rule`) with one line on what it decides, in precedence order.

export const RULES = {
  'do-not-contact': 'Rule 1: nobody at the prospect may be contacted (opt-out or do-not-contact): stop.',
  'customer-check-in':
    'Rule 2: a customer or ex-customer is never dropped: a check-in after 90 / 180 days without a touch, else wait.',
  'close-out':
    'Rule 3: our side changed (product deprioritized, end-of-life, or no fit): tell them honestly.',
  disqualify: 'Rule 4: not serious, goals unclear, price only, or poor ICP fit: a polite exit message.',
  disqualified: 'Rule 4: the exit message was sent: stop.',
  respond:
    'Rule 5: answer a positive, neutral or objection reply within a business hour and ask for a commitment.',
  referral: 'Rule 5: thank them for a referral; later touches go to the person they named.',
  'out-of-office': 'Rule 5: they are away: wait until the return date they gave, else 7 days.',
  'commitment-prepare':
    'Rule 6: a committed call or meeting is near: prepare objective and agenda (never wing it).',
  'commitment-wait': 'Rule 6: a commitment is ahead (or the call is prepared): wait for it.',
  'committed-call': 'Rule 6: the committed call is due now: make it at the agreed time.',
  'speed-to-lead': 'Rule 7: a new inbound lead not yet contacted: call within 5 minutes.',
  'schedule-next-step':
    'Rule 8: a conversation ended without a commitment: secure a dated next step by tomorrow.',
  'weekly-cap': 'Rule 9a: no more than 3 touches per contact in 7 days: wait.',
  'break-up-wait': 'Rule 9b: the break-up message was sent: give them 7 days to answer.',
  'hard-maximum': 'Rule 9c: 12 touches unanswered: the next one is the break-up.',
  empathy:
    'Rule 9d: a commitment was missed and 2 touches since went unanswered: an empathy message, no guilt.',
  'multi-thread':
    'Rule 9e: 3 unanswered touches to the primary contact: tell them, then involve their colleagues.',
  'minimum-persistence':
    'Rule 9f: fewer than 5 (reached) or 8 (never reached) unanswered touches: follow up.',
  'cost-benefit':
    "Rule 9g: follow up while the next touch's expected value beats its cost in the rep's time, else break up.",
  exploration:
    'Rule 9g: with a calibrated model, a small share of prospects is followed to the hard maximum, so late touches keep being observed.',
  nurture: 'Rule 10: long-term nurture after a break-up, close-out, lost deal, not-now or not-interested.',
} as const;

export type RuleId = keyof typeof RULES;
