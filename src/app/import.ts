// Import of CRM exports (HubSpot, Salesforce, Pipedrive), of any CSV with a column mapping, and of
// Pursuit's own exports (CSV and JSON Lines). Files are streamed in chunks; each chunk's rows are
// resolved with a few batch lookups (external id, then contact email, then company name) and
// written with multi-row inserts. Everything runs in ONE transaction: by default a single bad row
// rolls it all back (and every rejected row is reported with its line and reason); with skipBad
// the good rows are kept and the bad ones written to a rejects file. A crash or Ctrl-C before the
// commit leaves the database as it was. Touched prospects are re-decided before the commit.

import { stat } from 'node:fs/promises';
import { PursuitError } from '../core/errors.js';
import { ByteDecoder } from '../integrations/csv/decode.js';
import type { Encoding } from '../integrations/csv/decode.js';
import { eventProblem } from '../integrations/csv/contract-event.js';
import {
  RejectsFile,
  fileBytes,
  looksLikeJsonl,
  peek,
  readHead,
  rejectsPathFor,
} from '../integrations/csv/files.js';
import { createMapper, kindRank } from '../integrations/csv/formats.js';
import type { Mapping } from '../integrations/csv/generic.js';
import { parseMapping } from '../integrations/csv/generic.js';
import { uuid7 } from '../integrations/csv/ids.js';
import {
  contentKey,
  mergeContact,
  mergeProspect,
  newContact,
  newProspect,
} from '../integrations/csv/merge.js';
import { CsvParser } from '../integrations/csv/parse.js';
import { unitFromJsonLine } from '../integrations/csv/pursuit-format.js';
import type { ByteSource, ReadStats } from '../integrations/csv/read.js';
import { csvBatches, lineBatches, newStats } from '../integrations/csv/read.js';
import type {
  ContactPart,
  ContactRef,
  EventPart,
  FormatName,
  ImportUnit,
  MapContext,
  ProspectPart,
  RowMapper,
} from '../integrations/csv/unit.js';
import { RowError, personKey } from '../integrations/csv/values.js';
import type { Contact, Product, Prospect, StoredEvent, User } from '../store/records.js';
import { products, users } from '../store/repositories/people.repository.js';
import { contacts, prospects } from '../store/repositories/prospects.repository.js';
import { events, externalIds } from '../store/repositories/history.repository.js';
import type { AppContext } from './context.js';
import { visibleOwners } from './actors.js';
import { refreshDecisions } from './decisions.js';
import { inTransaction } from './workspace.js';
import type { Q } from './workspace.js';

export interface ImportInput {
  /** A file to read (streamed, never read whole). */
  path?: string;
  /** Or a byte stream, such as standard input. */
  stream?: ByteSource;
  /** The name in reports (default: the path, or "stdin"). */
  name?: string;
}

export interface ImportOptions {
  /** Default: from the header row (JSON Lines from a .jsonl name or a first "{"). */
  format?: FormatName;
  /** A generic CSV's columns: an object, or the text of `--map prospect=Company,contact=Name,...`. */
  mapping?: Mapping | string;
  /** The namespace of a generic file's ids (default "pursuit" without a mapping, else "csv"). */
  system?: string;
  /** Import the good rows and write the bad ones to `rejectsPath`, instead of all-or-nothing. */
  skipBad?: boolean;
  /** Where rejected rows go (line, reason, then the original row). Several inputs: one file each. */
  rejectsPath?: string;
  /** The zone of times exported without an offset (default: the importing user's). */
  zone?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Abort (Ctrl-C): the transaction rolls back and nothing is written. */
  signal?: AbortSignal;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number | undefined;
  rows: number;
  rejected: number;
}

export interface RejectedRow {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  /** False when rows were rejected without skipBad: then nothing was written. */
  committed: boolean;
  files: { name: string; format: FormatName; kind: string; encoding: Encoding; rows: number }[];
  rowsRead: number;
  /** Rows with nothing to import (notes, tasks, cancelled meetings), by reason. */
  ignored: Record<string, number>;
  prospects: { created: number; updated: number; unchanged: number };
  contacts: { created: number; updated: number };
  events: { added: number; duplicates: number };
  productsCreated: string[];
  /** Owners in the files that are no user of the team (or not one the importer may assign): the importer got them. */
  unknownOwners: { owner: string; rows: number }[];
  /** The rejected rows (the first 10,000; `rejectedCount` counts them all). */
  rejected: RejectedRow[];
  rejectedCount: number;
  rejectsFiles: string[];
  /** Prospects re-decided; prospects left without a contact cannot be decided until one is added. */
  decided: number;
  withoutContacts: number;
}

