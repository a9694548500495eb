// One set of field limits for every way in (issue 16, item 6): an import row with a company name of
// 1,000,000 characters (or a contact's field over its limit) is rejected naming the field, as the
// API's schema and the command line's use case refuse the same value; the good rows still come in.

import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  describeDialects,
  TestClock,
  appContext,
  freshDatabase,
  team,
} from '../../../test/support/databases.js';
import type { TestDb } from '../../../test/support/databases.js';
import type { User } from '../../core/records.js';
import type { AppContext } from '../context.js';
import { LIMITS } from '../limits.js';
import { addProspect, editProspect } from '../prospects/prospects.js';
import { importFile } from './import.js';

const NOW = Date.parse('2026-03-10T15:00:00Z');

const bytes = (text: string) =>
  (async function* () {
    yield Buffer.from(text);
  })();

describeDialects('field limits on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(NOW));
    ({ admin } = await team(ctx));
  });

  afterEach(async () => {
    await t.drop();
  });

  it('rejects an import row over a limit, naming the field, and keeps the good rows', async () => {
    const huge = 'A'.repeat(1_000_000);
    const csv = [
      'Company,Name,Email,Phone',
      `${huge},Pat Doe,pat@huge.test,+1 555 0100`,
      `Fine Co,${'B'.repeat(LIMITS.contactName + 1)},bee@fine.test,+1 555 0101`,
      `Phone Co,Pam Poe,pam@phone.test,${'5'.repeat(LIMITS.phone + 1)}`,
      'Good Co,Gus Good,gus@good.test,+1 555 0102',
    ].join('\n');
    const report = await importFile(ctx, admin, {
      stream: bytes(csv),
      name: 'leads.csv',
      mapping: 'prospect=Company,contact=Name,email=Email,phone=Phone',
      skipBad: true,
    });
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'prospect.name: must be at most 200 characters long, not 1000000'],
      [
        3,
        `contact.name: must be at most ${LIMITS.contactName} characters long, not ${LIMITS.contactName + 1}`,
      ],
      [4, `contact.phone: must be at most ${LIMITS.phone} characters long, not ${LIMITS.phone + 1}`],
    ]);
    const names = await t.db.kysely.selectFrom('prospects').select('name').execute();
    expect(names.map((p) => p.name)).toEqual(['Good Co']);
  });

  it('refuses the same values from the command line (the use cases)', async () => {
    await expect(
      addProspect(ctx, admin, { name: 'x'.repeat(LIMITS.prospectName + 1), contact: { name: 'Sam Long' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      path: 'name',
    });
    await addProspect(ctx, admin, { name: 'Short Co', contact: { name: 'Sam Short' } });
    await expect(
      editProspect(ctx, admin, 'Short Co', { name: 'y'.repeat(LIMITS.prospectName + 1) }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', path: 'name' });
  });
});
