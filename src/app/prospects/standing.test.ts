// A prospect's standing on its page: a won deal makes a prospect a customer (as its decisions already
// treat it) while the record keeps what was typed, so taking the deal back makes it a prospect again;
// a lost deal, or a win for an ex-customer, leaves the relationship as it was.

import { afterEach, beforeEach, expect, it } from 'vitest';
import type { User } from '../../core/records.js';
import {
  TestClock,
  appContext,
  describeDialects,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { AppContext } from '../context.js';
import { logEvent, undoLast } from './logging.js';
import { addProspect } from './prospects.js';
import { showProspect } from './reading.js';

describeDialects("a prospect's standing on %s", (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let dana: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ dana } = await team(ctx));
  });
  afterEach(() => t.drop());

  const shown = async (name: string) => {
    const details = await showProspect(ctx, dana, name);
    return { relationship: details.prospect.relationship, standing: details.standing };
  };

  it('is a customer after a won deal, and a prospect again once the deal is taken back', async () => {
    await addProspect(ctx, dana, { name: 'Acme', contact: { name: 'Peter Lee' } });
    expect(await shown('Acme')).toEqual({ relationship: 'prospect', standing: 'prospect' });
    await logEvent(ctx, dana, 'Acme', { type: 'deal', result: 'won' });
    expect(await shown('Acme')).toEqual({ relationship: 'prospect', standing: 'customer' });
    expect((await showProspect(ctx, dana, 'Acme')).decision?.rule).toBe('customer-check-in');
    await undoLast(ctx, dana);
    expect(await shown('Acme')).toEqual({ relationship: 'prospect', standing: 'prospect' });
  });

  it('stays as recorded after a lost deal, and for an ex-customer who buys again', async () => {
    await addProspect(ctx, dana, { name: 'Globex', contact: { name: 'Hank Scorpio' } });
    await logEvent(ctx, dana, 'Globex', { type: 'deal', result: 'lost' });
    expect(await shown('Globex')).toEqual({ relationship: 'prospect', standing: 'prospect' });
    await addProspect(ctx, dana, {
      name: 'Initech',
      relationship: 'ex-customer',
      contact: { name: 'Bill Lumbergh' },
    });
    await logEvent(ctx, dana, 'Initech', { type: 'deal', result: 'won' });
    expect(await shown('Initech')).toEqual({ relationship: 'ex-customer', standing: 'ex-customer' });
  });
});