const MAX_LISTED_REJECTS = 10_000;
/** Ids of Pursuit's own files that can be kept as they are. */
const KEEPABLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const CREATED = 0;
const UPDATED = 1;
const UNCHANGED = 2;
type Status = typeof CREATED | typeof UPDATED | typeof UNCHANGED;

class Rollback extends Error {}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** One row (or JSON line) to import, with what to write to the rejects file if it fails. */
interface Item {
  unit: ImportUnit;
  raw: string[];
}

interface Source {
  input: ImportInput;
  name: string;
  size: number | undefined;
  jsonl: boolean;
  rank: number;
  rejectsPath: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading the inputs

async function prepare(
  inputs: ImportInput[],
  options: ImportOptions,
  mapContext: MapContext,
  mapping: Mapping | undefined,
): Promise<Source[]> {
  const sources: Source[] = [];
  for (const [index, input] of inputs.entries()) {
    const name = input.name ?? input.path ?? 'stdin';
    let size: number | undefined;
    let rank = 1;
    let jsonl = options.format === 'jsonl';
    if (input.path !== undefined) {
      try {
        size = (await stat(input.path)).size;
        const bytes = await readHead(input.path);
        const decoder = new ByteDecoder();
        const text = decoder.push(bytes);
        jsonl = options.format === undefined ? looksLikeJsonl(name, text) : jsonl;
        if (!jsonl) {
          const parser = new CsvParser();
          const records = parser.push(text);
          const header = (records.length > 0 ? records : parser.end())[0]?.fields;
          // Fails early, before any transaction, on a file whose format cannot be told.
          if (header !== undefined)
            rank = kindRank(createMapper(header, mapContext, { ...options, mapping }).kind);
        }
      } catch (error) {
        if (error instanceof PursuitError)
          throw new PursuitError(error.code, `${name}: ${error.detail}`, error.path);
        throw new PursuitError(
          'FILE_NOT_READABLE',
          `cannot read ${name}: ${(error as Error).message}`,
          'file',
        );
      }
    } else if (input.stream === undefined) {
      throw new PursuitError('INVALID_ARGUMENTS', 'give a file to import (or a stream)', 'file');
    }
    sources.push({
      input,
      name,
      size,
      jsonl,
      rank,
      rejectsPath: rejectsPathFor(
        options.rejectsPath,
        inputs.map((i) => i.name ?? i.path ?? 'stdin'),
        index,
      ),
    });
  }
  // Companies before people, people before deals and activities, so every reference is known.
  return inputs.every((i) => i.path !== undefined) ? [...sources].sort((a, b) => a.rank - b.rank) : sources;
}

// ---------------------------------------------------------------------------------------------
// One chunk of rows: what is known about the records it touches, and what it will write. Every
// change a row makes is logged so that a rejected row can be taken back whole.

class Chunk {
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

// ---------------------------------------------------------------------------------------------

class Importer {
  readonly report: ImportReport = {
    committed: false,
    files: [],
    rowsRead: 0,
    ignored: {},
    prospects: { created: 0, updated: 0, unchanged: 0 },
    contacts: { created: 0, updated: 0 },
    events: { added: 0, duplicates: 0 },
    productsCreated: [],
    unknownOwners: [],
    rejected: [],
    rejectedCount: 0,
    rejectsFiles: [],
    decided: 0,
    withoutContacts: 0,
  };
  private readonly touched = new Map<string, Status>();
  private readonly unknownOwners = new Map<string, number>();
  private readonly usersByEmail = new Map<string, User>();
  private readonly usersByName = new Map<string, User[]>();
  private readonly products = new Map<string, Product>();
  private visible: Set<string> | undefined;
  private rejects: RejectsFile | undefined;
  private file = '';
  private system = 'csv';
  private chunk = new Chunk();

  constructor(
    private readonly q: Q,
    private readonly ctx: AppContext,
    private readonly actor: User,
    private readonly options: ImportOptions,
    private readonly now: number,
  ) {}

  private get orgId(): string {
    return this.actor.orgId;
  }

