// The first schema: organisations, users, products, prospects, contacts, events, external ids,
// playbook versions and each prospect's current decision. One definition for SQLite and PostgreSQL.

import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's types */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('manager_id', 'text', (c) => c.references('users.id'))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('hourly_value', 'double precision')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('users_org_email', ['org_id', 'email'])
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('products_org_name', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('prospects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('deal_value', 'double precision')
    .addColumn('icp_fit', 'text', (c) => c.notNull())
    .addColumn('serious', 'integer')
    .addColumn('goals_clear', 'integer')
    .addColumn('price_only', 'integer')
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('product_fit', 'text', (c) => c.notNull())
    .addColumn('do_not_contact', 'integer', (c) => c.notNull())
    .addColumn('snoozed_until', 'bigint')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prospects_org_owner')
    .on('prospects')
    .columns(['org_id', 'owner_id'])
    .execute();
  await db.schema.createIndex('prospects_org_name').on('prospects').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('timezone', 'text')
    .addColumn('do_not_contact', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contacts_prospect')
    .on('contacts')
    .columns(['prospect_id', 'position'])
    .execute();
  await db.schema.createIndex('contacts_org_email').on('contacts').columns(['org_id', 'email']).execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('logged_by', 'text')
    .addColumn('logged_at', 'bigint', (c) => c.notNull())
    .addColumn('log_seq', 'bigint')
    .addColumn('source_key', 'text')
    .execute();
  await db.schema
    .createIndex('events_prospect_at')
    .on('events')
    .columns(['prospect_id', 'at', 'logged_at'])
    .execute();
  await db.schema
    .createIndex('events_logged')
    .on('events')
    .columns(['org_id', 'logged_by', 'logged_at'])
    .execute();
  await db.schema
    .createIndex('events_source_key')
    .on('events')
    .columns(['org_id', 'source_key'])
    .unique()
    .where('source_key', 'is not', null)
    .execute();

  await db.schema
    .createTable('external_ids')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('external_ids_pk', ['org_id', 'system', 'kind', 'external_id'])
    .execute();

  await db.schema
    .createTable('playbooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addUniqueConstraint('playbooks_org_version', ['org_id', 'version'])
    .execute();

  await db.schema
    .createTable('decisions')
    .addColumn('prospect_id', 'text', (c) => c.primaryKey().references('prospects.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('due', 'bigint')
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('active_list', 'integer', (c) => c.notNull())
    .addColumn('urgency', 'integer', (c) => c.notNull())
    .addColumn('value_per_minute', 'double precision', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'bigint', (c) => c.notNull())
    .addColumn('recheck_at', 'bigint')
    .addColumn('playbook_version', 'text', (c) => c.notNull())
    .addColumn('model_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decisions_owner_due')
    .on('decisions')
    .columns(['org_id', 'owner_id', 'due'])
    .execute();
  await db.schema
    .createIndex('decisions_recheck')
    .on('decisions')
    .columns(['org_id', 'recheck_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'decisions',
    'playbooks',
    'external_ids',
    'events',
    'contacts',
    'prospects',
    'products',
    'users',
    'organisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
