// The use cases end to end on a real database (SQLite file and PostgreSQL): set-up, prospects,
// logging, undo, decisions kept current as history and time change, access, agenda and pipeline.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { PursuitError } from '../core/errors.js';
import type { User } from '../core/records.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../test/support/databases.js';
import type { TestDb } from '../../test/support/databases.js';
import type { AppContext } from './context.js';
import { agenda, pipeline } from './day/agenda.js';
import { logEvent, snooze, undoLast } from './prospects/logging.js';
import { addContact, addProspect, editProspect } from './prospects/prospects.js';
import { listProspects, showProspect } from './prospects/reading.js';
import { actorFor, addUser, init } from './accounts/workspace.js';

async function code(
  promise: Promise<unknown>,
): Promise<{ code: string; path: string | undefined; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PursuitError) return { code: error.code, path: error.path, message: error.detail };
    throw error;
  }
  throw new Error('expected an error');
}

describeDialects('the app on %s', (dialect) => {
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
    ({ admin } = await init(ctx, {
      organisation: 'OurCo',
      name: 'Ada Admin',
      email: 'ada@ourco.test',
      timezone: 'America/Denver',
    }));
    const mona = await addUser(ctx, admin, {
      name: 'Mona Manager',
      email: 'mona@ourco.test',
      role: 'manager',
    });
    dana = await addUser(ctx, admin, {
      name: 'Dana Whitfield',
      email: 'dana@ourco.test',
      manager: 'Mona Manager',
      phone: '+1 555 0199',
    });
    eli = await addUser(ctx, admin, { name: 'Eli Stone', email: 'eli@ourco.test' });
    expect(mona.role).toBe('manager');
  });

  afterEach(async () => {
    await t.drop();
  });

  it('refuses a second init', async () => {
    expect(
      (await code(init(ctx, { organisation: 'X', name: 'Y', email: 'y@x.test', timezone: 'UTC' }))).code,
    ).toBe('CONFLICT');
  });

  it('lets only an admin add users, and names a bad field', async () => {
    expect((await code(addUser(ctx, dana, { name: 'New', email: 'new@ourco.test' }))).code).toBe('FORBIDDEN');
    expect(
      await code(addUser(ctx, admin, { name: 'New', email: 'new@ourco.test', timezone: 'Mars/Base' })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'timezone',
    });
    expect((await code(addUser(ctx, admin, { name: 'Dup', email: 'DANA@ourco.test' }))).code).toBe(
      'CONFLICT',
    );
  });

  it('picks the acting user by email or name, and asks when several exist', async () => {
    expect((await actorFor(ctx, 'dana@ourco.test')).id).toBe(dana.id);
    expect((await actorFor(ctx, 'Eli')).id).toBe(eli.id);
    expect((await code(actorFor(ctx, undefined))).message).toContain('--as');
  });

  it('decides a new prospect at once: an inbound lead gets a call within 5 minutes', async () => {
    await addProspect(ctx, dana, {
      name: 'Acme Corp',
      source: 'inbound',
      createdAt: '2026-03-10T14:58:00Z',
      contact: {
        name: 'Peter Lee',
        phone: '+1 555 0100',
        email: 'peter@acme.test',
        timezone: 'America/New_York',
      },
    });
    const view = await showProspect(ctx, dana, 'acme');
    expect(view.decision).toMatchObject({
      action: 'follow-up',
      rule: 'speed-to-lead',
      due: Date.parse('2026-03-10T15:03:00Z'),
    });
    expect(view.contacts.map((c) => c.name)).toEqual(['Peter Lee']);
  });

  it('re-decides after every logged event, and undo takes the last one back', async () => {
    await addProspect(ctx, dana, {
      name: 'Acme Corp',
      contact: { name: 'Peter Lee', phone: '+1 555 0100', timezone: 'America/New_York' },
    });
    clock.advance(60_000);
    const logged = await logEvent(ctx, dana, 'Acme', {
      type: 'touch',
      channel: 'meeting',
      outcome: 'held',
      at: '2026-03-10T14:00:00Z',
    });
    expect(logged.decision).toMatchObject({ action: 'schedule-next-step' });
    clock.advance(60_000);
    const committed = await logEvent(ctx, dana, 'Acme', {
      type: 'commitment',
      kind: 'call',
      due: '2026-03-17T16:00:00Z',
    });
    expect(committed.decision).toMatchObject({ action: 'wait', rule: 'commitment-wait' });
    clock.advance(60_000);
    const undone = await undoLast(ctx, dana);
    expect(undone.event.type).toBe('commitment');
    expect(undone.decision).toMatchObject({ action: 'schedule-next-step' });
    expect((await showProspect(ctx, dana, 'Acme')).events).toHaveLength(1);
  });

  it('marks a touch logged for a proposed break-up as the break-up', async () => {
    await addProspect(ctx, dana, {
      name: 'Acme Corp',
      dealValue: 500,
      contact: { name: 'Peter Lee', phone: '+1 555 0100' },
    });
    await editProspect(ctx, dana, 'Acme', { icpFit: 'poor' });
    const logged = await logEvent(ctx, dana, 'Acme', { type: 'touch', channel: 'email', outcome: 'sent' });
    expect(logged.event.data.purpose).toBe('disqualify');
    expect(logged.decision).toMatchObject({ action: 'stop', rule: 'disqualified' });
  });

  it('decides again when time alone changes the decision, before anyone reads it', async () => {
    await addProspect(ctx, dana, {
      name: 'Acme Corp',
      contact: { name: 'Peter Lee', phone: '+1 555 0100', timezone: 'America/New_York' },
    });
    await logEvent(ctx, dana, 'Acme', {
      type: 'touch',
      channel: 'email',
      outcome: 'sent',
      purpose: 'break-up',
    });
    expect((await showProspect(ctx, dana, 'Acme')).decision).toMatchObject({ rule: 'break-up-wait' });
    clock.advance(8 * 86_400_000);
    const rows = await listProspects(ctx, dana, {});
    expect(rows[0]?.decision).toMatchObject({ action: 'nurture', activeList: false });
  });

  it('refuses a bad event and writes nothing', async () => {
    await addProspect(ctx, dana, { name: 'Acme Corp', contact: { name: 'Peter Lee' } });
    expect(
      await code(logEvent(ctx, dana, 'Acme', { type: 'touch', channel: 'email', outcome: 'voicemail' })),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      path: 'outcome',
    });
    expect(
      await code(
        logEvent(ctx, dana, 'Acme', { type: 'touch', channel: 'call', outcome: 'connected', at: '+2d' }),
      ),
    ).toMatchObject({
      path: 'at',
    });
    expect(
      await code(logEvent(ctx, dana, 'Acme', { type: 'commitment', kind: 'call', due: 'next week' })),
    ).toMatchObject({
      path: 'due',
    });
    expect((await showProspect(ctx, dana, 'Acme')).events).toHaveLength(0);
  });

  it('shows a rep only their own prospects; a manager sees the team; names suggest close matches', async () => {
    await addProspect(ctx, dana, { name: 'Acme Corp', contact: { name: 'Peter Lee' } });
    await addProspect(ctx, eli, { name: 'Globex', contact: { name: 'Hank Scorpio' } });
    expect(await code(showProspect(ctx, eli, 'Acme'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await code(showProspect(ctx, dana, 'Acme Crop'))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await code(showProspect(ctx, dana, 'Acme Crop'))).message).toContain('did you mean "Acme Corp"');
    const mona = await actorFor(ctx, 'mona@ourco.test');
    expect((await listProspects(ctx, mona, {})).map((r) => r.prospect.name)).toEqual(['Acme Corp']);
    expect((await listProspects(ctx, admin, {})).map((r) => r.prospect.name)).toEqual([
      'Acme Corp',
      'Globex',
    ]);
    // A page of them: a count that is not one is refused by name (SQLite read -1 as no limit at all).
    expect((await listProspects(ctx, admin, { limit: 1, offset: 1 })).map((r) => r.prospect.name)).toEqual([
      'Globex',
    ]);
    for (const [filter, path] of [
      [{ limit: 0 }, 'limit'],
      [{ limit: -1 }, 'limit'],
      [{ limit: Number.NaN }, 'limit'],
      [{ limit: 2, offset: 0.5 }, 'offset'],
    ] as const)
      expect(await code(listProspects(ctx, admin, filter))).toMatchObject({ code: 'INVALID_INPUT', path });
  });

  it('lists the candidates of an ambiguous name', async () => {
    await addProspect(ctx, dana, { name: 'Acme Corp', contact: { name: 'Peter Lee' } });
    await addProspect(ctx, dana, { name: 'Acme Labs', contact: { name: 'Sue Park' } });
    const error = await code(showProspect(ctx, dana, 'acme'));
    expect(error.code).toBe('AMBIGUOUS');
    expect(error.message).toContain('"Acme Corp"');
    // Nothing typed is no name: not the start of every one.
    for (const typed of ['', '   '])
      expect(await code(showProspect(ctx, dana, typed))).toMatchObject({
        code: 'INVALID_INPUT',
        path: 'prospect',
        message: "expected a prospect's name",
      });
    expect(error.message).toContain('"Acme Labs"');
  });

  it("orders a rep's day: time-critical first, then value per minute, and says how much fits", async () => {
    await addProspect(ctx, dana, {
      name: 'Small Co',
      dealValue: 1000,
      contact: { name: 'Al Small', phone: '+1 555 0101' },
    });
    await addProspect(ctx, dana, {
      name: 'Big Co',
      dealValue: 90000,
      contact: { name: 'Bo Big', phone: '+1 555 0102' },
    });
    await addProspect(ctx, dana, {
      name: 'Replied Co',
      dealValue: 500,
      contact: { name: 'Cy Reply', phone: '+1 555 0103' },
    });
    await logEvent(ctx, dana, 'Replied', {
      type: 'response',
      sentiment: 'positive',
      at: '2026-03-10T14:50:00Z',
    });
    const day = await agenda(ctx, dana, {});
    expect(day.items.map((i) => i.prospect.name)).toEqual(['Replied Co', 'Big Co', 'Small Co']);
    expect(day.items[0]?.decision.action).toBe('respond');
    expect(day.fitting).toBe(3);
    expect(day.availableMinutes).toBeGreaterThan(0);
  });

  it("puts the preparation of tomorrow's committed call on today's agenda, first", async () => {
    await addProspect(ctx, dana, {
      name: 'Big Co',
      dealValue: 90000,
      contact: { name: 'Bo Big', phone: '+1 555 0102' },
    });
    await addProspect(ctx, dana, {
      name: 'Call Co',
      contact: { name: 'Cy Call', phone: '+1 555 0103', timezone: 'America/New_York' },
    });
    await logEvent(ctx, dana, 'Call Co', {
      type: 'touch',
      channel: 'call',
      outcome: 'connected',
      at: '2026-03-10T14:00:00Z',
    });
    await logEvent(ctx, dana, 'Call Co', { type: 'commitment', kind: 'call', due: '2026-03-11T16:00:00Z' });
    const day = await agenda(ctx, dana, {});
    expect(day.items.map((i) => [i.prospect.name, i.decision.action])).toEqual([
      ['Call Co', 'prepare'],
      ['Big Co', 'follow-up'],
    ]);
  });

  it('hides a snoozed prospect from the agenda until the date', async () => {
    await addProspect(ctx, dana, { name: 'Acme Corp', contact: { name: 'Peter Lee', phone: '+1 555 0100' } });
    await snooze(ctx, dana, 'Acme', '+1d');
    expect((await agenda(ctx, dana, {})).items).toHaveLength(0);
    clock.advance(2 * 86_400_000); // Thursday
    expect((await agenda(ctx, dana, {})).items).toHaveLength(1);
  });

  it('counts the pipeline by state, and the prospects with no next step', async () => {
    await addProspect(ctx, dana, { name: 'Active Co', contact: { name: 'A' } });
    await addProspect(ctx, dana, { name: 'Customer Co', relationship: 'customer', contact: { name: 'B' } });
    await addProspect(ctx, dana, { name: 'Poor Co', icpFit: 'poor', contact: { name: 'C' } });
    await addProspect(ctx, dana, { name: 'Later Co', contact: { name: 'D' } });
    await logEvent(ctx, dana, 'Later', { type: 'response', sentiment: 'not-now', until: '2026-06-01' });
    await addContact(ctx, dana, 'Active', { name: 'E Second' });
    const p = await pipeline(ctx, dana);
    expect(p.counts).toMatchObject({ active: 1, customers: 1, disqualified: 1, nurture: 1 });
    expect(p.noNextStep.map((x) => x.name)).toEqual(['Active Co']);
  });
});
