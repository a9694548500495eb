// The authorization matrix's objects (see access-world.ts for its people): each made fresh for an
// attempt, owned by the rep, a teammate, another team or another organisation; a missing one is an
// id nobody has. And a canary prospect of each owner, which no one else's answers may show.

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createToken } from '../../src/app/accounts/tokens.js';
import { startImport } from '../../src/app/import/jobs.js';
import { signed } from '../../src/app/mail/secrets.js';
import { queueEmail } from '../../src/app/mail/outbox.js';
import { intakeLead } from '../../src/app/prospects/leads.js';
import { logEvent } from '../../src/app/prospects/logging.js';
import { addNote } from '../../src/app/prospects/notes.js';
import { addProspect, editProspect } from '../../src/app/prospects/prospects.js';
import { showProspect } from '../../src/app/prospects/reading.js';
import { mailMessages } from '../../src/store/repositories/mail.repository.js';
import { AccessWorld, OWNERS } from './access-world.js';
import type { Owner, Role } from './access-world.js';

export class MatrixWorld extends AccessWorld {
  // -------------------------------------------------------------------------------------------
  // Objects, made fresh for each attempt (a missing one is an id nobody has).

  /** A prospect of the role's own person (anonymous: of the rep), to name another's object under. */
  async callersProspect(role: Role): Promise<{ id: string; name: string }> {
    const user = this.personOf(role) ?? this.people.dana;
    const n = this.next();
    const p = await addProspect(this.ctx, this.adminOf(user), {
      name: `Caller ${n} Co`,
      owner: user.id,
      contact: { name: `Cy ${n}`, email: `cy${n}@prospect.test` },
    });
    return { id: p.id, name: p.name };
  }