  async init(): Promise<void> {
    for (const u of await users.list(this.q, this.orgId)) {
      this.usersByEmail.set(u.email.toLowerCase(), u);
      const key = norm(u.name);
      this.usersByName.set(key, [...(this.usersByName.get(key) ?? []), u]);
    }
    const owners = await visibleOwners(this.q, this.actor);
    this.visible = owners === undefined ? undefined : new Set(owners);
    for (const p of await products.list(this.q, this.orgId)) this.products.set(norm(p.name), p);
  }

  async read(source: Source, mapContext: MapContext, mapping: Mapping | undefined): Promise<void> {
    this.file = source.name;
    const stats = newStats();
    let bytes: ByteSource;
    let jsonl = source.jsonl;
    if (source.input.path !== undefined) bytes = fileBytes(source.input.path);
    else {
      const peeked = await peek(source.input.stream as ByteSource);
      bytes = peeked.source;
      if (this.options.format === undefined) jsonl = looksLikeJsonl(source.name, peeked.first);
    }
    this.rejects = source.rejectsPath === undefined ? undefined : new RejectsFile(source.rejectsPath);
    if (this.rejects !== undefined) this.report.rejectsFiles.push(this.rejects.path);
    const file = {
      name: source.name,
      format: jsonl ? 'jsonl' : (this.options.format ?? 'generic'),
      kind: jsonl ? 'prospects' : 'empty',
      encoding: stats.encoding,
      rows: 0,
    };
    this.report.files.push(file);
    const progress = () => {
      file.encoding = stats.encoding;
      this.options.onProgress?.({
        file: source.name,
        bytesRead: stats.bytes,
        bytesTotal: source.size,
        rows: file.rows,
        rejected: this.report.rejectedCount,
      });
    };
    try {
      if (jsonl) {
        this.system = this.options.system ?? 'pursuit';
        await this.rejects?.write(['line', 'reason', 'record']);
        for await (const batch of lineBatches(bytes, stats)) {
          this.options.signal?.throwIfAborted();
          const items: Item[] = [];
          for (const { line, text } of batch) {
            file.rows += 1;
            const item = await this.mapped(line, [text], () => unitFromJsonLine(text, line));
            if (item !== undefined) items.push(item);
          }
          await this.apply(items);
          progress();
        }
      } else {
        await this.readCsv(bytes, stats, file, mapContext, mapping, progress);
      }
    } finally {
      await this.rejects?.close();
      this.rejects = undefined;
    }
    this.report.rowsRead += file.rows;
    file.encoding = stats.encoding;
    progress();
  }

  private async readCsv(
    bytes: ByteSource,
    stats: ReadStats,
    file: ImportReport['files'][number],
    mapContext: MapContext,
    mapping: Mapping | undefined,
    progress: () => void,
  ): Promise<void> {
    let mapper: RowMapper | undefined;
    let width = 0;
    for await (const batch of csvBatches(bytes, stats)) {
      this.options.signal?.throwIfAborted();
      const items: Item[] = [];
      for (const record of batch) {
        if (mapper === undefined) {
          mapper = createMapper(record.fields, mapContext, { ...this.options, mapping });
          width = record.fields.length;
          file.format = mapper.format;
          file.kind = mapper.kind;
          this.system = mapper.system;
          await this.rejects?.write(['line', 'reason', ...record.fields]);
          continue;
        }
        file.rows += 1;
        const m = mapper;
        const item = await this.mapped(record.line, record.fields, () => {
          if (record.error !== undefined) throw new RowError(record.error);
          if (record.fields.slice(width).some((f) => f.trim() !== '')) {
            throw new RowError(
              `${record.fields.length} fields, but the header has ${width} (a stray delimiter or quote?)`,
            );
          }
          return m.map(record);
        });
        if (item !== undefined) items.push(item);
      }
      await this.apply(items);
      progress();
    }
  }

  /** Maps one row; a row that cannot be read is rejected, one with nothing to import is counted. */
  private async mapped(line: number, raw: string[], map: () => ImportUnit): Promise<Item | undefined> {
    try {
      const unit = map();
      if (unit.ignored !== undefined) {
        this.report.ignored[unit.ignored] = (this.report.ignored[unit.ignored] ?? 0) + 1;
        return undefined;
      }
      return { unit, raw };
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      await this.reject(line, error.reason, raw);
      return undefined;
    }
  }

