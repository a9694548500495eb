// Rule 4: the prospect is not right (not serious, goals unclear, price only, poor ICP fit):
// a polite exit message, then stop.

import type { Decision } from '../decision.js';
import { findLast } from '../history.js';
import { reach, stop } from './build.js';
import type { Ctx } from './context.js';
import { responses } from './responses.js';
import { channelFor, targetContact } from './targeting.js';

type Failure = 'serious' | 'goalsClear' | 'priceOnly' | 'icpFit';

const WHY: Record<Failure, string> = {
  serious: 'They are not serious about changing (benchmarking a quote against their incumbent)',
  goalsClear: 'Their goals are unclear',
  priceOnly: 'The conversation stays on price alone despite your effort to show value',
  icpFit: 'They fit your ideal customer profile poorly',
};

function failure(ctx: Ctx): Failure | undefined {
  const { qualification: q, icpFit } = ctx.state.prospect;
  if (q.serious === false) return 'serious';
  if (q.goalsClear === false) return 'goalsClear';
  if (q.priceOnly === true) return 'priceOnly';
  return icpFit === 'poor' ? 'icpFit' : undefined;
}

export function notRight(ctx: Ctx): Decision | undefined {
  const why = failure(ctx);
  if (why === undefined) return undefined;
  const sent = findLast(ctx.h.touches, (t) => t.purpose === 'disqualify');
  if (sent !== undefined) {
    return (
      responses(ctx, sent.seq) ??
      stop(
        ctx,
        'disqualified',
        `${WHY[why]}, and the exit message was sent: stop; your time earns more elsewhere.`,
      )
    );
  }
  const contact = targetContact(ctx);
  if (contact === undefined) return undefined;
  const channel = channelFor(ctx, ctx.playbook.doc.channels.disqualify, contact);
  return reach(ctx, {
    action: 'disqualify',
    rule: 'disqualify',
    reason: `${WHY[why]}: disqualify with a polite exit message, and spend your time where it can win.`,
    contact,
    channel,
    due: ctx.playbook.calendar.moveIntoWindow(contact.timezone, ctx.now),
    template: 'disqualify',
    extras: { reason: ctx.playbook.doc.phrases.disqualify[why] },
  });
}
