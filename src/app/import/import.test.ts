// Import and export end to end on a real database (SQLite file and PostgreSQL), with sample exports
// of HubSpot, Salesforce and Pipedrive in their real column names (test/fixtures/crm/).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../../store/database.js';
import type { User } from '../../core/records.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import {
  describeDialects,
  TestClock,
  appContext,
  dump,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { importFile, importFiles } from './import.js';
import { showProspect } from '../prospects/reading.js';

const CRM = fileURLToPath(new URL('../../../test/fixtures/crm/', import.meta.url));
const fixture = (name: string) => join(CRM, name);
const temp = () => mkdtempSync(join(tmpdir(), 'pursuit-import-'));

async function byName(db: Db, name: string) {
  const p = await db.kysely
    .selectFrom('prospects')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  const found = await prospects.findById(db.kysely, p.id);
  if (found === undefined) throw new Error(`no ${name}`);
  return {
    prospect: found,
    contacts: await contacts.listByProspect(db.kysely, p.id),
    events: (
      await db.kysely.selectFrom('events').selectAll().where('prospect_id', '=', p.id).orderBy('at').execute()
    ).map((e) => JSON.parse(e.data) as Record<string, unknown>),
    decision: await db.kysely
      .selectFrom('decisions')
      .selectAll()
      .where('prospect_id', '=', p.id)
      .executeTakeFirst(),
  };
}

const HUBSPOT = ['hubspot/activities.csv', 'hubspot/contacts.csv', 'hubspot/companies.csv'].map((f) => ({
  path: fixture(f),
}));

