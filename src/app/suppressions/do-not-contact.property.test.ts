// Do-not-contact, as a property (issue 13, item 5): over random histories of people added as
// prospects, contacts, inbound leads and imported rows (files without an opt-out column), touched,
// answering, opting out every way there is (a logged unsubscribe, a contact marked, the unsubscribe
// link, an import's opt-out column, a prospect marked) and emails queued and sent, nobody who opted
// out is ever proposed or contacted again: not by a stored decision (and its draft), the agenda,
// the API, the command line, nor the outbox at send time. One SQLite file; each run has people of
// its own. Fixed seed, so a failure repeats.

import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/build-app.js';
import type { Api } from '../../api/build-app.js';
import type { Mailbox, User } from '../../core/records.js';
import { openDatabase } from '../../store/database.js';
import type { Db } from '../../store/database.js';
import { decisions } from '../../store/repositories/decisions.repository.js';
import { mailboxes, outbox } from '../../store/repositories/mail.repository.js';
import { contacts } from '../../store/repositories/prospects.repository.js';
import { TestClock, appContext, team } from '../../../test/support/databases.js';
import { runCli } from '../../../test/support/cli.js';
import { createToken } from '../accounts/tokens.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../context.js';
import { agenda } from '../day/agenda.js';
import { importFile } from '../import/import.js';
import { deliverDue } from '../mail/deliver.js';
import { queueEmail } from '../mail/outbox.js';
import { seal } from '../mail/secrets.js';
import { optOut } from '../mail/unsubscribe.js';
import { intakeLead } from '../prospects/leads.js';
import { logEvent } from '../prospects/logging.js';
import { addContact, addProspect, editContact, editProspect } from '../prospects/prospects.js';
import { opArb, spelled } from '../../../test/support/opt-out-history.js';
import type { Op } from '../../../test/support/opt-out-history.js';

