// Leads the team closed in its CRM without a sale (Salesforce "Closed - Not Converted", HubSpot lead
// status "Unqualified") are imported as lost deals: nurtured off the active list, not chased. Open
// leads in the same files are followed up as before, and a second import adds nothing.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
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
import { importFiles } from './import.js';

const SALESFORCE_LEADS = [
  'Lead ID,First Name,Last Name,Company,Email,Lead Status,Lead Source,Created Date,Last Modified Date',
  '00Q1,Ann,Open,Open Works,ann@openworks.test,Working - Contacted,Web,2026-01-05,2026-02-01',
  '00Q2,Bo,Closed,Closed Shop,bo@closedshop.test,Closed - Not Converted,Web,2026-01-05,2026-02-10',
].join('\n');

const HUBSPOT_CONTACTS = [
  'Record ID,First Name,Last Name,Email,Company Name,Lead Status,Create Date,Last Modified Date',
  '501,Cy,Keen,cy@keen.test,Keen Labs,In Progress,2026-01-06 09:00,2026-02-01 09:00',
  '502,Di,Cold,di@cold.test,Cold Storage,Unqualified,2026-01-06 09:00,2026-02-12 09:00',
].join('\n');

describeDialects('leads closed in the CRM, imported on %s', (dialect) => {
  let t: TestDb;
  let ctx: AppContext;
  let admin: User;

  beforeEach(async () => {
    t = await freshDatabase(dialect);
    ctx = appContext(t.db, new TestClock(Date.parse('2026-03-10T15:00:00Z')));
    ({ admin } = await team(ctx));
  });
  afterEach(async () => {
    await t.drop();
  });

  it('become lost deals, nurtured and not chased; open ones are followed up; importing again adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pursuit-closed-leads-'));
    writeFileSync(join(dir, 'leads.csv'), SALESFORCE_LEADS);
    writeFileSync(join(dir, 'contacts.csv'), HUBSPOT_CONTACTS);
    const files = [{ path: join(dir, 'leads.csv') }, { path: join(dir, 'contacts.csv') }];
    const report = await importFiles(ctx, admin, files, {});
    expect(report.files.map((f) => [f.format, f.kind])).toEqual([
      ['salesforce', 'leads'],
      ['hubspot', 'contacts'],
    ]);
    expect(report.events.added).toBe(2);

    const rows = await t.db.kysely
      .selectFrom('prospects')
      .innerJoin('decisions', 'decisions.prospect_id', 'prospects.id')
      .select(['prospects.name', 'decisions.action', 'decisions.active_list', 'decisions.due'])
      .orderBy('prospects.name')
      .execute();
    const state = Object.fromEntries(rows.map((r) => [r.name, [r.action, Boolean(r.active_list)]]));
    expect(state).toEqual({
      'Closed Shop': ['nurture', false],
      'Cold Storage': ['nurture', false],
      'Keen Labs': ['follow-up', true],
      'Open Works': ['follow-up', true],
    });
    // Nurtured 180 days after the CRM closed them (the record's last change, 10 Feb): Sunday 9 August,
    // moved into the business window.
    const closedShop = rows.find((r) => r.name === 'Closed Shop');
    expect(new Date(Number(closedShop?.due)).toISOString().slice(0, 10)).toBe('2026-08-10');
    const events = await t.db.kysely.selectFrom('events').select(['data', 'source_key']).execute();
    expect(events.map((e) => [JSON.parse(e.data).result, e.source_key]).sort()).toEqual([
      ['lost', 'hubspot:502:closed'],
      ['lost', 'salesforce:00Q2:closed'],
    ]);

    const again = await importFiles(ctx, admin, files, {});
    expect(again.events).toEqual({ added: 0, duplicates: 2 });
  });
});