describeDialects('import on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;
  let dana: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ admin, dana } = await team(ctx));
  });

  afterEach(async () => {
    await t.drop();
  });

  it('imports HubSpot companies, contacts and activities; --skip-bad keeps the good rows and writes the rejects', async () => {
    const rejectsPath = join(temp(), 'rejects.csv');
    const report = await importFiles(ctx, admin, HUBSPOT, { skipBad: true, rejectsPath });
    expect(report.committed).toBe(true);
    // Companies first, then contacts, then activities, whatever order the files were given in.
    expect(report.files.map((f) => [f.format, f.kind])).toEqual([
      ['hubspot', 'companies'],
      ['hubspot', 'contacts'],
      ['hubspot', 'activities'],
    ]);
    expect(report.rejected).toEqual([
      {
        file: fixture('hubspot/contacts.csv'),
        line: 8,
        reason: 'Email: expected an email address like name@example.com, got "not-an-email"',
      },
      {
        file: fixture('hubspot/contacts.csv'),
        line: 9,
        reason: 'no company: "Company Name" is empty (Pursuit follows up companies)',
      },
      {
        file: fixture('hubspot/contacts.csv'),
        line: 10,
        reason: expect.stringContaining('Create Date: expected a date'),
      },
      {
        file: fixture('hubspot/activities.csv'),
        line: 10,
        reason: 'unknown contact 999: import the contacts first (or in the same run)',
      },
    ]);
    expect(report.prospects).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(report.contacts.created).toBe(6);
    expect(report.events).toEqual({ added: 7, duplicates: 0 });
    expect(report.ignored).toEqual({ 'not a call, email, meeting or message': 1 });
    expect(report.unknownOwners).toEqual([{ owner: 'Pat Unknown', rows: 1 }]);
    expect(report.decided).toBe(5);

    const acme = await byName(t.db, 'Acme Corp');
    expect(acme.prospect).toMatchObject({ ownerId: dana.id, relationship: 'prospect' });
    expect(acme.contacts.map((c) => [c.name, c.email, c.doNotContact, c.role])).toEqual([
      ['Peter Lee', 'peter@acme.test', false, 'primary'],
      ['Sue Park', 'sue@acme.test', true, 'stakeholder'],
    ]);
    expect(acme.events.map((e) => [e.type, e.channel ?? e.kind, e.outcome ?? e.sentiment ?? e.due])).toEqual([
      ['touch', 'call', 'voicemail'],
      ['touch', 'email', 'sent'],
      ['response', 'email', 'neutral'],
      ['touch', 'call', 'connected'],
      ['commitment', 'meeting', '2026-03-17T22:00:00.000Z'],
    ]);
    expect((await byName(t.db, 'Globex')).prospect.relationship).toBe('customer');
    expect((await byName(t.db, 'Initech')).contacts[0]?.doNotContact).toBe(true);
    expect((await byName(t.db, "Chotchkie's")).prospect.ownerId).toBe(admin.id);
    const vandelay = await byName(t.db, 'Vandelay Industries, Inc.');
    expect(vandelay.contacts[0]?.name).toBe('Anne "The Closer" O\'Neil');

    const rejects = readFileSync(rejectsPath.replace('.csv', '-contacts.csv'), 'utf8').split('\r\n');
    expect(rejects[0]).toBe(
      'line,reason,Record ID,First Name,Last Name,Email,Phone Number,Company Name,Associated Company IDs,Contact owner,Lifecycle Stage,Create Date,Unsubscribed from all email,Opted out of email: Marketing Information,Original Source,Street Address',
    );
    expect(rejects[1]).toBe(
      '8,"Email: expected an email address like name@example.com, got ""not-an-email""",106,Bad,Email,not-an-email,,Acme Corp,9001,Dana Whitfield,Lead,2026-01-15 09:00,false,false,,',
    );
    expect(rejects).toHaveLength(5);
    expect(report.rejectsFiles.map((f) => f.slice(rejectsPath.length - 4))).toEqual([
      '-companies.csv',
      '-contacts.csv',
      '-activities.csv',
    ]);
  });

  it('is all or nothing by default: a bad row and nothing is written, with every bad row reported', async () => {
    const before = await dump(t.db);
    const report = await importFiles(ctx, admin, HUBSPOT);
    expect(report.committed).toBe(false);
    expect(report.rejected.map((r) => r.line)).toEqual([8, 9, 10, 10]);
    expect(await dump(t.db)).toEqual(before);
  });

  it('changes nothing when the same files are imported again', async () => {
    await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    const before = await dump(t.db);
    const again = await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    expect(again.prospects).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.contacts).toEqual({ created: 0, updated: 0 });
    expect(again.events).toEqual({ added: 0, duplicates: 7 });
    expect(await dump(t.db)).toEqual(before);
  });

  it('does not bring back an old reply that was answered, and answers a new one', async () => {
    await importFiles(ctx, admin, HUBSPOT, { skipBad: true });
    // Acme replied on 4 February and was called back on the 5th: that reply is answered.
    const acme = await byName(t.db, 'Acme Corp');
    expect(acme.decision?.action).not.toBe('respond');
    expect(acme.decision?.rule).toBe('commitment-wait');
    // Globex (a customer) wrote this morning and nobody answered yet.
    const globex = await byName(t.db, 'Globex');
    expect(globex.decision).toMatchObject({ action: 'respond', rule: 'respond' });
    // Customers are never prospects to break up with.
    expect(['break-up', 'close-out', 'disqualify', 'nurture']).not.toContain(globex.decision?.action);
  });

  it('orders events by time, not by file order: a reply answered later is not answered again', async () => {
    const dir = temp();
    const path = join(dir, 'calls.csv');
    // The answer (an email on the 3rd) comes before the reply (the 2nd) in the file.
    writeFileSync(
      path,
      [
        'Record ID,Activity type,Activity date,Email direction,Associated Contact IDs,Associated Company IDs',
        '1,Email,2026-03-03 10:00,Email,101,9001',
        '2,Incoming email,2026-03-02 09:00,Incoming email,101,9001',
        '3,Incoming email,2026-03-09 16:00,Incoming email,103,9002',
        '4,Email,2026-03-09 12:00,Email,103,9002',
      ].join('\n'),
    );
    const report = await importFiles(ctx, admin, [...HUBSPOT.slice(1, 3), { path }], { skipBad: true });
    expect(report.events.added).toBe(4);
    const acme = await byName(t.db, 'Acme Corp');
    expect(acme.events.map((e) => e.type)).toEqual(['response', 'touch']);
    expect(acme.decision?.action).not.toBe('respond');
    // Globex's reply came after the last email: it is answered now.
    expect((await byName(t.db, 'Globex')).decision).toMatchObject({ action: 'respond' });
  });

  it('deduplicates events without a CRM id by their content', async () => {
    const dir = temp();
    const path = join(dir, 'log.csv');
    writeFileSync(
      path,
      [
        'Company,Person,Mail,What,When,Channel,Result',
        'Acme Corp,Peter Lee,peter@acme.test,touch,2026-03-02 10:00,call,voicemail',
        'Acme Corp,Peter Lee,peter@acme.test,touch,2026-03-02 10:00,call,voicemail',
        'Acme Corp,Peter Lee,peter@acme.test,response,2026-03-03 10:00,email,',
      ].join('\n'),
    );
    const mapping =
      'prospect=Company,contact=Person,email=Mail,event=What,at=When,channel=Channel,outcome=Result';
    const first = await importFile(ctx, dana, { path, mapping, skipBad: true });
    expect(first.events).toEqual({ added: 1, duplicates: 1 });
    expect(first.rejected).toEqual([{ file: path, line: 4, reason: 'sentiment: is required' }]);
    const again = await importFile(ctx, dana, { path, mapping, skipBad: true });
    expect(again.events).toEqual({ added: 0, duplicates: 2 });
    expect(again.prospects).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('rejects events in the future and unreadable JSON lines, naming the line', async () => {
    const dir = temp();
    const path = join(dir, 'bad.jsonl');
    const good = {
      prospect: { id: 'p1', name: 'Acme Corp', createdAt: '2026-03-01T00:00:00Z' },
      contacts: [{ id: 'c1', name: 'Peter Lee', role: 'primary' }],
      events: [
        {
          id: 'e1',
          type: 'touch',
          at: '2026-03-02T10:00:00Z',
          contactId: 'c1',
          channel: 'call',
          outcome: 'connected',
        },
      ],
    };
    const future = { ...good, prospect: { ...good.prospect, id: 'p2', name: 'Later Inc' } };
    future.events = [{ ...good.events[0], id: 'e2', at: '2026-04-01T10:00:00Z' }] as typeof good.events;
    writeFileSync(path, `${JSON.stringify(good)}\n{"prospect": \n\n${JSON.stringify(future)}\n`);
    const report = await importFile(ctx, admin, { path, skipBad: true });
    expect(report.files[0]).toMatchObject({ format: 'jsonl', rows: 3 });
    expect(report.rejected.map((r) => [r.line, r.reason.slice(0, 30)])).toEqual([
      [2, 'not JSON: Unexpected end of JS'],
      [4, 'at: dated after now (import wh'],
    ]);
    expect(report.prospects.created).toBe(1);
  });

  it('changes nothing when Salesforce and Pipedrive exports are imported again', async () => {
    const sets = [
      [
        'salesforce/accounts.csv',
        'salesforce/contacts.csv',
        'salesforce/opportunities.csv',
        'salesforce/tasks.csv',
      ],
      [
        'pipedrive/organizations.csv',
        'pipedrive/persons.csv',
        'pipedrive/deals.csv',
        'pipedrive/activities.csv',
      ],
    ];
    for (const set of sets)
      await importFiles(
        ctx,
        admin,
        set.map((f) => ({ path: fixture(f) })),
        { skipBad: true },
      );
    const before = await dump(t.db);
    for (const set of sets) {
      const again = await importFiles(
        ctx,
        admin,
        set.map((f) => ({ path: fixture(f) })),
        { skipBad: true },
      );
      expect(again.prospects.created + again.prospects.updated + again.events.added).toBe(0);
    }
    expect(await dump(t.db)).toEqual(before);
  });

  it('reads a Salesforce report in Windows-1252; opt-outs, do-not-call and Closed Won map', async () => {
    const report = await importFiles(
      ctx,
      admin,
      [
        'salesforce/tasks.csv',
        'salesforce/opportunities.csv',
        'salesforce/contacts.csv',
        'salesforce/accounts.csv',
      ].map((f) => ({ path: fixture(f) })),
      { skipBad: true },
    );
    expect(report.files.map((f) => [f.kind, f.encoding])).toEqual([
      ['accounts', 'windows-1252'],
      ['contacts', 'windows-1252'],
      ['opportunities', 'utf-8'],
      ['activities', 'utf-8'],
    ]);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [5, 'Email: expected an email address like name@example.com, got "ada.wong@umbrella"'],
      [7, expect.stringContaining('Activity Date: expected a date')],
    ]);
    expect(report.ignored).toEqual({ 'not a call, email, meeting or message': 1 });
    const mueller = await byName(t.db, 'Müller Maschinenbau GmbH');
    expect(mueller.prospect.relationship).toBe('customer');
    expect(mueller.contacts.map((c) => [c.name, c.doNotContact])).toEqual([['Jürgen Müller', true]]);
    const sg = await byName(t.db, 'Société Générale Test');
    expect(sg.contacts.map((c) => [c.name, c.doNotContact])).toEqual([['Amélie Dubois', true]]);
    expect(sg.prospect.dealValue).toBe(12500);
    expect(sg.events.map((e) => [e.type, e.outcome ?? e.kind])).toEqual([
      ['touch', 'no-answer'],
      ['commitment', 'call'],
    ]);
    const umbrella = await byName(t.db, 'Umbrella Corp');
    expect(umbrella.prospect.relationship).toBe('customer');
    expect(umbrella.events.map((e) => [e.type, e.outcome ?? e.result])).toEqual([
      ['deal', 'won'],
      ['touch', 'voicemail'],
      ['touch', 'sent'],
    ]);
    expect(umbrella.events[1]).toMatchObject({ durationMin: 0.58 });
  });

  it('reads Pipedrive exports: marketing status, won and lost deals, done and open activities', async () => {
    const files = ['activities', 'deals', 'persons', 'organizations'].map((f) => ({
      path: fixture(`pipedrive/${f}.csv`),
    }));
    const report = await importFiles(ctx, admin, files, { skipBad: true });
    expect(report.files.map((f) => f.kind)).toEqual(['organizations', 'persons', 'deals', 'activities']);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [6, 'unknown contact Nobody Known: import the contacts first (or in the same run)'],
    ]);
    const piper = await byName(t.db, 'Pied Piper');
    expect(piper.prospect.relationship).toBe('customer');
    expect(piper.contacts.map((c) => [c.name, c.doNotContact])).toEqual([
      ['Richard Hendricks', true],
      ['Jared Dunn', false],
    ]);
    expect(piper.events).toMatchObject([{ type: 'touch', channel: 'email', outcome: 'sent' }]);
    const aviato = await byName(t.db, 'Aviato');
    expect(aviato.prospect.relationship).toBe('customer');
    expect(aviato.contacts[0]).toMatchObject({ phone: '+1 555 0700', doNotContact: true });
    const hooli = await byName(t.db, 'Hooli');
    expect(hooli.prospect.dealValue).toBe(12000);
    expect(hooli.events.map((e) => [e.type, e.result ?? e.outcome ?? e.kind])).toEqual([
      ['deal', 'lost'],
      ['touch', 'connected'],
      ['commitment', 'meeting'],
    ]);
    expect(hooli.events[1]).toMatchObject({ durationMin: 15, contactId: hooli.contacts[0]?.id });
  });

  it('maps a generic CSV with a column mapping', async () => {
    const report = await importFile(ctx, dana, {
      path: fixture('generic/leads.csv'),
      mapping: 'prospect=Company,contact=Name,email=E-mail,phone=Telefon,relationship=Stage',
    });
    expect(report.committed).toBe(true);
    expect(report.files[0]).toMatchObject({ format: 'generic', rows: 2 });
    const wayne = await byName(t.db, 'Wayne Enterprises');
    expect(wayne.prospect).toMatchObject({ relationship: 'customer', ownerId: dana.id });
    expect(wayne.contacts[0]).toMatchObject({
      name: 'Bruce Wayne',
      email: 'bruce@wayne.test',
      phone: '+1 555 0800',
    });
    expect((await showProspect(ctx, dana, 'Stark')).decision?.action).toBeDefined();
  });

  it('reads from a stream, reports progress, and writes nothing when aborted', async () => {
    const seen: number[] = [];
    const text = readFileSync(fixture('hubspot/companies.csv'));
    const report = await importFile(ctx, admin, {
      stream: (async function* () {
        yield text.subarray(0, 50);
        yield text.subarray(50);
      })(),
      onProgress: (p) => seen.push(p.rows),
    });
    expect(report.prospects.created).toBe(3);
    expect(seen.at(-1)).toBe(3);
    const before = await dump(t.db);
    const controller = new AbortController();
    controller.abort();
    await expect(
      importFile(ctx, admin, {
        path: fixture('hubspot/contacts.csv'),
        skipBad: true,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(await dump(t.db)).toEqual(before);
  });

  it('imports a file of many rows in bounded chunks', async () => {
    const dir = temp();
    const path = join(dir, 'many.csv');
    const lines = ['prospect-id,prospect,contact,email,event,at,channel,outcome,event-id'];
    for (let i = 0; i < 3000; i += 1) {
      lines.push(`p${i},Company ${i},Person ${i},person${i}@example.test,,,,,`);
      lines.push(
        `p${i},Company ${i},,person${i}@example.test,touch,2026-03-0${1 + (i % 5)}T10:00:00Z,email,sent,e${i}`,
      );
    }
    writeFileSync(path, lines.join('\n'));
    const report = await importFile(ctx, admin, { path, mapping: {}, system: 'bulk' });
    expect(report).toMatchObject({
      committed: true,
      rowsRead: 6000,
      prospects: { created: 3000, updated: 0, unchanged: 0 },
      events: { added: 3000, duplicates: 0 },
      decided: 3000,
    });
    if (dialect === 'postgres') {
      // A bulk load leaves the planner's statistics fresh, not waiting for autovacuum.
      const analyzed = await sql<{ relname: string }>`
        select relname from pg_stat_user_tables where last_analyze is not null`.execute(t.db.kysely);
      expect(analyzed.rows.map((r) => r.relname)).toEqual(
        expect.arrayContaining(['prospects', 'contacts', 'events', 'decisions', 'external_ids']),
      );
    }
  });
});
