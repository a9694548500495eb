// Rule 6: commitments the prospect made. Prepare a committed call from the start of the business
// day before it, make it at the agreed time, and hold while a reply-by or other step is ahead.

import type { Decision } from '../decision.js';
import type { CommitmentView } from '../history.js';
import type { Commitment } from '../scenario/state.js';
import { prepare, reach, wait } from './build.js';
import { contactById, isContactable } from './context.js';
import type { Ctx } from './context.js';
import { evaluateTouch } from './numbers.js';
import { channelFor, targetContact } from './targeting.js';
import { day } from './words.js';

function isCall(c: Commitment): boolean {
  return c.kind === 'call' || c.kind === 'meeting';
}

/** A prep note counts for the commitment or any earlier one it rescheduled. */
function prepared(ctx: Ctx, c: Commitment): boolean {
  const chain = new Set<string>([c.id]);
  let current: Commitment | undefined = c;
  while (current?.replaces !== undefined && !chain.has(current.replaces)) {
    chain.add(current.replaces);
    const earlier = ctx.h.events.find((e) => e.id === current?.replaces);
    current = earlier?.type === 'commitment' ? earlier : undefined;
  }
  return ctx.h.preps.some((p) => chain.has(p.commitmentId));
}

function what(c: Commitment): string {
  const kind = c.kind === 'reply-by' ? 'to reply' : c.kind === 'other' ? 'to a next step' : `to a ${c.kind}`;
  return c.description === undefined ? kind : `${kind} (${c.description})`;
}

function committedCall(ctx: Ctx, view: CommitmentView): Decision | undefined {
  const committed = contactById(ctx, view.event.contactId);
  const contact = isContactable(ctx, committed) ? committed : targetContact(ctx);
  if (contact === undefined) return undefined;
  const channel = channelFor(ctx, 'call', contact);
  return reach(ctx, {
    action: 'follow-up',
    rule: 'committed-call',
    reason: `${committed?.name ?? 'They'} committed ${what(view.event)} at this time: call now, as agreed (a scheduled call, not a cold one).`,
    contact,
    channel,
    // A committed call keeps its agreed time, inside a business window or not.
    due: view.due,
    template: 'committed-call',
    extras: { commitment: view.event },
    model: evaluateTouch(ctx, channel).numbers,
  });
}

export function commitments(ctx: Ctx): Decision | undefined {
  const open = ctx.h.commitments.filter((c) => c.status === 'ahead' || c.status === 'due');
  const now = open.find((c) => c.status === 'due');
  if (now !== undefined) return committedCall(ctx, now);

  let hold: { until: number; reason: string } | undefined;
  const holdUntil = (until: number, reason: string) => {
    if (hold === undefined || until < hold.until) hold = { until, reason };
  };
  for (const view of open) {
    const c = view.event;
    const who = contactById(ctx, c.contactId);
    const zone = who?.timezone ?? ctx.state.rep.timezone;
    const name = who?.name ?? 'They';
    if (!isCall(c)) {
      holdUntil(view.due, `${name} committed ${what(c)} by ${day(zone, view.due)}: give them until then.`);
      continue;
    }
    const prepFrom = ctx.playbook.calendar.startOfPreviousBusinessDay(zone, view.due);
    if (ctx.now < prepFrom) {
      holdUntil(
        prepFrom,
        `${name} committed ${what(c)} on ${day(zone, view.due)}: prepare from ${day(zone, prepFrom)}.`,
      );
    } else if (!prepared(ctx, c)) {
      const contact = isContactable(ctx, who) ? who : targetContact(ctx);
      if (contact !== undefined) {
        // Due by the call itself: the prep window is open from the start of the business day before.
        return prepare(
          ctx,
          contact,
          view.due,
          `${name} committed ${what(c)} on ${day(zone, view.due)}: prepare before it (objective, agenda, what you know of their problems and needs). Never wing it.`,
        );
      }
    } else {
      holdUntil(
        view.due,
        `${name} committed ${what(c)} on ${day(zone, view.due)} and you are prepared: wait for it.`,
      );
    }
  }
  return hold === undefined ? undefined : wait(ctx, 'commitment-wait', hold.until, hold.reason);
}
