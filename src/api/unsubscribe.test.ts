// The unsubscribe link of every email, over HTTP and without signing in: a mail client's one-click
// POST (RFC 8058) opts the contact out at once; opening the link shows one button and changes
// nothing (a link scanner only looks); a forged or unknown token is "not valid" and says no more.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, freshDatabase, team } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { AppContext } from '../app/context.js';
import { seal, signed } from '../app/mail/secrets.js';
import { addProspect } from '../app/prospects/prospects.js';
import { listSuppressions } from '../app/suppressions/suppressions.js';
import { showProspect } from '../app/prospects/reading.js';
import type { User } from '../core/records.js';
import { mailboxes, outbox } from '../store/repositories/mail.repository.js';
import { buildApp } from './build-app.js';
import type { Api } from './build-app.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

describe('the unsubscribe link', () => {
  let t: TestDb;
  let ctx: AppContext;
  let app: Api;
  let dana: User;
  let admin: User;
  let prospectId: string;
  let token: string;

  beforeAll(async () => {
    t = await freshDatabase('sqlite');
    ctx = { ...appContext(t.db, new TestClock(NOW)), secretKey: 'u'.repeat(40), publicUrl: 'https://p.test' };
    ({ admin, dana } = await team(ctx));
    const p = await addProspect(ctx, dana, {
      name: 'Acme',
      contact: { name: 'Pat Lee', email: 'pat@acme.test' },
    });
    prospectId = p.id;
    const contactId = (await showProspect(ctx, dana, p.id)).contacts[0]?.id as string;
    // An email that went out (the rows as the outbox leaves them; no mail server is needed here).
    const mailbox = {
      id: randomUUID(),
      orgId: dana.orgId,
      userId: dana.id,
      address: 'dana@ourco.test',
      displayName: null,
      smtp: { host: '127.0.0.1', port: 25, security: 'none' as const },
      imap: { host: '127.0.0.1', port: 143, security: 'none' as const },
      username: 'dana@ourco.test',
      auth: 'password' as const,
      secret: seal(ctx, { password: 'x' }),
      sentFolder: null,
      status: 'ok' as const,
      lastError: null,
      lastErrorAt: null,
      lastSyncAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const id = randomUUID();
    await t.db.kysely.transaction().execute(async (q) => {
      await mailboxes.put(q, mailbox);
      await outbox.insert(q, {
        id,
        orgId: dana.orgId,
        userId: dana.id,
        mailboxId: mailbox.id,
        prospectId,
        contactId,
        toAddress: 'pat@acme.test',
        toName: 'Pat Lee',
        subject: 'Hello',
        body: 'Hi Pat',
        messageId: `<${id}@ourco.test>`,
        inReplyTo: null,
        references: [],
        action: 'follow-up',
        purpose: 'follow-up',
        mode: 'now',
        sendAfter: NOW,
        status: 'sent',
        attempts: 1,
        lastError: null,
        eventId: null,
        createdAt: NOW,
        updatedAt: NOW,
        sentAt: NOW,
      });
    });
    token = signed(ctx, id);
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  });

  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const optedOut = async () => (await showProspect(ctx, dana, prospectId)).contacts[0]?.doNotContact;

  it('shows one button when opened, and changes nothing', async () => {
    const page = await app.inject(`/u/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<form method="post"><button type="submit">Unsubscribe</button></form>');
    expect(await optedOut()).toBe(false);
  });

  it('refuses a forged token, saying only that it is not valid', async () => {
    const forged = await app.inject({ method: 'POST', url: `/u/${token.slice(0, -3)}abc` });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('not valid');
    expect(forged.body).not.toContain('pat@acme.test');
    expect((await app.inject(`/u/${randomUUID()}.nope`)).statusCode).toBe(404);
    expect(await optedOut()).toBe(false);
  });

  it("opts the contact out at once on a mail client's one-click POST", async () => {
    const done = await app.inject({
      method: 'POST',
      url: `/u/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('pat@acme.test will not be contacted again');
    expect(await optedOut()).toBe(true);
    const page = await showProspect(ctx, dana, prospectId);
    expect(page.events.at(-1)?.data).toMatchObject({ type: 'response', sentiment: 'unsubscribe' });
    expect((page.decision?.decision as { action: string }).action).toBe('stop');
    // The person is on the do-not-contact list, whatever record they turn up on next.
    expect(await listSuppressions(ctx, admin)).toMatchObject([
      { kind: 'email', value: 'pat@acme.test', source: 'unsubscribe-link', createdBy: null, createdAt: NOW },
    ]);
    // Again (a second click, a scanner): the same answer, nothing more logged.
    const again = await app.inject({ method: 'POST', url: `/u/${token}` });
    expect(again.statusCode).toBe(200);
    expect((await showProspect(ctx, dana, prospectId)).events).toHaveLength(page.events.length);
  });
});
