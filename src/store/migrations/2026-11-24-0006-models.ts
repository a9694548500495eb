// The stopping model calibrated on an organisation's history: each calibration is a new version
// (its fitted numbers and what the check found), one of them in force; a decision records the
// version that made it (`modelVersion`). And the value of each rep's time, worked out once a day
// from their own pipeline, so that decisions stay the same through the day. And the last policy
// simulations a team ran (`pursuit simulate --save`), for the dashboard.

import type { Kysely } from 'kysely';
import { noticeChanges } from './2026-11-24-0004-change-notices.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The fitted numbers (curve, intervals, ratios, win rates, exploration), as JSON.
    .addColumn('params', 'text', (c) => c.notNull())
    // What calibration found: trials, responses, held-out log loss against the prior, deciles.
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addUniqueConstraint('models_version', ['org_id', 'version'])
    .execute();
  await noticeChanges(db, 'models');

  await db.schema
    .createTable('rep_days')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The rep's local date, YYYY-MM-DD.
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('hourly_value', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rep_days_pk', ['user_id', 'day'])
    .execute();
  await noticeChanges(db, 'rep_days');

  await db.schema
    .createTable('simulations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('world', 'text', (c) => c.notNull())
    // The report: per policy, revenue and wins per rep-hour and the rest, with 95% intervals.
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('simulations_org')
    .on('simulations')
    .columns(['org_id', 'created_at'])
    .execute();
  await noticeChanges(db, 'simulations');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('simulations').execute();
  await db.schema.dropTable('rep_days').execute();
  await db.schema.dropTable('models').execute();
}