  private async reject(line: number, reason: string, raw: string[]): Promise<void> {
    this.report.rejectedCount += 1;
    if (this.report.rejected.length < MAX_LISTED_REJECTS)
      this.report.rejected.push({ file: this.file, line, reason });
    await this.rejects?.write([String(line), reason, ...raw]);
  }

  // -------------------------------------------------------------------------------------------
  // A chunk: look up, resolve row by row, write.

  private async apply(items: Item[]): Promise<void> {
    if (items.length === 0) return;
    this.chunk = new Chunk();
    await this.lookUp(items.map((i) => i.unit));
    const chunk = this.chunk;
    for (const item of items) {
      try {
        this.resolve(item.unit);
        chunk.keep();
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        chunk.undo();
        await this.reject(item.unit.line, error.reason, item.raw);
      }
    }
    await this.write();
  }

  private async lookUp(units: ImportUnit[]): Promise<void> {
    const { q, orgId, chunk, system } = this;
    const native = system === 'pursuit';
    const prospectExt = new Set<string>();
    const contactExt = new Set<string>();
    const emails = new Set<string>();
    const names = new Set<string>();
    const eventKeys = new Set<string>();
    const eventIds = new Set<string>();
    const refContact = (r: ContactRef | ContactPart | undefined) => {
      if (r?.externalId !== undefined) contactExt.add(r.externalId);
      if (r?.email !== undefined) emails.add(r.email);
    };
    for (const u of units) {
      if (u.prospect?.externalId !== undefined) prospectExt.add(u.prospect.externalId);
      if (u.prospect?.name !== undefined) names.add(u.prospect.name);
      u.contacts.forEach(refContact);
      for (const e of u.events) {
        refContact(e.contact);
        if (e.refs?.referredContactId !== undefined) contactExt.add(e.refs.referredContactId);
        const key = this.sourceKeyOf(e);
        if (key !== undefined) eventKeys.add(key);
        for (const ref of [e.refs?.commitmentId, e.refs?.replaces]) {
          if (ref === undefined) continue;
          eventKeys.add(`${system}:${ref}`);
          eventIds.add(ref);
        }
        if (native && e.externalId !== undefined) eventIds.add(e.externalId);
      }
    }
    for (const [ext, id] of await externalIds.findMany(q, orgId, system, 'prospect', [...prospectExt]))
      chunk.extProspects.set(ext, id);
    for (const [ext, id] of await externalIds.findMany(q, orgId, system, 'contact', [...contactExt]))
      chunk.extContacts.set(ext, id);
    const candidates = new Set(chunk.extProspects.values());
    if (native) {
      // Pursuit's own ids: the records themselves when they are this organisation's; taken otherwise.
      for (const p of await prospects.findByIds(
        q,
        [...prospectExt].filter((id) => KEEPABLE_ID.test(id)),
      )) {
        chunk.takenIds.add(p.id);
        if (p.orgId === orgId && !chunk.extProspects.has(p.id)) {
          chunk.extProspects.set(p.id, p.id);
          candidates.add(p.id);
        }
      }
      for (const c of await contacts.findByIds(
        q,
        [...contactExt].filter((id) => KEEPABLE_ID.test(id)),
      )) {
        chunk.takenIds.add(c.id);
        if (c.orgId === orgId && !chunk.extContacts.has(c.id)) chunk.extContacts.set(c.id, c.id);
      }
      for (const [id, owner] of await events.ownersOf(
        q,
        [...eventIds].filter((i) => KEEPABLE_ID.test(i)),
      )) {
        chunk.takenIds.add(id);
        chunk.eventIds.set(id, owner);
      }
    }
    for (const c of await contacts.findByIds(q, [...new Set(chunk.extContacts.values())])) {
      if (c.orgId === orgId) candidates.add(c.prospectId);
    }
    for (const c of await contacts.findByEmails(q, orgId, [...emails])) candidates.add(c.prospectId);
    for (const p of await prospects.findByNames(q, orgId, [...names])) {
      candidates.add(p.id);
      chunk.byName.set(norm(p.name), [...(chunk.byName.get(norm(p.name)) ?? []), p.id]);
    }
    for (const p of await prospects.findByIds(q, [...candidates]))
      if (p.orgId === orgId) chunk.prospects.set(p.id, p);
    for (const c of await contacts.listByProspects(q, [...chunk.prospects.keys()])) {
      chunk.contactById.set(c.id, c);
      chunk.contactsOf.set(c.prospectId, [...(chunk.contactsOf.get(c.prospectId) ?? []), c]);
      if (c.email !== null && !chunk.byEmail.has(c.email)) chunk.byEmail.set(c.email, c.id);
    }
    for (const [key, found] of await events.idsBySourceKey(q, orgId, [...eventKeys]))
      chunk.eventKeys.set(key, found);
    chunk.keep();
  }

