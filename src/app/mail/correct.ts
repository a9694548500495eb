// A rep's correction of how a reply was read: its kind (and date), in one click. The response is
// changed (or logged, when it had not been counted), an unsubscribe makes the contact
// do-not-contact, and the prospect is re-decided.

import { PursuitError } from '../../core/errors.js';
import type { ReplyKind } from '../../core/replies/classify.js';
import type { MailMessage, User } from '../../core/records.js';
import { SENTIMENTS } from '../../core/scenario/schema.js';
import { events } from '../../store/repositories/events.repository.js';
import { mailMessages } from '../../store/repositories/mail.repository.js';
import { resolveProspect } from '../accounts/actors.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { recordEvent } from '../prospects/logging.js';
import { EVENT_TEXT } from './replies.js';
import { optOut } from './unsubscribe.js';

/**
 * A rep's correction of how a reply was read: its kind (and date), in one click. The response is
 * changed (or logged, when it had not been counted) and the prospect re-decided.
 */
export async function correctReply(
  ctx: AppContext,
  actor: User,
  typedProspect: string,
  messageRef: string,
  kind: string,
  until?: string,
): Promise<MailMessage> {
  if (!(SENTIMENTS as readonly string[]).includes(kind)) {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected one of ${SENTIMENTS.join(', ')}, got "${kind}"`,
      'kind',
    );
  }
  if (until !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(until)) {
    throw new PursuitError('INVALID_INPUT', `expected a date like 2026-03-17, got "${until}"`, 'until');
  }
  const now = ctx.now();
  return inTransaction(ctx, async (q) => {
    const prospect = await resolveProspect(q, actor, typedProspect);
    // The whole id, or its first characters (what `pursuit prospect show` prints).
    const matches = (await mailMessages.listByProspect(q, prospect.id, 500)).filter(
      (m) => m.kind === 'reply' && m.contactId !== null && m.id.startsWith(messageRef),
    );
    if (matches.length !== 1) {
      throw new PursuitError(
        matches.length === 0 ? 'NOT_FOUND' : 'AMBIGUOUS',
        matches.length === 0
          ? `no such reply from ${prospect.name}`
          : `"${messageRef}" names ${matches.length} replies`,
        'reply',
      );
    }
    const message = matches[0] as MailMessage & { contactId: string };
    const reading = {
      ...message.reading,
      corrected: {
        kind,
        until: until ?? null,
        by: actor.id,
        at: new Date(now).toISOString(),
        from: message.reading.kind,
      },
    };
    await mailMessages.setReading(q, message.id, reading);
    const event = message.eventId === null ? undefined : await events.findById(q, message.eventId);
    const fields = { sentiment: kind as ReplyKind, ...(until === undefined ? {} : { until }) };
    if (event !== undefined) {
      const { until: _old, ...rest } = event.data;
      await events.replaceData(q, event.id, { ...rest, ...fields, corrected: true });
      await refreshDecisions(q, prospect.orgId, [prospect.id], now, ctx.defaultPlaybookText);
    } else {
      const data = {
        type: 'response',
        at: new Date(message.receivedAt).toISOString(),
        contactId: message.contactId,
        channel: 'email',
        ...fields,
        mail: { messageId: message.messageId, subject: message.subject, messageRef: message.id },
        text: message.text.slice(0, EVENT_TEXT),
        corrected: true,
      };
      const logged = await recordEvent(
        q,
        ctx,
        prospect,
        data,
        { by: actor.id, undoable: false, optOut: 'reply' },
        now,
      );
      await mailMessages.setEvent(q, message.id, logged.event.id);
    }
    if (kind === 'unsubscribe') {
      await optOut(
        q,
        ctx,
        { prospectId: prospect.id, contactId: message.contactId, userId: actor.id },
        'reply',
        now,
      );
    }
    return { ...message, reading };
  });
}