  async prospect(owner: Owner, canary = false): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    const n = this.next();
    const p = await addProspect(this.ctx, this.adminOf(user), {
      name: canary ? `Canary ${owner} Co` : `Matrix ${n} Co`,
      owner: user.id,
      contact: {
        name: `Pat ${n}`,
        email: canary ? `canary-${owner}@prospect.test` : `pat${n}@prospect.test`,
      },
    });
    return p.id;
  }

  async committed(owner: Owner): Promise<string> {
    const id = await this.prospect(owner);
    const user = this.ownerOf(owner);
    if (user !== undefined)
      await logEvent(this.ctx, user, id, {
        type: 'commitment',
        kind: 'call',
        due: '2026-03-12 10:00',
        description: 'a first call',
      });
    return id;
  }

  async contactOf(prospectId: string, owner: Owner): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    return (await showProspect(this.ctx, user, prospectId)).contacts[0]?.id ?? '';
  }

  /** A reply the owner's mailbox read from the prospect's contact: [prospect, reply]. */
  async reply(owner: Owner): Promise<[string, string]> {
    const prospectId = await this.prospect(owner);
    const user = this.ownerOf(owner);
    if (user === undefined) return [prospectId, randomUUID()];
    const contactId = await this.contactOf(prospectId, owner);
    const id = randomUUID();
    const now = this.ctx.now();
    await this.ctx.db.kysely.transaction().execute((q) =>
      mailMessages.insert(q, {
        id,
        orgId: user.orgId,
        mailboxId: `box-${user.id}`,
        folder: 'INBOX',
        uidValidity: 1,
        uid: this.next(),
        messageId: `<${id}@prospect.test>`,
        prospectId,
        contactId,
        outboxId: null,
        kind: 'reply',
        fromAddress: 'pat@prospect.test',
        subject: 'Re: hello',
        text: 'Thanks, let us talk next week.',
        reading: { kind: 'positive', confidence: 0.9, phrases: [] },
        eventId: null,
        receivedAt: now - 60_000,
        createdAt: now,
      }),
    );
    return [prospectId, id];
  }

  /** A note the owner wrote on a prospect of theirs: [prospect, note]. */
  async note(owner: Owner): Promise<[string, string]> {
    const prospectId = await this.prospect(owner);
    const user = this.ownerOf(owner);
    if (user === undefined) return [prospectId, randomUUID()];
    return [prospectId, (await addNote(this.ctx, user, prospectId, `Matrix note ${this.next()}`)).note.id];
  }

  /** An email of the owner's on its way (or, unconfirmed, one whose sending was cut off). */
  async email(owner: Owner, status: 'queued' | 'unconfirmed' = 'queued'): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    await this.ensureMailbox(user);
    const item = await queueEmail(this.ctx, user, await this.prospect(owner), { when: 'window' });
    if (status !== 'queued')
      await this.ctx.db.kysely.updateTable('outbox').set({ status }).where('id', '=', item.id).execute();
    return item.id;
  }

  async importJob(owner: Owner): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    const n = this.next();
    const job = await startImport(this.ctx, user, {
      name: `list-${n}.csv`,
      stream: Readable.from([`Company,Contact,Email\nImported ${n} Co,Ivy ${n},ivy${n}@imported.test\n`]),
      mapping: 'prospect=Company,contact=Contact,email=Email',
    });
    return job.id;
  }

  async token(owner: Owner): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    return (await createToken(this.ctx, user, 'fixture')).record.id;
  }

  user(owner: Owner): string {
    return this.ownerOf(owner)?.id ?? randomUUID();
  }

  async notification(owner: Owner): Promise<string> {
    const user = this.ownerOf(owner);
    if (user === undefined) return randomUUID();
    const n = this.next();
    const lead = await intakeLead(this.ctx, this.adminOf(user), {
      company: `Lead ${n} Co`,
      contact: { name: `Lee ${n}`, email: `lee${n}@lead.test` },
      owner: user.id,
    });
    return lead.notification.id;
  }

  /** The role's person logs a call on a prospect of their own, which then goes to the owner. */
  async loggedThenMoved(role: Role, owner: Owner): Promise<void> {
    const by = this.personOf(role);
    const to = this.ownerOf(owner);
    if (by === undefined || to === undefined) return;
    const id = await this.prospect(owner);
    const admin = this.adminOf(to);
    await editProspect(this.ctx, admin, id, { owner: by.id });
    await logEvent(this.ctx, by, id, { type: 'touch', channel: 'call', outcome: 'no-answer' });
    await editProspect(this.ctx, admin, id, { owner: to.id });
  }

  /**
   * A prospect of each owner (with a note, an email on its way, a lead and an import) whose names, emails
   * and ids no one else may be shown.
   */
  async plantCanaries(): Promise<Map<Owner, string[]>> {
    const out = new Map<Owner, string[]>();
    for (const owner of OWNERS) {
      const user = this.ownerOf(owner);
      if (user === undefined) continue;
      const id = await this.prospect(owner, true);
      // A note, its email on its way (the outbox), a lead of its own (notifications), an import (its file).
      await this.ensureMailbox(user);
      const email = await queueEmail(this.ctx, user, id, { when: 'window' });
      const lead = await intakeLead(this.ctx, this.adminOf(user), {
        company: `Canary ${owner} Lead`,
        contact: { name: 'Cass Canary', email: `canary-${owner}@lead.test` },
        owner: user.id,
      });
      const job = await startImport(this.ctx, user, {
        name: `canary-${owner}.csv`,
        stream: Readable.from([`Company,Contact\nCanary ${owner} Import,Cole Canary\n`]),
        mapping: 'prospect=Company,contact=Contact',
      });
      const note = await addNote(this.ctx, user, id, `Canary ${owner} note`);
      const words = [
        id,
        note.note.id,
        `Canary ${owner} note`,
        `Canary ${owner} Co`,
        `canary-${owner}@prospect.test`,
        email.id,
        lead.prospect.id,
        lead.notification.id,
        `Canary ${owner} Lead`,
        job.id,
        `canary-${owner}.csv`,
      ];
      // Another organisation's people are not this one's to list.
      if (owner === 'otherOrg') words.push(user.id, user.email, this.people.bob.email, this.people.bob.id);
      out.set(owner, words);
    }
    return out;
  }

  /** The stored rows an attempt names (by their ids, or their prospect's), to see a denied one changed none. */
  async rowsNamed(ids: string[]): Promise<string> {
    if (ids.length === 0) return '';
    const k = this.ctx.db.kysely;
    const rows = await Promise.all([
      k.selectFrom('prospects').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      k
        .selectFrom('contacts')
        .selectAll()
        .where((eb) => eb.or([eb('id', 'in', ids), eb('prospect_id', 'in', ids)]))
        .orderBy('id')
        .execute(),
      k.selectFrom('events').selectAll().where('prospect_id', 'in', ids).orderBy('id').execute(),
      k
        .selectFrom('outbox')
        .selectAll()
        .where((eb) => eb.or([eb('id', 'in', ids), eb('prospect_id', 'in', ids)]))
        .orderBy('id')
        .execute(),
      k
        .selectFrom('notes')
        .selectAll()
        .where((eb) => eb.or([eb('id', 'in', ids), eb('prospect_id', 'in', ids)]))
        .orderBy('id')
        .execute(),
      k.selectFrom('mail_messages').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      k.selectFrom('api_tokens').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      k.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      k.selectFrom('notifications').selectAll().where('id', 'in', ids).orderBy('id').execute(),
    ]);
    return JSON.stringify(rows);
  }

  async isRead(notificationId: string): Promise<boolean> {
    const row = await this.ctx.db.kysely
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', notificationId)
      .executeTakeFirst();
    return row?.read_at !== null && row?.read_at !== undefined;
  }

  /** The caller's mailbox, connected again (an attempt may have taken it away or marked it failing). */
  async callerMailbox(role: Role): Promise<void> {
    const user = this.personOf(role);
    if (user !== undefined) await this.ensureMailbox(user);
  }

  /** The unsubscribe link's token of an email of the owner's (missing: a forged one). */
  async unsubscribeToken(owner: Owner): Promise<string> {
    if (owner === 'missing') return signed(this.ctx, randomUUID()).slice(0, -4) + 'abcd';
    return signed(this.ctx, await this.email(owner));
  }
}