  private sourceKeyOf(e: EventPart): string | undefined {
    return e.sourceKey ?? (e.externalId === undefined ? undefined : `${this.system}:${e.externalId}`);
  }

  private resolve(unit: ImportUnit): void {
    const chunk = this.chunk;
    const prospect = this.prospectFor(unit);
    chunk.add(chunk.seen, prospect.id);
    const own = unit.contacts.map((part) => this.contactFor(prospect, part));
    for (const e of unit.events) this.event(prospect.id, e, own);
  }

  private owner(text: string | undefined): User | undefined {
    if (text === undefined) return undefined;
    const key = personKey(text);
    let user = key?.email === undefined ? undefined : this.usersByEmail.get(key.email);
    if (user === undefined && key?.name !== undefined) {
      const named = this.usersByName.get(norm(key.name));
      if (named?.length === 1) user = named[0];
    }
    if (user !== undefined && this.visible !== undefined && !this.visible.has(user.id)) user = undefined;
    if (user === undefined && this.unknownOwners.size < 1000) {
      this.unknownOwners.set(text, (this.unknownOwners.get(text) ?? 0) + 1);
    }
    return user;
  }

  private productId(part: ProspectPart): string | null | undefined {
    if (part.product === undefined) return undefined;
    const key = norm(part.product.name);
    const found = this.products.get(key);
    if (found !== undefined) return found.id;
    const product: Product = {
      id: uuid7(),
      orgId: this.orgId,
      name: part.product.name,
      status: part.product.status ?? 'active',
      createdAt: this.now,
    };
    this.chunk.set(this.products, key, product);
    this.chunk.push(this.chunk.newProducts, product);
    return product.id;
  }

  private link(kind: 'prospect' | 'contact', externalId: string | undefined, entityId: string): void {
    if (externalId === undefined) return;
    const map = kind === 'prospect' ? this.chunk.extProspects : this.chunk.extContacts;
    if (map.has(externalId)) return;
    this.chunk.set(map, externalId, entityId);
    if (externalId !== entityId)
      this.chunk.push(this.chunk.newExtIds, { system: this.system, kind, externalId, entityId });
  }

  /** Ids the record has in other systems ("hubspot:9001", from Pursuit's own exports). */
  private links(kind: 'prospect' | 'contact', list: string[] | undefined, entityId: string): void {
    for (const l of list ?? []) {
      const colon = l.indexOf(':');
      const system = l.slice(0, colon);
      const externalId = l.slice(colon + 1);
      if (system === this.system) this.link(kind, externalId, entityId);
      else this.chunk.push(this.chunk.newExtIds, { system, kind, externalId, entityId });
    }
  }

  /** A Pursuit id kept in a fresh database, so an export imports as the very same records. */
  private newId(externalId: string | undefined): string {
    if (
      this.system === 'pursuit' &&
      externalId !== undefined &&
      KEEPABLE_ID.test(externalId) &&
      !this.chunk.takenIds.has(externalId)
    ) {
      this.chunk.add(this.chunk.takenIds, externalId);
      return externalId;
    }
    return uuid7();
  }