const RUNS = 150;
const START = Date.parse('2026-03-10T15:00:00Z');
const HOUR = 3_600_000;
describe('do-not-contact, over random histories and every path', () => {
  let db: Db;
  let dbPath: string;
  let dir: string;
  let clock: TestClock;
  let ctx: AppContext;
  let app: Api;
  let reps: User[];
  let mailbox: Mailbox;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pursuit-dnc-'));
    dbPath = join(dir, 'p.db');
    db = await openDatabase({ kind: 'sqlite', path: dbPath });
    clock = new TestClock(START);
    ctx = { ...appContext(db, clock), secretKey: 'k'.repeat(40), publicUrl: 'https://p.test' };
    const { dana, eli } = await team(ctx);
    reps = [dana, eli];
    for (const r of reps) tokens.set(r.id, (await createToken(ctx, r, 'property')).token);
    // Dana's mailbox: its SMTP port refuses connections, so nothing leaves; what the outbox decides
    // before it connects (send or cancel) is what is tested.
    mailbox = {
      id: randomUUID(),
      orgId: dana.orgId,
      userId: dana.id,
      address: 'dana@ourco.test',
      displayName: null,
      smtp: { host: '127.0.0.1', port: 9, security: 'none' },
      imap: { host: '127.0.0.1', port: 9, security: 'none' },
      username: 'dana@ourco.test',
      auth: 'password',
      secret: seal(ctx, { password: 'x' }),
      sentFolder: null,
      status: 'ok',
      lastError: null,
      lastErrorAt: null,
      lastSyncAt: null,
      createdAt: START,
      updatedAt: START,
    };
    await inTransaction(ctx, (q) => mailboxes.put(q, mailbox));
    app = (await buildApp(ctx, { checkAnswers: true })).app;
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it(`never proposes or contacts anyone who opted out (${RUNS} runs)`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 12 }), async (ops) => {
        run += 1;
        await history(run, ops);
      }),
      { seed: 20261203, numRuns: RUNS, endOnFailure: true },
    );
  }, 300_000);

  /** Plays one history, checking every path after each step and the API and CLI at the end. */
  async function history(run: number, ops: Op[]) {
    const records: { id: string; name: string; owner: User; contacts: { id: string; person: number }[] }[] =
      [];
    const outPeople = new Set<number>();
    const outRecords = new Set<string>();
    const pick = (at: number) => records[at % Math.max(records.length, 1)];
    let names = 0;

    for (const op of ops) {
      const r = pick('at' in op ? op.at : 0);
      const c = r?.contacts[('at' in op ? op.at : 0) % (r?.contacts.length ?? 1)];
      switch (op.op) {
        case 'add': {
          const way = spelled(run, op.person, op.spelling);
          const owner = reps[op.rep] as User;
          const contact = {
            name: `Person ${op.person}`,
            email: way.email,
            ...(way.phone === undefined ? {} : { phone: way.phone }),
            ...(way.timezone === undefined ? {} : { timezone: way.timezone }),
          };
          const name = `R${run} Co ${(names += 1)}`;
          if (op.via === 'contact' && r !== undefined) {
            const added = await addContact(ctx, r.owner, r.id, contact);
            r.contacts.push({ id: added.id, person: op.person });
            break;
          }
          let id: string;
          if (op.via === 'lead') id = (await intakeLead(ctx, owner, { company: name, contact })).prospect.id;
          else if (op.via === 'import') id = await importRow(owner, name, contact, false);
          else id = (await addProspect(ctx, owner, { name, contact })).id;
          if (records.some((x) => x.id === id)) break;
          const [stored] = await inTransaction(ctx, (q) => contacts.listByProspect(q, id));
          records.push({ id, name, owner, contacts: [{ id: stored?.id as string, person: op.person }] });
          break;
        }
        case 'touch':
          if (r === undefined) break;
          await tolerant(
            logEvent(ctx, r.owner, r.id, {
              type: 'touch',
              channel: op.outcome === 'sent' ? 'email' : 'call',
              outcome: op.outcome,
            }),
          );
          break;
        case 'respond':
          if (r === undefined || c === undefined) break;
          await logEvent(ctx, r.owner, r.id, {
            type: 'response',
            channel: 'email',
            sentiment: op.sentiment,
            contact: c.id,
          });
          if (op.sentiment === 'unsubscribe') outPeople.add(c.person);
          break;
        case 'opt-out':
          if (r === undefined || c === undefined) break;
          if (op.how === 'prospect') {
            await editProspect(ctx, r.owner, r.id, { doNotContact: true });
            outRecords.add(r.id);
            break;
          }
          if (op.how === 'mark') await editContact(ctx, r.owner, r.id, c.id, { doNotContact: true });
          else if (op.how === 'link') {
            const item = { prospectId: r.id, contactId: c.id, userId: r.owner.id };
            await inTransaction(ctx, (q) => optOut(q, ctx, item, 'link', clock.t));
          } else
            await importRow(
              r.owner,
              `R${run} Imported ${(names += 1)}`,
              { name: 'Again', email: spelled(run, c.person, 0).email },
              true,
            );
          outPeople.add(c.person);
          break;
        case 'mail':
          // They write back (a reply wants an answer by email), and the rep sends Pursuit's draft.
          if (r === undefined || c === undefined || r.owner.id !== mailbox.userId) break;
          if (!outPeople.has(c.person)) {
            const reply = {
              type: 'response' as const,
              channel: 'email',
              sentiment: 'positive',
              contact: c.id,
            };
            await logEvent(ctx, r.owner, r.id, reply);
          }
          await tolerant(queueEmail(ctx, r.owner, r.id, {}));
          break;
        case 'send':
          await deliverDue(ctx, mailbox.id);
          break;
        case 'advance':
          clock.advance(op.hours * HOUR);
          break;
      }
      await checkStored(records, outPeople, outRecords);
    }
    await checkOutbox(records, outPeople);
    await checkAgendas(records, outPeople, outRecords);
    await checkApiAndCli(records, outPeople, outRecords);
  }

  /** What may not be reached: contacts of people who opted out. */
  function outContacts(records: { contacts: { id: string; person: number }[] }[], outPeople: Set<number>) {
    return new Set(
      records.flatMap((r) => r.contacts.filter((c) => outPeople.has(c.person)).map((c) => c.id)),
    );
  }

  async function checkStored(records: Rec[], outPeople: Set<number>, outRecords: Set<string>) {
    const out = outContacts(records, outPeople);
    for (const r of records) {
      const d = await inTransaction(ctx, (q) => decisions.findByProspect(q, r.id));
      if (d === undefined) continue;
      const everyoneOut = outRecords.has(r.id) || r.contacts.every((c) => out.has(c.id));
      if (everyoneOut) expect(d.action, `${r.name}: ${d.reason}`).toBe('stop');
      if (d.action !== 'stop' && d.contactId !== null)
        expect(out.has(d.contactId), `${r.name} proposes ${d.action} to one who opted out`).toBe(false);
    }
  }

  async function checkAgendas(records: Rec[], outPeople: Set<number>, outRecords: Set<string>) {
    const out = outContacts(records, outPeople);
    for (const rep of reps) {
      for (const item of (await agenda(ctx, rep, {})).items) {
        expect(outRecords.has(item.prospect.id)).toBe(false);
        if (item.contact !== undefined)
          expect(out.has(item.contact.id), `agenda: ${item.prospect.name}`).toBe(false);
      }
    }
  }

  /**
   * The outbox at send time: an email queued for someone who has since opted out (on any record) is
   * never attempted again; once due, it is cancelled. (Its server refuses connections, so an email
   * it did attempt stays queued with one more attempt, or fails.)
   */
  async function checkOutbox(records: Rec[], outPeople: Set<number>) {
    const out = outContacts(records, outPeople);
    const all = ['queued', 'sending', 'sent', 'unconfirmed', 'failed', 'cancelled', 'bounced'] as const;
    const list = () =>
      inTransaction(ctx, (q) => outbox.listByUsers(q, mailbox.orgId, [mailbox.userId], [...all], 1000));
    const before = new Map((await list()).map((i) => [i.id, i.attempts]));
    clock.advance(2 * HOUR);
    await deliverDue(ctx, mailbox.id);
    for (const item of (await list()).filter((i) => out.has(i.contactId))) {
      expect(item.status, `${item.toAddress}: ${item.lastError ?? ''}`).not.toBe('sent');
      if (item.status !== 'cancelled')
        expect(item.attempts, `attempted ${item.toAddress}`).toBe(before.get(item.id));
      if (item.status === 'queued' && item.sendAfter <= clock.t) expect.fail(`${item.toAddress} left due`);
    }
  }

  async function checkApiAndCli(records: Rec[], outPeople: Set<number>, outRecords: Set<string>) {
    const out = outContacts(records, outPeople);
    for (const rep of reps) {
      const answer = await app.inject({
        method: 'GET',
        url: '/api/agenda',
        headers: { authorization: `Bearer ${tokens.get(rep.id) ?? ''}` },
      });
      expect(answer.statusCode).toBe(200);
      for (const item of answer.json<{
        items: { prospect: { id: string }; contact: { id: string } | null }[];
      }>().items) {
        expect(outRecords.has(item.prospect.id)).toBe(false);
        expect(out.has(item.contact?.id ?? '')).toBe(false);
      }
      const cli = await runCli(['agenda', '--json'], {
        env: { PURSUIT_DB: dbPath, PURSUIT_NOW: new Date(clock.t).toISOString(), PURSUIT_USER: rep.email },
      });
      expect(cli.status, cli.err).toBe(0);
      for (const item of (
        JSON.parse(cli.out) as { items: { prospect: { id: string }; contact: { id: string } | null }[] }
      ).items) {
        expect(outRecords.has(item.prospect.id)).toBe(false);
        expect(out.has(item.contact?.id ?? '')).toBe(false);
      }
    }
    for (const r of records.filter((x) => outRecords.has(x.id) || x.contacts.every((c) => out.has(c.id)))) {
      const answer = await app.inject({
        method: 'GET',
        url: `/api/prospects/${r.id}`,
        headers: { authorization: `Bearer ${tokens.get(r.owner.id) ?? ''}` },
      });
      expect(answer.json<{ decision: { action: string } | null }>().decision?.action).toBe('stop');
    }
  }

  /** Imports one row (a file without an opt-out column, unless `optOut`); returns the prospect's id. */
  async function importRow(
    owner: User,
    name: string,
    c: { name: string; email: string; phone?: string; timezone?: string },
    optOut: boolean,
  ) {
    const path = join(dir, `${randomUUID()}.csv`);
    const cells = [name, c.name, c.email.trim(), c.phone ?? '', c.timezone ?? ''];
    const header = 'prospect,contact,email,phone,timezone';
    writeFileSync(
      path,
      optOut
        ? `${header},do-not-contact\n${cells.map(csv).join(',')},yes\n`
        : `${header}\n${cells.map(csv).join(',')}\n`,
    );
    await importFile(ctx, owner, { path });
    // A row whose address is already known joins that record (the import matches by email).
    const named = await db.kysely
      .selectFrom('prospects')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (named !== undefined) return named.id;
    const known = await db.kysely
      .selectFrom('contacts')
      .select('prospect_id')
      .where('email', '=', c.email.trim().toLowerCase())
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return known.prospect_id;
  }
});

type Rec = { id: string; name: string; owner: User; contacts: { id: string; person: number }[] };

const csv = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A step the engine may refuse (a touch it cannot take now, an email that is not its next step). */
async function tolerant(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (error) {
    if (!(error instanceof Error) || !('code' in error)) throw error;
  }
}
