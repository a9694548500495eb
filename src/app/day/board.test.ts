// The pipeline board on a real database (SQLite file and PostgreSQL): columns by state with counts,
// deal values and cards soonest first, filters by owner and state, paging a column, and who sees what.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { PursuitError } from '../../core/errors.js';
import { PIPELINE_STATES } from '../../core/pipeline.js';
import type { User } from '../../core/records.js';
import { describeDialects, TestClock, appContext, freshDatabase } from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { logEvent } from '../prospects/logging.js';
import { addProspect } from '../prospects/prospects.js';
import { addUser, init } from '../accounts/workspace.js';
import { board } from './board.js';
import { pipeline } from './agenda.js';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; path: string | undefined }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PursuitError) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('expected an error');
}

describeDialects('the pipeline board on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;
  let mona: User;
  let dana: User;
  let eli: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ admin } = await init(ctx, {
      organisation: 'OurCo',
      name: 'Ada Admin',
      email: 'ada@ourco.test',
      timezone: 'America/Denver',
    }));
    mona = await addUser(ctx, admin, { name: 'Mona Manager', email: 'mona@ourco.test', role: 'manager' });
    dana = await addUser(ctx, admin, {
      name: 'Dana Whitfield',
      email: 'dana@ourco.test',
      manager: 'Mona Manager',
    });
    eli = await addUser(ctx, admin, { name: 'Eli Stone', email: 'eli@ourco.test' });
    const add = (name: string, owner: User, more: Record<string, unknown> = {}) =>
      addProspect(ctx, admin, {
        name,
        owner: owner.id,
        contact: { name: `${name} Person`, phone: '+1 555 0100', timezone: 'America/New_York' },
        ...more,
      });
    await add('Active Co', dana, { dealValue: 12000 });
    await add('Big Co', dana, { dealValue: 90000 });
    await add('Customer Co', dana, { relationship: 'customer', dealValue: 5000 });
    await add('Poor Co', dana, { icpFit: 'poor' });
    await add('Later Co', dana);
    await logEvent(ctx, dana, 'Later', { type: 'response', sentiment: 'not-now', until: '2026-06-01' });
    await add('Call Co', dana, { dealValue: 30000 });
    await logEvent(ctx, dana, 'Call Co', {
      type: 'touch',
      channel: 'call',
      outcome: 'connected',
      at: '2026-03-10T14:00:00Z',
    });
    await logEvent(ctx, dana, 'Call Co', { type: 'commitment', kind: 'call', due: '2026-03-12T16:00:00Z' });
    await add('Eli One', eli, { dealValue: 1000 });
    await add('Eli Two', eli);
  });

  afterEach(async () => {
    await t.drop();
  });

  const column = (b: Awaited<ReturnType<typeof board>>, state: string) =>
    b.columns.find((c) => c.state === state);

  it("lays out every state in the engine's order, with counts, values and cards", async () => {
    const b = await board(ctx, admin);
    expect(b.columns.map((c) => c.state)).toEqual([...PIPELINE_STATES]);
    expect(b.total).toEqual({ count: 8, value: 138000 });
    const counts = Object.fromEntries(b.states.map((s) => [s.state, s.count]));
    expect(counts).toMatchObject({
      followingUp: 4,
      nextStepSet: 1,
      customers: 1,
      disqualified: 1,
      nurture: 1,
    });
    expect(column(b, 'followingUp')?.value).toBe(103000);
    const called = column(b, 'nextStepSet')?.cards[0];
    expect(called).toMatchObject({
      name: 'Call Co',
      ownerName: 'Dana Whitfield',
      dealValue: 30000,
      nextStep: 'Wait for the commitment',
      overdue: false,
    });
    // The sum of the columns is the old pipeline's count, state by state.
    const old = await pipeline(ctx, admin);
    expect(old.total).toBe(b.total.count);
    expect(old.counts.active).toBe(
      counts.newLead! + counts.followingUp! + counts.inConversation! + counts.nextStepSet!,
    );
    expect(old.counts.nurture).toBe(counts.nurture);
  });

  it('shows the soonest next step first, and says what is overdue', async () => {
    // Friday: the first touches, due "now" when decided afresh, are late half an hour later.
    const clock = new TestClock(Date.parse('2026-03-13T15:00:00Z'));
    ctx = appContext(t.db, clock);
    await board(ctx, admin);
    clock.advance(30 * 60_000);
    const cards = column(await board(ctx, admin), 'followingUp')?.cards ?? [];
    const dues = cards.map((c) => c.due ?? Infinity);
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(cards.every((c) => c.overdue === (c.due !== null && c.due < clock.now()))).toBe(true);
    expect(cards.some((c) => c.overdue)).toBe(true);
    expect(cards[0]?.nextStep).toMatch(/^Follow up by (call|email)$/);
  });

  it('filters by owner and by state, and pages one column', async () => {
    const eliOnly = await board(ctx, admin, { owner: 'Eli Stone' });
    expect(eliOnly.owner?.id).toBe(eli.id);
    expect(eliOnly.total.count).toBe(2);
    expect(eliOnly.columns.flatMap((c) => c.cards.map((x) => x.name)).sort()).toEqual(['Eli One', 'Eli Two']);

    const some = await board(ctx, admin, { state: 'nurture, customers' });
    expect(some.selected).toEqual(['customers', 'nurture']);
    expect(some.columns.map((c) => c.state)).toEqual(['customers', 'nurture']);
    // The filter's choices still count every state.
    expect(some.states).toHaveLength(PIPELINE_STATES.length);

    const first = column(await board(ctx, admin, { state: 'followingUp', limit: 3 }), 'followingUp');
    expect(first?.cards).toHaveLength(3);
    expect(first?.more).toBe(true);
    const rest = column(
      await board(ctx, admin, { state: 'followingUp', limit: 3, offset: 3 }),
      'followingUp',
    );
    expect(rest?.more).toBe(false);
    const names = [...(first?.cards ?? []), ...(rest?.cards ?? [])].map((c) => c.name);
    expect(new Set(names).size).toBe(4);

    expect(await refusal(board(ctx, admin, { state: 'won' }))).toEqual({
      code: 'INVALID_INPUT',
      path: 'state',
    });
    expect(await refusal(board(ctx, admin, { limit: 0 }))).toEqual({ code: 'INVALID_INPUT', path: 'limit' });
  });

  it('shows a rep their own prospects, a manager their team, and refuses other owners', async () => {
    const own = await board(ctx, eli);
    expect(own.total.count).toBe(2);
    expect(own.owners.map((u) => u.name)).toEqual(['Eli Stone']);
    expect((await refusal(board(ctx, eli, { owner: 'Dana Whitfield' }))).code).toBe('FORBIDDEN');

    const team = await board(ctx, mona);
    expect(team.total.count).toBe(6);
    expect(team.owners.map((u) => u.name).sort()).toEqual(['Dana Whitfield', 'Mona Manager']);
    expect((await board(ctx, mona, { owner: dana.email })).total.count).toBe(6);
    expect((await refusal(board(ctx, mona, { owner: 'Eli Stone' }))).code).toBe('FORBIDDEN');
    expect((await board(ctx, admin)).owners).toHaveLength(4);
  });

  it('re-decides, before a read, only the decisions of the owners it shows', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z'));
    ctx = appContext(t.db, clock);
    // A month on, the first touches are all due another look.
    clock.advance(30 * 86_400_000);
    const decidedAt = async () => {
      const rows = await t.db.kysely.selectFrom('decisions').select(['owner_id', 'decided_at']).execute();
      const at = new Map<string, number[]>();
      for (const r of rows) at.set(r.owner_id, [...(at.get(r.owner_id) ?? []), Number(r.decided_at)]);
      return (user: User) => at.get(user.id) ?? [];
    };
    const before = await decidedAt();
    const fresh = (ats: number[]) => ats.filter((at) => at === clock.now()).length;
    expect(fresh(before(dana)) + fresh(before(eli))).toBe(0);

    // Dana's pipeline: hers, not Eli's.
    await pipeline(ctx, dana);
    let now = await decidedAt();
    expect(fresh(now(dana))).toBeGreaterThan(2);
    expect(now(eli)).toEqual(before(eli));

    // Mona's board shows her team (Dana): Eli's still stand.
    clock.advance(86_400_000);
    await board(ctx, mona);
    now = await decidedAt();
    expect(fresh(now(dana))).toBeGreaterThan(2);
    expect(now(eli)).toEqual(before(eli));

    // The admin's pipeline shows everyone's.
    await pipeline(ctx, admin);
    now = await decidedAt();
    expect(fresh(now(eli))).toBe(2);
  });

  it('names the first prospects with no dated next step, and counts them all', async () => {
    const whole = await pipeline(ctx, admin);
    expect(whole.noNextStepCount).toBe(whole.noNextStep.length);
    expect(whole.noNextStep.length).toBeGreaterThan(2);
    const names = whole.noNextStep.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).not.toContain('Call Co');
    const first = await pipeline(ctx, admin, { limit: 2 });
    expect(first.noNextStep.map((p) => p.name)).toEqual(names.slice(0, 2));
    expect(first.noNextStepCount).toBe(whole.noNextStepCount);
    expect(first.counts).toEqual(whole.counts);
    const next = await pipeline(ctx, admin, { offset: 2, limit: 2 });
    expect(next.noNextStep.map((p) => p.name)).toEqual(names.slice(2, 4));
    expect((await pipeline(ctx, admin, { offset: names.length })).noNextStep).toEqual([]);
    expect(await refusal(pipeline(ctx, admin, { limit: 0 }))).toEqual({
      code: 'INVALID_INPUT',
      path: 'limit',
    });
    expect(await refusal(pipeline(ctx, admin, { limit: 501 }))).toEqual({
      code: 'INVALID_INPUT',
      path: 'limit',
    });
    expect(await refusal(pipeline(ctx, admin, { offset: -1 }))).toEqual({
      code: 'INVALID_INPUT',
      path: 'offset',
    });
  });
});