  private prospectFor(unit: ImportUnit): Prospect {
    const chunk = this.chunk;
    const part = unit.prospect;
    const found = (id: string | undefined) => (id === undefined ? undefined : chunk.prospects.get(id));
    let p = found(part?.externalId === undefined ? undefined : chunk.extProspects.get(part.externalId));
    const refs: (ContactRef | undefined)[] = [...unit.contacts, ...unit.events.map((e) => e.contact)];
    for (const r of refs) {
      if (p !== undefined) break;
      const id = r?.externalId === undefined ? undefined : chunk.extContacts.get(r.externalId);
      p = found(id === undefined ? undefined : chunk.contactById.get(id)?.prospectId);
    }
    for (const r of refs) {
      if (p !== undefined) break;
      const id = r?.email === undefined ? undefined : chunk.byEmail.get(r.email);
      p = found(id === undefined ? undefined : chunk.contactById.get(id)?.prospectId);
    }
    // By name only when the file gives no company id: two companies may share a name.
    if (p === undefined && part?.name !== undefined && part.externalId === undefined) {
      const ids = chunk.byName.get(norm(part.name)) ?? [];
      if (ids.length > 1) {
        throw new RowError(
          `${ids.length} prospects are called "${part.name}": give the company's id, or a contact's email`,
        );
      }
      p = found(ids[0]);
    }
    if (p === undefined) return this.createProspect(unit, part);
    if (this.visible !== undefined && !this.visible.has(p.ownerId)) {
      throw new RowError(`"${p.name}" belongs to someone whose prospects you cannot change`);
    }
    this.link('prospect', part?.externalId, p.id);
    if (part === undefined) return p;
    this.links('prospect', part.links, p.id);
    const ownerId = part.passing === true ? undefined : this.owner(part.owner)?.id;
    const next = mergeProspect(p, part, { ownerId, productId: this.productId(part), now: this.now });
    if (next === undefined) return p;
    chunk.set(chunk.prospects, p.id, next);
    if (!chunk.created.has(p.id)) chunk.add(chunk.dirty, p.id);
    return next;
  }

  private createProspect(unit: ImportUnit, part: ProspectPart | undefined): Prospect {
    const chunk = this.chunk;
    if (part?.name === undefined) {
      if (part?.externalId !== undefined) {
        throw new RowError(
          `unknown company ${part.externalId} with no name: import the companies first (or in the same run)`,
        );
      }
      const ref = unit.events.find((e) => e.contact !== undefined)?.contact ?? unit.contacts[0];
      const who = ref?.externalId ?? ref?.email ?? ref?.name ?? '';
      throw new RowError(
        `unknown contact ${who}: import the contacts first (or in the same run)`.replace('  ', ' '),
      );
    }
    const p = newProspect(part, {
      id: this.newId(part.externalId),
      orgId: this.orgId,
      ownerId: this.owner(part.owner)?.id ?? this.actor.id,
      productId: this.productId(part) ?? null,
      now: this.now,
    });
    chunk.set(chunk.prospects, p.id, p);
    chunk.add(chunk.created, p.id);
    chunk.set(chunk.byName, norm(p.name), [...(chunk.byName.get(norm(p.name)) ?? []), p.id]);
    this.link('prospect', part.externalId, p.id);
    this.links('prospect', part.links, p.id);
    return p;
  }

  private findContact(prospectId: string, ref: ContactRef): Contact | undefined {
    const chunk = this.chunk;
    const list = chunk.contactsOf.get(prospectId) ?? [];
    if (ref.externalId !== undefined) {
      const id = chunk.extContacts.get(ref.externalId);
      const c = id === undefined ? undefined : chunk.contactById.get(id);
      if (c !== undefined && c.prospectId === prospectId) return c;
      if (c !== undefined) throw new RowError(`contact ${ref.externalId} is with another prospect`);
    }
    if (ref.email !== undefined) {
      const c = list.find((x) => x.email === ref.email);
      if (c !== undefined) return c;
    }
    if (ref.name !== undefined) {
      const name = norm(ref.name);
      const c = list.find((x) => norm(x.name) === name && (ref.email === undefined || x.email === null));
      if (c !== undefined) return c;
    }
    return undefined;
  }

  private contactFor(prospect: Prospect, part: ContactPart): Contact {
    const chunk = this.chunk;
    const current = this.findContact(prospect.id, part);
    if (current === undefined) {
      if (part.name === undefined && part.email === undefined)
        throw new RowError('a contact needs a name or an email');
      const c = newContact(part, {
        id: this.newId(part.externalId),
        orgId: this.orgId,
        prospectId: prospect.id,
        position: (chunk.contactsOf.get(prospect.id) ?? []).length,
        now: this.now,
      });
      chunk.putContact(c);
      chunk.add(chunk.newContacts, c.id);
      chunk.add(chunk.contactsChanged, prospect.id);
      this.link('contact', part.externalId, c.id);
      this.links('contact', part.links, c.id);
      return c;
    }
    this.link('contact', part.externalId, current.id);
    this.links('contact', part.links, current.id);
    const next = mergeContact(current, part);
    if (next === undefined) return current;
    chunk.putContact(next);
    if (!chunk.newContacts.has(next.id)) chunk.add(chunk.dirtyContacts, next.id);
    chunk.add(chunk.contactsChanged, prospect.id);
    return next;
  }

