// Unsubscribing from a rep's emails: every email carries a link (RFC 8058 one-click, and a page for
// people) signed with PURSUIT_SECRET_KEY, so it cannot be forged or guessed; following it makes the
// contact do-not-contact at once, records why on the prospect's timeline, and re-decides. An
// "unsubscribe" reply does the same through the reply reader.

import { PursuitError } from '../../core/errors.js';
import type { OutboxItem } from '../../core/records.js';
import { outbox } from '../../store/repositories/mail.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { recordEvent } from '../prospects/logging.js';
import { recordOptOuts } from '../decisions/opt-outs.js';
import { signed, verified } from './secrets.js';

/** The link an email carries, when the server's address is known (PURSUIT_PUBLIC_URL). */
export function unsubscribeUrl(ctx: AppContext, item: Pick<OutboxItem, 'id'>): string | undefined {
  if (ctx.publicUrl === undefined) return undefined;
  return `${ctx.publicUrl}/u/${signed(ctx, item.id)}`;
}

export interface Unsubscribed {
  /** The address that will hear no more (all a page shows: no names, nothing else). */
  address: string;
  /** False when it had been done already (a second click, a mail scanner). */
  changed: boolean;
}

/**
 * Marks the contact an email went to as do-not-contact, and the moment on the timeline, in the
 * caller's transaction. `via` says how they asked: the link, or a reply.
 */
export async function optOut(
  q: Q,
  ctx: AppContext,
  item: Pick<OutboxItem, 'prospectId' | 'contactId' | 'userId'>,
  via: 'link' | 'reply',
  now: number,
): Promise<boolean> {
  const contact = (await contacts.listByProspect(q, item.prospectId)).find((c) => c.id === item.contactId);
  const prospect = await prospects.findById(q, item.prospectId);
  if (contact === undefined || prospect === undefined) return false;
  // The person, not only this record: their address and number go on the do-not-contact list.
  const source = via === 'link' ? 'unsubscribe-link' : 'reply';
  const optOut = { contact, source, at: now, by: null } as const;
  const listed = await recordOptOuts(q, ctx, prospect.orgId, [optOut], now, new Set([prospect.id]));
  if (contact.doNotContact) return listed > 0;
  await contacts.update(q, { ...contact, doNotContact: true });
  if (via === 'link') {
    // A reply records its own response; a link leaves its mark here.
    await recordEvent(
      q,
      ctx,
      prospect,
      {
        type: 'response',
        at: new Date(now).toISOString(),
        contactId: contact.id,
        channel: 'email',
        sentiment: 'unsubscribe',
        mail: { via: 'unsubscribe link' },
      },
      { by: null, undoable: false, optOut: 'unsubscribe-link' },
      now,
    );
  }
  return true;
}

/** Follows an unsubscribe link: nobody signs in, so a bad token says only that it is not valid. */
export async function unsubscribe(ctx: AppContext, token: string): Promise<Unsubscribed> {
  const id = verified(ctx, token);
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const item = id === undefined ? undefined : await outbox.findById(q, id);
    if (item === undefined)
      throw new PursuitError('NOT_FOUND', 'this unsubscribe link is not valid', 'token');
    const changed = await optOut(q, ctx, item, 'link', now);
    return { address: item.toAddress, changed };
  });
}
