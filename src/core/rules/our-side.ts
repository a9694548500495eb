// Rule 3: our side changed (product deprioritized or end-of-life, or no fit after discovery).
// Tell the prospect the honest reason before going silent; then nurture, as they may buy
// something else from us later.

import { DAY } from '../calendar.js';
import type { Decision } from '../decision.js';
import { findLast } from '../history.js';
import { reach } from './build.js';
import type { Ctx } from './context.js';
import { nurture } from './nurture.js';
import { responses } from './responses.js';
import { channelFor, targetContact } from './targeting.js';

function changeOf(ctx: Ctx): 'deprioritized' | 'end-of-life' | 'no-fit' | undefined {
  const { status, fit } = ctx.state.prospect.product;
  if (status === 'deprioritized' || status === 'end-of-life') return status;
  return fit === 'no-fit' ? 'no-fit' : undefined;
}

const WHY = {
  deprioritized: 'We have deprioritized the product they were looking at',
  'end-of-life': 'The product they were looking at is reaching end of life',
  'no-fit': 'Discovery showed our product does not fit their needs',
} as const;

export function ourSideChanged(ctx: Ctx): Decision | undefined {
  const change = changeOf(ctx);
  if (change === undefined) return undefined;
  const closeOut = findLast(ctx.h.touches, (t) => t.purpose === 'close-out');
  if (closeOut !== undefined) {
    return (
      responses(ctx, closeOut.seq) ??
      nurture(ctx, {
        seq: closeOut.seq,
        firstDue: closeOut.at + ctx.playbook.doc.closeOut.nurtureAfterDays * DAY,
        why: 'The close-out message was sent',
      })
    );
  }
  const contact = targetContact(ctx);
  if (contact === undefined) return undefined;
  const channel = channelFor(ctx, ctx.playbook.doc.channels['close-out'], contact);
  return reach(ctx, {
    action: 'close-out',
    rule: 'close-out',
    reason: `${WHY[change]}: tell them the honest reason before going silent, and keep the door open.`,
    contact,
    channel,
    due: ctx.playbook.calendar.moveIntoWindow(contact.timezone, ctx.now),
    template: 'close-out',
    extras: { reason: ctx.playbook.doc.phrases.closeOut[change] },
  });
}