  private eventRef(prospectId: string, ref: string, field: string): string {
    const chunk = this.chunk;
    const byKey = chunk.eventKeys.get(`${this.system}:${ref}`);
    if (byKey?.type === 'commitment' && byKey.prospectId === prospectId) return byKey.id;
    const byId = chunk.eventIds.get(ref);
    if (
      this.system === 'pursuit' &&
      byId?.type === 'commitment' &&
      byId.orgId === this.orgId &&
      byId.prospectId === prospectId
    )
      return ref;
    throw new RowError(`${field}: no commitment "${ref}" of this prospect was imported`);
  }

  private event(prospectId: string, e: EventPart, own: Contact[]): void {
    const chunk = this.chunk;
    const type = e.data.type;
    if (typeof type !== 'string') throw new RowError('event: the type is missing');
    if (e.at > this.now) throw new RowError('at: dated after now (import what happened)');
    const needsContact = type === 'touch' || type === 'response' || type === 'commitment';
    const list = chunk.contactsOf.get(prospectId) ?? [];
    let contact = e.contact === undefined ? undefined : (this.findContact(prospectId, e.contact) ?? own[0]);
    if (contact === undefined && e.contact !== undefined && needsContact) {
      const r = e.contact;
      throw new RowError(
        `unknown contact ${r.externalId ?? r.email ?? r.name ?? ''}: import the contacts first (or in the same run)`,
      );
    }
    if (contact === undefined && needsContact) {
      contact = own[0] ?? list.find((c) => c.role === 'primary') ?? list[0];
      if (contact === undefined)
        throw new RowError(`the prospect has no contact for this ${type}: import its contacts first`);
    }
    // The contract's order: id, type, at, contactId, then the fields of the type.
    const data: Record<string, unknown> = { id: '', type, at: new Date(e.at).toISOString() };
    if (contact !== undefined) data.contactId = contact.id;
    for (const key in e.data) if (key !== 'type') data[key] = e.data[key];
    if (e.refs?.referredContactId !== undefined) {
      const referred = this.findContact(prospectId, { externalId: e.refs.referredContactId });
      if (referred === undefined)
        throw new RowError(`referredContactId: unknown contact "${e.refs.referredContactId}"`);
      data.referredContactId = referred.id;
    }
    if (e.refs?.commitmentId !== undefined)
      data.commitmentId = this.eventRef(prospectId, e.refs.commitmentId, 'commitmentId');
    if (e.refs?.replaces !== undefined)
      data.replaces = this.eventRef(prospectId, e.refs.replaces, 'replaces');
    data.id = 'pending';
    // `at` was written from a number just above, so it is a real time.
    const problem = eventProblem(data, { atChecked: true });
    if (problem !== undefined) throw new RowError(problem);
    const key = this.sourceKeyOf(e) ?? contentKey(prospectId, data);
    const native = e.externalId === undefined ? undefined : chunk.eventIds.get(e.externalId);
    if (
      chunk.eventKeys.has(key) ||
      (this.system === 'pursuit' && native?.orgId === this.orgId && native.prospectId === prospectId)
    ) {
      chunk.count(1);
      return;
    }
    const id = this.newId(e.externalId);
    data.id = id;
    // An event that keeps its Pursuit id is found by it; a source key is for ids of other systems.
    const sourceKey = e.sourceKey === undefined && id === e.externalId ? null : key;
    chunk.set(chunk.eventKeys, key, { id, prospectId, type });
    if (e.externalId !== undefined)
      chunk.set(chunk.eventIds, e.externalId, { orgId: this.orgId, prospectId, type });
    chunk.push(chunk.newEvents, {
      id,
      orgId: this.orgId,
      prospectId,
      type: type as StoredEvent['type'],
      at: e.at,
      contactId: contact?.id ?? null,
      data,
      loggedBy: this.actor.id,
      loggedAt: Math.min(e.loggedAt ?? this.now, this.now),
      logSeq: null,
      sourceKey,
    });
  }

