// The do-not-contact list end to end on a real database (SQLite file and PostgreSQL): an opt-out
// belongs to the person, so the same address or number on another record, a new prospect, an
// inbound lead or an import is do-not-contact too; every opt-out path adds an entry with its date
// and source; an admin reads the list and lifts an entry with a reason; undo lifts what it made.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import type { User } from '../../core/records.js';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { agenda } from '../day/agenda.js';
import { importFile } from '../import/import.js';
import { intakeLead } from '../prospects/leads.js';
import { logEvent, undoLast } from '../prospects/logging.js';
import { addContact, addProspect, editContact } from '../prospects/prospects.js';
import { showProspect } from '../prospects/reading.js';
import { addSuppression, listSuppressions, removeSuppression } from './suppressions.js';

async function failure(promise: Promise<unknown>): Promise<PursuitError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PursuitError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describeDialects('the do-not-contact list on %s', (dialect) => {
  let t: TestDb;
  let clock: TestClock;
  let ctx: AppContext;
  let admin: User;
  let dana: User;
  let eli: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
    ctx = appContext(t.db, clock);
    ({ admin, dana, eli } = await team(ctx));
  });

  afterEach(async () => {
    await t.drop();
  });

  const action = async (who: User, name: string) => (await showProspect(ctx, who, name)).decision?.action;
  const onAgenda = async (who: User) => (await agenda(ctx, who, {})).items.map((i) => i.prospect.name);

  async function optOutPeter() {
    await addProspect(ctx, dana, {
      name: 'Acme',
      contact: { name: 'Peter Lee', email: 'peter@acme.test', phone: '+1 (303) 555-0100' },
    });
    await logEvent(ctx, dana, 'Acme', { type: 'response', channel: 'email', sentiment: 'unsubscribe' });
  }

  it('keeps a logged opt-out by address and number, so a new prospect or lead of that person stops', async () => {
    await optOutPeter();
    const [byNumber, byEmail] = [...(await listSuppressions(ctx, admin))].sort((a, b) =>
      a.kind < b.kind ? 1 : -1,
    );
    expect(byEmail).toMatchObject({
      kind: 'email',
      value: 'peter@acme.test',
      source: 'logged',
      createdBy: dana.id,
    });
    expect(byNumber).toMatchObject({ kind: 'phone', value: '13035550100', source: 'logged' });
    expect(byEmail?.createdAt).toBe(clock.t);
    // Another rep adds him again, spelled differently, as a new prospect: do-not-contact at once.
    await addProspect(ctx, eli, {
      name: 'Acme Two',
      contact: { name: 'P. Lee', email: '  Peter@ACME.test ' },
    });
    expect(await action(eli, 'Acme Two')).toBe('stop');
    // An inbound lead with his number written the national way, in his zone.
    await intakeLead(ctx, eli, {
      company: 'Acme Three',
      contact: { name: 'Pete', phone: '303.555.0100', timezone: 'America/Denver' },
    });
    expect(await action(eli, 'Acme Three')).toBe('stop');
    expect(await onAgenda(eli)).toEqual([]);
  });

  it('stops records of the same person that existed before the opt-out, and an import cannot bring them back', async () => {
    await addProspect(ctx, eli, { name: 'Old Acme', contact: { name: 'Peter', email: 'peter@acme.test' } });
    expect(await action(eli, 'Old Acme')).not.toBe('stop');
    await optOutPeter();
    expect(await action(eli, 'Old Acme')).toBe('stop');
    // An import of a file without an opt-out column adds him once more, by his number in his zone
    // (by his address, the import would join him to a record he is already on).
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-supp-')), 'leads.csv');
    writeFileSync(
      path,
      'prospect,contact,phone,timezone\nAcme Imported,Peter Lee,(303) 555-0100,America/Denver\n',
    );
    await importFile(ctx, eli, { path });
    expect(await action(eli, 'Acme Imported')).toBe('stop');
    expect(await onAgenda(eli)).toEqual([]);
  });

  it("adds an import's opt-out column and a contact marked do-not-contact, with their sources", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pursuit-supp-')), 'list.csv');
    writeFileSync(path, 'prospect,contact,email,do-not-contact\nInitech,Bill,bill@initech.test,yes\n');
    await importFile(ctx, dana, { path });
    await addProspect(ctx, dana, { name: 'Hooli', contact: { name: 'Gavin', email: 'gavin@hooli.test' } });
    await addContact(ctx, dana, 'Hooli', { name: 'Bill again', email: 'bill@initech.test' });
    await editContact(ctx, dana, 'Hooli', 'Gavin', { doNotContact: true });
    const entries = await listSuppressions(ctx, admin);
    expect(entries.map((e) => [e.value, e.source]).sort()).toEqual([
      ['bill@initech.test', 'import'],
      ['gavin@hooli.test', 'marked'],
    ]);
    // Both of Hooli's contacts are on the list: nobody there may be contacted.
    expect(await action(dana, 'Hooli')).toBe('stop');
  });

  it('shows the list to admins only, and lets an admin lift an entry with a reason, which is kept', async () => {
    await optOutPeter();
    await addProspect(ctx, eli, { name: 'Acme Two', contact: { name: 'Peter', email: 'peter@acme.test' } });
    expect((await failure(listSuppressions(ctx, dana))).code).toBe('FORBIDDEN');
    const email = (await listSuppressions(ctx, admin, { search: 'PETER@' }))[0];
    if (email === undefined) throw new Error('no entry');
    expect((await failure(removeSuppression(ctx, eli, email.id, 'consent'))).code).toBe('FORBIDDEN');
    expect(await failure(removeSuppression(ctx, admin, email.id, '  '))).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'reason',
    });
    clock.advance(60_000);
    const lifted = await removeSuppression(ctx, admin, email.id, 'signed up again on 2026-03-10');
    expect(lifted).toMatchObject({ removedBy: admin.id, removalReason: 'signed up again on 2026-03-10' });
    expect(await action(eli, 'Acme Two')).not.toBe('stop');
    // The record where he unsubscribed stays stopped: the list's hold was lifted, not his own answer.
    expect(await action(dana, 'Acme')).toBe('stop');
    expect((await listSuppressions(ctx, admin)).map((e) => e.kind)).toEqual(['phone']);
    expect((await listSuppressions(ctx, admin, { all: true })).length).toBe(2);
    expect((await failure(removeSuppression(ctx, admin, email.id, 'again'))).code).toBe('CONFLICT');
  });

  it('takes an entry back with the opt-out it came from (undo), and adds entries by hand', async () => {
    await optOutPeter();
    await undoLast(ctx, dana);
    expect(await listSuppressions(ctx, admin)).toEqual([]);
    const all = await listSuppressions(ctx, admin, { all: true });
    expect(all.map((e) => e.removalReason)).toEqual([
      'the opt-out was taken back (undo)',
      'the opt-out was taken back (undo)',
    ]);
    expect(await action(dana, 'Acme')).not.toBe('stop');
    const added = await addSuppression(ctx, admin, { phone: '0303 555 0100' });
    expect(added).toMatchObject([{ kind: 'phone', value: '03035550100', source: 'manual' }]);
    await addSuppression(ctx, admin, { phone: '(303) 555-0100', timezone: 'America/New_York' });
    expect(await action(dana, 'Acme')).toBe('stop');
    expect(await failure(addSuppression(ctx, admin, {}))).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'email',
    });
    expect(await failure(addSuppression(ctx, admin, { email: 'not-an-address' }))).toMatchObject({
      path: 'email',
    });
  });
});
