// One chunk of an import's rows: what is known about the records it touches, and what it will
// write. Every change a row makes is logged so that a rejected row can be taken back whole.

import type { Contact, Product, Prospect, StoredEvent } from '../../core/records.js';

export class Chunk {
  private undoLog: (() => void)[] = [];
  readonly prospects = new Map<string, Prospect>();
  readonly created = new Set<string>();
  readonly dirty = new Set<string>();
  readonly contactsChanged = new Set<string>();
  readonly seen = new Set<string>();
  readonly contactsOf = new Map<string, Contact[]>();
  readonly contactById = new Map<string, Contact>();
  readonly newContacts = new Set<string>();
  readonly dirtyContacts = new Set<string>();
  readonly extProspects = new Map<string, string>();
  readonly extContacts = new Map<string, string>();
  readonly byEmail = new Map<string, string>();
  readonly byName = new Map<string, string[]>();
  readonly eventKeys = new Map<string, { id: string; prospectId: string; type: string }>();
  /** Events by id (any organisation's), with their organisation and prospect. */
  readonly eventIds = new Map<string, { orgId: string; prospectId: string; type: string }>();
  readonly takenIds = new Set<string>();
  /**
   * The file's ids ("prospect:ID", "contact:ID", "event:KEY") held by records the importer may not
   * change: to this import they name nothing, and its own records cannot take them.
   */
  readonly held = new Set<string>();
  readonly newExtIds: {
    system: string;
    kind: 'prospect' | 'contact';
    externalId: string;
    entityId: string;
  }[] = [];
  readonly newEvents: StoredEvent[] = [];
  readonly newProducts: Product[] = [];
  duplicates = 0;

  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key);
    const prev = map.get(key);
    map.set(key, value);
    this.undoLog.push(() => (had ? map.set(key, prev as V) : map.delete(key)));
  }

  add<T>(set: Set<T>, value: T): void {
    if (set.has(value)) return;
    set.add(value);
    this.undoLog.push(() => set.delete(value));
  }

  push<T>(list: T[], value: T): void {
    list.push(value);
    this.undoLog.push(() => list.pop());
  }

  count(n: number): void {
    this.duplicates += n;
    this.undoLog.push(() => (this.duplicates -= n));
  }

  /** Keeps what the rows so far did. */
  keep(): void {
    this.undoLog = [];
  }

  /** Takes back everything since the last keep(). */
  undo(): void {
    for (let f = this.undoLog.pop(); f !== undefined; f = this.undoLog.pop()) f();
  }

  putContact(c: Contact): void {
    this.set(this.contactById, c.id, c);
    const list = this.contactsOf.get(c.prospectId) ?? [];
    const i = list.findIndex((x) => x.id === c.id);
    this.set(this.contactsOf, c.prospectId, i < 0 ? [...list, c] : list.map((x) => (x.id === c.id ? c : x)));
    if (c.email !== null && !this.byEmail.has(c.email)) this.set(this.byEmail, c.email, c.id);
  }
}