  private async write(): Promise<void> {
    const { q, chunk, orgId } = this;
    // Events deduplicated by content: the stored ones are known only now.
    const hashed = chunk.newEvents.filter((e) => e.sourceKey?.startsWith('hash:'));
    let fresh = chunk.newEvents;
    if (hashed.length > 0) {
      const stored = await events.idsBySourceKey(
        q,
        orgId,
        hashed.map((e) => e.sourceKey as string),
      );
      if (stored.size > 0) {
        fresh = chunk.newEvents.filter((e) => !stored.has(e.sourceKey as string));
        chunk.duplicates += chunk.newEvents.length - fresh.length;
      }
    }
    for (const p of chunk.newProducts) {
      await products.insert(q, p);
      this.report.productsCreated.push(p.name);
    }
    const created = [...chunk.created].map((id) => chunk.prospects.get(id) as Prospect);
    await prospects.insertMany(q, created);
    for (const id of chunk.dirty) await prospects.update(q, chunk.prospects.get(id) as Prospect);
    await contacts.insertMany(
      q,
      [...chunk.newContacts].map((id) => chunk.contactById.get(id) as Contact),
    );
    for (const id of chunk.dirtyContacts) await contacts.update(q, chunk.contactById.get(id) as Contact);
    await externalIds.insertMany(
      q,
      chunk.newExtIds.map((x) => ({ orgId, ...x })),
    );
    const added = await events.insertMany(q, fresh);
    this.report.events.added += added;
    this.report.events.duplicates += chunk.duplicates + (fresh.length - added);
    this.report.contacts.created += chunk.newContacts.size;
    this.report.contacts.updated += chunk.dirtyContacts.size;
    const withEvents = new Set(fresh.map((e) => e.prospectId));
    for (const id of chunk.seen) {
      const status: Status = chunk.created.has(id)
        ? CREATED
        : chunk.dirty.has(id) || chunk.contactsChanged.has(id) || withEvents.has(id)
          ? UPDATED
          : UNCHANGED;
      const prev = this.touched.get(id);
      this.touched.set(id, prev === undefined ? status : (Math.min(prev, status) as Status));
    }
  }

  /** Re-decides every created or changed prospect that has a contact, in batches. */
  async decide(): Promise<void> {
    const changed: string[] = [];
    for (const [id, status] of this.touched) {
      if (status === CREATED) this.report.prospects.created += 1;
      else if (status === UPDATED) this.report.prospects.updated += 1;
      else this.report.prospects.unchanged += 1;
      if (status !== UNCHANGED) changed.push(id);
    }
    const BATCH = 5000;
    for (let i = 0; i < changed.length; i += BATCH) {
      this.options.signal?.throwIfAborted();
      const ids = changed.slice(i, i + BATCH);
      const decidable = await contacts.prospectIdsWithContacts(this.q, ids);
      const list = ids.filter((id) => decidable.has(id));
      this.report.withoutContacts += ids.length - list.length;
      await refreshDecisions(this.q, this.orgId, list, this.now, this.ctx.defaultPlaybookText);
      this.report.decided += list.length;
    }
  }

  finish(): void {
    this.report.unknownOwners = [...this.unknownOwners]
      .map(([owner, rows]) => ({ owner, rows }))
      .sort((a, b) => b.rows - a.rows);
  }
}

/** Imports several files in one transaction (companies, then people, then deals and activities). */
export async function importFiles(
  ctx: AppContext,
  actor: User,
  inputs: ImportInput[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = ctx.now();
  const mapping = typeof options.mapping === 'string' ? parseMapping(options.mapping) : options.mapping;
  const mapContext: MapContext = { zone: options.zone ?? actor.timezone, now };
  const sources = await prepare(inputs, options, mapContext, mapping);
  let importer: Importer | undefined;
  try {
    return await inTransaction(ctx, async (q) => {
      importer = new Importer(q, ctx, actor, options, now);
      await importer.init();
      for (const source of sources) await importer.read(source, mapContext, mapping);
      importer.finish();
      // All or nothing: a rejected row rolls everything back (the report says what to fix).
      if (importer.report.rejectedCount > 0 && options.skipBad !== true) throw new Rollback();
      await importer.decide();
      importer.report.committed = true;
      return importer.report;
    });
  } catch (error) {
    if (error instanceof Rollback && importer !== undefined) return importer.report;
    throw error;
  }
}

/** Imports one file or stream; see importFiles. */
export async function importFile(
  ctx: AppContext,
  actor: User,
  options: ImportInput & ImportOptions,
): Promise<ImportReport> {
  const { path, stream, name, ...rest } = options;
  return importFiles(ctx, actor, [{ path, stream, name }], rest);
}
