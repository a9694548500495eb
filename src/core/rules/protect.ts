// Rule 1: do not contact. An opted-out contact is never reached; with nobody left, stop.

import type { Decision } from '../decision.js';
import { stop } from './build.js';
import type { Ctx } from './context.js';

export function doNotContact(ctx: Ctx): Decision | undefined {
  const { prospect } = ctx.state;
  if (prospect.doNotContact) {
    return stop(
      ctx,
      'do-not-contact',
      `${prospect.name} is marked do-not-contact: stop, and contact nobody there.`,
    );
  }
  if (ctx.contactable.length === 0) {
    const why = ctx.state.contacts.map((c) =>
      c.doNotContact ? `${c.name} is marked do-not-contact` : `${c.name} unsubscribed`,
    );
    return stop(
      ctx,
      'do-not-contact',
      `${why.join(', ')}: nobody at ${prospect.name} may be contacted, so stop.`,
    );
  }
  return undefined;
}
