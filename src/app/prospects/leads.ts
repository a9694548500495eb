// Lead intake: a web form or another tool sends a new inbound lead; it becomes a prospect owned by
// the named rep (else the caller), decided at once (speed to lead: call within 5 minutes), and its
// owner is notified in the app in the same transaction.

import { randomUUID } from 'node:crypto';
import type { Notification, Prospect, User } from '../../core/records.js';
import { notifications } from '../../store/repositories/accounts.repository.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import type { AppContext, Q } from '../context.js';
import { insertProspect } from './prospects.js';
import type { ContactInput } from './prospects.js';
import { inTransaction } from '../context.js';

export interface LeadInput {
  company: string;
  contact: ContactInput & { name: string };
  owner?: string;
  dealValue?: number;
  /** Where it came from (a form's name), shown in the notification. */
  via?: string;
}

export async function intakeLead(
  ctx: AppContext,
  actor: User,
  input: LeadInput,
): Promise<{ prospect: Prospect; notification: Notification }> {
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await insertProspect(
      q,
      ctx,
      actor,
      {
        name: input.company,
        source: 'inbound',
        contact: input.contact,
        ...(input.owner === undefined ? {} : { owner: input.owner }),
        ...(input.dealValue === undefined ? {} : { dealValue: input.dealValue }),
      },
      now,
    );
    // A lead who objected to contact (on the do-not-contact list) is news, not a call to make.
    const decided = await decisions.findByProspect(q, prospect.id);
    const next = decided?.action === 'stop' ? `Do not contact: ${decided.reason}` : 'Call within 5 minutes.';
    const notification = await notifyOwner(
      q,
      prospect,
      'lead',
      `New inbound lead: ${input.contact.name} at ${prospect.name}${input.via === undefined ? '' : ` (${input.via})`}. ${next}`,
      now,
    );
    return { prospect, notification };
  });
}

/** Tells a prospect's owner something at once (the Today page's notices). */
export async function notifyOwner(
  q: Q,
  prospect: Prospect,
  kind: string,
  message: string,
  now: number,
): Promise<Notification> {
  const notification: Notification = {
    id: randomUUID(),
    orgId: prospect.orgId,
    userId: prospect.ownerId,
    kind,
    prospectId: prospect.id,
    message,
    createdAt: now,
    readAt: null,
  };
  await notifications.insert(q, notification);
  return notification;
}

export async function listNotifications(ctx: AppContext, actor: User, unreadOnly: boolean) {
  return inTransaction(ctx, (q) => notifications.listForUser(q, actor.id, { unreadOnly }));
}

export async function markNotificationsRead(ctx: AppContext, actor: User, ids: string[]): Promise<void> {
  await inTransaction(ctx, (q) => notifications.markRead(q, actor.id, ids, ctx.now()));
}
