// Which prospect a message of a rep's mailbox belongs to, from its head alone, for a whole batch
// with a few lookups: one that answers our emails or their replies (In-Reply-To, References); else
// one whose contact wrote it (the rep's own prospect first, else the one most recently changed). And
// the email of ours a bounce is about.

import type { Contact, Mailbox, OutboxItem, Prospect } from '../../core/records.js';
import type { MessageHead } from '../../integrations/mail/imap.js';
import type { InboundMail } from '../../integrations/mail/inbound.js';
import { mailMessages, outbox } from '../../store/repositories/mail.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { groupBy } from '../collections.js';
import type { Q } from '../context.js';
import type { Placed } from './replies.js';

/** An old-style bounce is matched to what the mailbox sent in this time. */
const BOUNCE_WINDOW_MS = 30 * 86_400_000;

/** Where each head of a batch belongs, with a few lookups for the whole batch. */
export async function place(q: Q, mailbox: Mailbox, batch: MessageHead[]): Promise<Map<number, Placed>> {
  const heads = batch.filter((h) => h.from !== mailbox.address);
  const ids = [...new Set(heads.flatMap((h) => h.answers))];
  const ours = new Map((await outbox.findByMessageIds(q, mailbox.orgId, ids)).map((o) => [o.messageId, o]));
  const theirs = new Map(
    (await mailMessages.findByMessageIds(q, mailbox.orgId, ids)).map((m) => [m.messageId, m]),
  );
  const senders = [...new Set(heads.flatMap((h) => (h.from === undefined ? [] : [h.from])))];
  const writers = groupBy(await contacts.findByEmails(q, mailbox.orgId, senders), (c) => c.email as string);

  // By thread first: what it answers says which prospect (and contact) it is about.
  const byThread = new Map<
    number,
    { prospectId: string; contactId: string | null; outbox: OutboxItem | undefined }
  >();
  for (const head of heads) {
    const answered = head.answers.map((id) => ours.get(id)).find((o) => o !== undefined);
    const earlier = head.answers.map((id) => theirs.get(id)).find((m) => m !== undefined);
    if (answered !== undefined) {
      byThread.set(head.uid, {
        prospectId: answered.prospectId,
        contactId: answered.contactId,
        outbox: answered,
      });
    } else if (earlier !== undefined) {
      byThread.set(head.uid, {
        prospectId: earlier.prospectId,
        contactId: earlier.contactId,
        outbox: undefined,
      });
    }
  }
  const prospectIds = [
    ...[...byThread.values()].map((t) => t.prospectId),
    ...heads.flatMap((h) => (writers.get(h.from ?? '') ?? []).map((c) => c.prospectId)),
  ];
  const found = new Map((await prospects.findByIds(q, [...new Set(prospectIds)])).map((p) => [p.id, p]));
  const threadContacts = [...byThread.values()].flatMap((t) => (t.contactId === null ? [] : [t.contactId]));
  const contactById = new Map((await contacts.findByIds(q, threadContacts)).map((c) => [c.id, c]));

  const placed = new Map<number, Placed>();
  for (const head of heads) {
    const thread = byThread.get(head.uid);
    if (thread !== undefined) {
      const prospect = found.get(thread.prospectId);
      const contact = thread.contactId === null ? undefined : contactById.get(thread.contactId);
      if (prospect !== undefined) placed.set(head.uid, { prospect, contact, outbox: thread.outbox });
      continue;
    }
    // By who wrote it: the rep's own prospect first, else the one most recently changed.
    const best = (writers.get(head.from ?? '') ?? [])
      .map((contact) => ({ contact, prospect: found.get(contact.prospectId) }))
      .filter((x): x is { contact: Contact; prospect: Prospect } => x.prospect !== undefined)
      .sort(
        (a, b) =>
          Number(b.prospect.ownerId === mailbox.userId) - Number(a.prospect.ownerId === mailbox.userId) ||
          b.prospect.updatedAt - a.prospect.updatedAt,
      )[0];
    if (best !== undefined) placed.set(head.uid, { ...best, outbox: undefined });
  }
  return placed;
}

/** The email of ours a bounce names: by Message-ID, else by the address it failed for. */
export async function bounced(
  q: Q,
  mailbox: Mailbox,
  mail: InboundMail,
  now: number,
): Promise<OutboxItem | undefined> {
  const bounce = mail.bounce;
  if (bounce === undefined) return undefined;
  const byId = await outbox.findByMessageIds(q, mailbox.orgId, bounce.originalIds);
  const mine = byId.find((o) => o.mailboxId === mailbox.id);
  if (mine !== undefined) return mine;
  const addresses = bounce.recipients.length > 0 ? bounce.recipients.map((r) => r.address) : bounce.addresses;
  return (await outbox.sentTo(q, mailbox.id, addresses, now - BOUNCE_WINDOW_MS))[0];
}
