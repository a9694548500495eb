// Organisations, users and products: rows in, records out.

import type { Kysely, Selectable } from 'kysely';
import type { Database, ProductsTable, UsersTable } from '../schema.js';
import type { Organisation, Product, User } from '../../core/records.js';

type Q = Kysely<Database>;

function toUser(r: Selectable<UsersTable>): User {
  return {
    id: r.id,
    orgId: r.org_id,
    email: r.email,
    name: r.name,
    role: r.role,
    managerId: r.manager_id,
    timezone: r.timezone,
    phone: r.phone,
    hourlyValue: r.hourly_value,
    createdAt: Number(r.created_at),
  };
}

function toProduct(r: Selectable<ProductsTable>): Product {
  return { id: r.id, orgId: r.org_id, name: r.name, status: r.status, createdAt: Number(r.created_at) };
}

export const organisations = {
  async insert(q: Q, o: Organisation): Promise<void> {
    await q.insertInto('organisations').values({ id: o.id, name: o.name, created_at: o.createdAt }).execute();
  },
  async findById(q: Q, id: string): Promise<Organisation | undefined> {
    const r = await q.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : { id: r.id, name: r.name, createdAt: Number(r.created_at) };
  },
  async list(q: Q): Promise<Organisation[]> {
    const rows = await q.selectFrom('organisations').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: Number(r.created_at) }));
  },
};

export const users = {
  /** Locks the organisation's admins until the transaction ends (PostgreSQL; SQLite has one writer). */
  async lockAdmins(q: Q, dialect: 'sqlite' | 'postgres', orgId: string): Promise<void> {
    if (dialect !== 'postgres') return;
    await q
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', orgId)
      .where('role', '=', 'admin')
      .orderBy('id')
      .forUpdate()
      .execute();
  },
  async insert(q: Q, u: User): Promise<void> {
    await q
      .insertInto('users')
      .values({
        id: u.id,
        org_id: u.orgId,
        email: u.email,
        name: u.name,
        role: u.role,
        manager_id: u.managerId,
        timezone: u.timezone,
        phone: u.phone,
        hourly_value: u.hourlyValue,
        created_at: u.createdAt,
      })
      .execute();
  },
  async update(q: Q, u: User): Promise<void> {
    await q
      .updateTable('users')
      .set({
        email: u.email,
        name: u.name,
        role: u.role,
        manager_id: u.managerId,
        timezone: u.timezone,
        phone: u.phone,
        hourly_value: u.hourlyValue,
      })
      .where('id', '=', u.id)
      .execute();
  },
  async findById(q: Q, id: string): Promise<User | undefined> {
    const r = await q.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toUser(r);
  },
  /** Users with this (lower-case) email, in any organisation. */
  async findByEmail(q: Q, email: string): Promise<User[]> {
    const rows = await q.selectFrom('users').selectAll().where('email', '=', email).execute();
    return rows.map(toUser);
  },
  async findByIds(q: Q, ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await q.selectFrom('users').selectAll().where('id', 'in', ids).execute();
    return rows.map(toUser);
  },
  async list(q: Q, orgId: string): Promise<User[]> {
    const rows = await q
      .selectFrom('users')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute();
    return rows.map(toUser);
  },
  async listAll(q: Q): Promise<User[]> {
    const rows = await q.selectFrom('users').selectAll().orderBy('created_at').execute();
    return rows.map(toUser);
  },
};

export const products = {
  async insert(q: Q, p: Product): Promise<void> {
    await q
      .insertInto('products')
      .values({ id: p.id, org_id: p.orgId, name: p.name, status: p.status, created_at: p.createdAt })
      .execute();
  },
  async setStatus(q: Q, id: string, status: Product['status']): Promise<void> {
    await q.updateTable('products').set({ status }).where('id', '=', id).execute();
  },
  async list(q: Q, orgId: string): Promise<Product[]> {
    const rows = await q
      .selectFrom('products')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('name')
      .execute();
    return rows.map(toProduct);
  },
};
