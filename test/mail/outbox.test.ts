// The outbox against a misbehaving SMTP server, and OAuth2 mailboxes. An email never goes twice:
// the server dropping the connection after taking it leaves it "unconfirmed" for the rep, never
// resent alone; a server that puts it off gets it again later; one that refuses the address marks
// it bounced; one that cannot be reached holds it. An OAuth2 mailbox refreshes its access token
// itself. Do-not-contact and a reply are checked again at the moment an email is to go.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, team } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';
import type { AppContext } from '../../src/app/context.js';
import { deliver, deliverDue } from '../../src/app/mail/deliver.js';
import { connectMailbox, findMailbox } from '../../src/app/mail/mailboxes.js';
import { queueEmail } from '../../src/app/mail/outbox.js';
import { settleEmail } from '../../src/app/mail/settle.js';
import { addContact, addProspect, editContact } from '../../src/app/prospects/prospects.js';
import { logEvent } from '../../src/app/prospects/logging.js';
import { showProspect } from '../../src/app/prospects/reading.js';
import type { User } from '../../src/core/records.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describe.skipIf(!mailAvailable)(`the outbox${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`, () => {
  let servers: MailServers;
  let t: TestDb;
  let ctx: AppContext;
  let clock: TestClock;
  let dana: User;
  let eli: User;
  let n = 0;

  beforeAll(async () => {
    servers = await startMailServers();
    servers.addMailbox('dana@ourco.test', 'pw-dana');
    t = await freshDatabase('sqlite');
    clock = new TestClock(NOW);
    ctx = { ...appContext(t.db, clock), secretKey: 's'.repeat(40) };
    ({ dana, eli } = await team(ctx));
    await connectMailbox(ctx, dana, {
      ...servers.connection('dana@ourco.test', 'pw-dana'),
    });
  });

  afterAll(async () => {
    await servers?.stop();
    await t?.drop();
  });

  /** A prospect whose first step is an email to a local mailbox, queued (a minute after the last). */
  async function queued(who = dana) {
    n += 1;
    const address = `contact${n}@acme${n}.test`;
    servers.addMailbox(address, 'pw');
    const p = await addProspect(ctx, who, {
      name: `Acme ${n}`,
      contact: { name: `Pat ${n}`, email: address },
    });
    clock.advance(61_000);
    return { prospect: p, address, item: await queueEmail(ctx, who, p.id, {}) };
  }

  const deliveredTo = (address: string) => servers.accepted.filter((m) => m.to.includes(address)).length;

  it('leaves an email the server took but never acknowledged unconfirmed, and never resends it alone', async () => {
    const { item, address } = await queued();
    servers.failNext('drop-after-accept');
    const first = await deliver(ctx, item.id);
    expect(first.outcome).toBe('unconfirmed');
    expect(deliveredTo(address)).toBe(1);
    clock.advance(3_600_000);
    await deliverDue(ctx, item.mailboxId);
    expect(deliveredTo(address)).toBe(1);
    // The rep looked in Sent: it went. Its touch is logged now.
    const settled = await settleEmail(ctx, dana, item.id, true);
    expect(settled.status).toBe('sent');
    const page = await showProspect(ctx, dana, item.prospectId);
    expect(page.events.filter((e) => e.type === 'touch')).toHaveLength(1);
  });

  it('sends again later what the server put off, and fails what it refused for good', async () => {
    const later = await queued();
    servers.failNext('data-temporary');
    expect((await deliver(ctx, later.item.id)).outcome).toBe('later');
    expect(deliveredTo(later.address)).toBe(0);
    clock.advance(3_600_000);
    const retried = await deliverDue(ctx, later.item.mailboxId);
    expect(retried.find((d) => d.item.id === later.item.id)?.outcome).toBe('sent');
    expect(deliveredTo(later.address)).toBe(1);

    const refused = await queued();
    servers.failNext('data-permanent');
    const failed = await deliver(ctx, refused.item.id);
    expect(failed).toMatchObject({ outcome: 'failed' });
    expect(failed.item.lastError).toMatch(/554/);
  });

  it('marks an address the server refuses outright as bounced, and the next touch is not an email', async () => {
    const { item, prospect } = await queued();
    servers.failNext('rcpt-permanent');
    expect((await deliver(ctx, item.id)).outcome).toBe('bounced');
    const page = await showProspect(ctx, dana, prospect.id);
    expect(page.contacts[0]?.emailBouncedAt).not.toBeNull();
    expect((page.decision?.decision as { channel?: string }).channel).not.toBe('email');
  });

  it('holds an email while the server cannot be reached, and sends it once it can', async () => {
    const { item, address } = await queued();
    servers.failNext('refuse-connection');
    expect((await deliver(ctx, item.id)).outcome).toBe('later');
    expect((await findMailbox(ctx, dana))?.status).toBe('failing');
    clock.advance(3_600_000);
    await deliverDue(ctx, item.mailboxId);
    expect(deliveredTo(address)).toBe(1);
    expect((await findMailbox(ctx, dana))?.status).toBe('ok');
  });

  it('checks do-not-contact and their answer again at the moment an email is to go', async () => {
    const opted = await queued();
    const contactId = opted.item.contactId;
    await editContact(ctx, dana, opted.prospect.id, contactId, { doNotContact: true });
    const stopped = await deliver(ctx, opted.item.id);
    expect(stopped).toMatchObject({ outcome: 'cancelled' });
    expect(stopped.item.lastError).toMatch(/asked not to be contacted/);
    expect(deliveredTo(opted.address)).toBe(0);

    const answered = await queued();
    clock.advance(1000);
    await logEvent(ctx, dana, answered.prospect.id, {
      type: 'response',
      sentiment: 'positive',
      channel: 'email',
    });
    const overtaken = await deliver(ctx, answered.item.id);
    expect(overtaken.outcome).toBe('cancelled');
    expect(overtaken.item.lastError).toMatch(/they answered/);
    expect(deliveredTo(answered.address)).toBe(0);
  });

  it('gives the email already on its way when it is asked for twice, and refuses a different one', async () => {
    const { item, prospect } = await queued();
    expect((await queueEmail(ctx, dana, prospect.id, {})).id).toBe(item.id);
    await expect(queueEmail(ctx, dana, prospect.id, { subject: 'Another' })).rejects.toThrow(
      /already on its way/,
    );
    await addContact(ctx, dana, prospect.id, { name: 'Someone Else' });
  });

  it('sends from an OAuth2 mailbox, refreshing its access token itself', async () => {
    servers.addMailbox('eli@ourco.test', 'unused-password');
    servers.oauth.register('eli@ourco.test', 'refresh-eli');
    await connectMailbox(ctx, eli, {
      address: 'eli@ourco.test',
      smtpHost: '127.0.0.1',
      smtpPort: servers.smtp.port,
      smtpSecurity: 'none',
      imapHost: '127.0.0.1',
      imapPort: servers.imap.port,
      imapSecurity: 'none',
      oauth: {
        tokenUrl: servers.oauth.tokenUrl,
        clientId: servers.oauth.clientId,
        clientSecret: servers.oauth.clientSecret,
        refreshToken: 'refresh-eli',
      },
    });
    expect(servers.oauth.refreshCount('eli@ourco.test')).toBe(1);
    const { item, address } = await queued(eli);
    expect((await deliver(ctx, item.id)).outcome).toBe('sent');
    expect(deliveredTo(address)).toBe(1);
    // An hour and a half later the token has run out: the next send refreshes it first.
    clock.advance(90 * 60_000);
    servers.oauth.expireAccessTokens('eli@ourco.test');
    const next = await queued(eli);
    expect((await deliver(ctx, next.item.id)).outcome).toBe('sent');
    expect(servers.oauth.refreshCount('eli@ourco.test')).toBe(2);
  });
});
