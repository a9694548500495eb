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
    const who =
      ctx.state.contacts.length === 1 ? (ctx.state.contacts[0]?.name ?? 'The contact') : 'Every contact';
    return stop(ctx, 'do-not-contact', `${who} at ${prospect.name} opted out or may not be contacted: stop.`);
  }
  return undefined;
}
