// Rule 5: the prospect's last response, with no outbound touch after it. Also the nurture that a
// lost deal starts (rule 10), which like a response holds until they speak again.

import { DAY } from '../calendar.js';
import type { Decision } from '../decision.js';
import { lastMeaningfulResponse, touchedSince } from '../history.js';
import type { Response } from '../scenario/state.js';
import { reach, wait } from './build.js';
import { contactById, isContactable } from './context.js';
import type { Ctx } from './context.js';
import { nurture } from './nurture.js';
import { channelFor, targetContact } from './targeting.js';
import { day } from './words.js';

/** An out-of-office reply with nothing sent since holds everything until they are back. */
export function outOfOffice(ctx: Ctx, afterSeq = -1): Decision | undefined {
  const last = ctx.h.responses.at(-1);
  if (
    last === undefined ||
    last.seq <= afterSeq ||
    last.sentiment !== 'out-of-office' ||
    touchedSince(ctx.h, last)
  ) {
    return undefined;
  }
  const back = last.until ?? last.at + ctx.playbook.doc.responses.outOfOfficeWaitDays * DAY;
  if (ctx.now >= back) return undefined;
  const who = contactById(ctx, last.contactId);
  const zone = who?.timezone ?? ctx.state.rep.timezone;
  const name = who?.name ?? 'They';
  const reason =
    last.until === undefined
      ? `${name} is away with no return date: hold off until ${day(zone, back)}, then pick up where you left off.`
      : `${name} is away until ${day(zone, back)}: hold off until then, then pick up where you left off.`;
  return wait(ctx, 'out-of-office', back, reason);
}

function respondTo(ctx: Ctx, r: Response): Decision | undefined {
  const responder = contactById(ctx, r.contactId);
  const contact = isContactable(ctx, responder) ? responder : targetContact(ctx);
  if (contact === undefined) return undefined;
  const due = ctx.playbook.calendar.addBusinessMinutes(
    contact.timezone,
    r.at,
    ctx.playbook.doc.responses.respondWithinBusinessMinutes,
  );
  const channel = channelFor(ctx, ctx.playbook.doc.channels.respond, contact, r);
  const name = responder?.name ?? 'They';
  switch (r.sentiment) {
    case 'referral': {
      const referred = contactById(ctx, r.referredContactId);
      const next = isContactable(ctx, referred) ? `; follow-ups now go to ${referred.name}` : '';
      return reach(ctx, {
        action: 'respond',
        contact,
        channel,
        due,
        rule: 'referral',
        reason: `${name} pointed you to ${referred?.name ?? 'someone else'}: thank them within the hour${next}.`,
        template: 'respond-referral',
        extras: referred === undefined ? {} : { referred },
      });
    }
    case 'objection':
      return reach(ctx, {
        action: 'respond',
        contact,
        channel,
        due,
        rule: 'respond',
        reason: `${name} raised an objection: answer within a business hour, work through it with them (don't pitch), then ask for a commitment.`,
        template: 'respond-objection',
      });
    default:
      return reach(ctx, {
        action: 'respond',
        contact,
        channel,
        due,
        rule: 'respond',
        reason: `${name} replied${r.sentiment === 'positive' ? ' positively' : ''}: answer within a business hour and ask for a commitment to a dated next step.`,
        template: 'respond',
      });
  }
}

/** Answers an unanswered positive, neutral, objection or referral response (after `afterSeq`). */
export function respondToReply(ctx: Ctx, afterSeq = -1): Decision | undefined {
  const r = lastMeaningfulResponse(ctx.h);
  if (r === undefined || r.seq <= afterSeq || touchedSince(ctx.h, r)) return undefined;
  switch (r.sentiment) {
    case 'positive':
    case 'neutral':
    case 'objection':
    case 'referral':
      return respondTo(ctx, r);
    default:
      return undefined;
  }
}

/** Not now, or not interested: nurture, whether or not touches followed, unless they committed since. */
function notNow(ctx: Ctx, afterSeq: number): Decision | undefined {
  const r = lastMeaningfulResponse(ctx.h);
  if (r === undefined || r.seq <= afterSeq) return undefined;
  if (r.sentiment !== 'not-now' && r.sentiment !== 'not-interested') return undefined;
  if (ctx.h.events.some((e) => e.type === 'commitment' && e.seq > r.seq && e.kind !== 'cancelled'))
    return undefined;
  const contact = contactById(ctx, r.contactId);
  const who = contact?.name ?? 'They';
  const d = ctx.playbook.doc.nurture;
  if (r.sentiment === 'not-interested') {
    return nurture(ctx, {
      seq: r.seq,
      firstDue: r.at + d.afterNotInterestedDays * DAY,
      why: `${who} is not interested`,
    });
  }
  if (r.until !== undefined) {
    const zone = contact?.timezone ?? ctx.state.rep.timezone;
    return nurture(ctx, {
      seq: r.seq,
      firstDue: r.until,
      until: r.until,
      why: `${who} said not now, and to talk again from ${day(zone, r.until)}`,
    });
  }
  return nurture(ctx, { seq: r.seq, firstDue: r.at + d.firstTouchDays * DAY, why: `${who} said not now` });
}

/**
 * Rule 5's answers and nurture, for responses after `afterSeq` (rules 3 and 4 apply it to responses
 * after their message). The out-of-office hold is a rule of its own, after the nurture entries.
 */
export function responses(ctx: Ctx, afterSeq = -1): Decision | undefined {
  return respondToReply(ctx, afterSeq) ?? notNow(ctx, afterSeq);
}

/** Rule 10 for a lost deal: nurture until they speak again. */
export function lostDeal(ctx: Ctx): Decision | undefined {
  const deal = ctx.h.deals.at(-1);
  if (deal === undefined || deal.result !== 'lost') return undefined;
  const last = ctx.h.lastConversation;
  if (last !== undefined && last.seq > deal.seq) return undefined;
  return nurture(ctx, {
    seq: deal.seq,
    firstDue: deal.at + ctx.playbook.doc.nurture.afterLostDealDays * DAY,
    why: 'The deal was lost',
  });
}
