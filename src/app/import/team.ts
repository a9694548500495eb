// Who and what an import can name: the team's users (owners, by email or by a single matching name,
// limited to those the importer may assign), the owners it did not know, and the products (a new
// name makes a new product).

import { uuid7 } from '../../integrations/crm/ids.js';
import type { ProspectPart } from '../../integrations/crm/unit.js';
import { personKey } from '../../integrations/csv/values.js';
import type { Product, User } from '../../core/records.js';
import { products, users } from '../../store/repositories/people.repository.js';
import { norm, visibleOwners } from '../accounts/actors.js';
import type { Chunk } from './chunk.js';
import type { Q } from '../context.js';

export class ImportTeam {
  private readonly unknownOwners = new Map<string, number>();
  private readonly usersByEmail = new Map<string, User>();
  private readonly usersByName = new Map<string, User[]>();
  private readonly products = new Map<string, Product>();
  private visible: Set<string> | undefined;

  private constructor(private readonly orgId: string) {}

  static async load(q: Q, actor: User): Promise<ImportTeam> {
    const team = new ImportTeam(actor.orgId);
    for (const u of await users.list(q, team.orgId)) {
      team.usersByEmail.set(u.email.toLowerCase(), u);
      const key = norm(u.name);
      team.usersByName.set(key, [...(team.usersByName.get(key) ?? []), u]);
    }
    const owners = await visibleOwners(q, actor);
    team.visible = owners === undefined ? undefined : new Set(owners);
    for (const p of await products.list(q, team.orgId)) team.products.set(norm(p.name), p);
    return team;
  }

  /** Whether the importer may change (or assign) the prospects of this owner. */
  mayChange(ownerId: string): boolean {
    return this.visible === undefined || this.visible.has(ownerId);
  }

  /** The user an owner column names, if the importer may assign them; else counted as unknown. */
  owner(text: string | undefined): User | undefined {
    if (text === undefined) return undefined;
    const key = personKey(text);
    let user = key?.email === undefined ? undefined : this.usersByEmail.get(key.email);
    if (user === undefined && key?.name !== undefined) {
      const named = this.usersByName.get(norm(key.name));
      if (named?.length === 1) user = named[0];
    }
    if (user !== undefined && !this.mayChange(user.id)) user = undefined;
    if (user === undefined && this.unknownOwners.size < 1000) {
      this.unknownOwners.set(text, (this.unknownOwners.get(text) ?? 0) + 1);
    }
    return user;
  }

  /** The owners no user answered to, the most rows first. */
  unknownOwnerList(): { owner: string; rows: number }[] {
    return [...this.unknownOwners].map(([owner, rows]) => ({ owner, rows })).sort((a, b) => b.rows - a.rows);
  }

  /** The product a row names, created in the chunk when the organisation has none of that name. */
  productId(part: ProspectPart, chunk: Chunk, now: number): string | null | undefined {
    if (part.product === undefined) return undefined;
    const key = norm(part.product.name);
    const found = this.products.get(key);
    if (found !== undefined) return found.id;
    const product: Product = {
      id: uuid7(),
      orgId: this.orgId,
      name: part.product.name,
      status: part.product.status ?? 'active',
      createdAt: now,
    };
    chunk.set(this.products, key, product);
    chunk.push(chunk.newProducts, product);
    return product.id;
  }
}
