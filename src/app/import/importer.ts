// One import run: reads each source in chunks of rows (CSV through the mapper its header chose, or
// JSON Lines), rejects the rows that cannot be read or resolved (listed in the report and written
// to the rejects file), writes the rest chunk by chunk, and finally re-decides the prospects it
// created or changed. Its database work goes through a runner: all inside one transaction (the
// CLI), or a short transaction per chunk (the server, whose other requests must not wait).

import { RejectsFile } from '../../integrations/csv/files.js';
import { createMapper } from '../../integrations/crm/formats.js';
import type { Mapping } from '../../integrations/crm/generic.js';
import { unitFromJsonLine } from '../../integrations/crm/pursuit-format.js';
import type { ByteSource, ReadStats } from '../../integrations/csv/read.js';
import { csvBatches, lineBatches, newStats } from '../../integrations/csv/read.js';
import type { ImportUnit, MapContext, RowMapper } from '../../integrations/crm/unit.js';
import { RowError } from '../../integrations/csv/values.js';
import type { User } from '../../core/records.js';
import { contacts } from '../../store/repositories/prospects.repository.js';
import type { AppContext } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { controlAt } from '../inputs.js';
import { recordOptOuts } from '../decisions/opt-outs.js';
import { Chunk } from './chunk.js';
import { lookUp } from './lookup.js';
import type { ImportOptions } from './options.js';
import { emptyReport } from './report.js';
import type { ImportReport } from './report.js';
import { RowResolver } from './resolve.js';
import { openSource } from './sources.js';
import type { Source } from './sources.js';
import { ImportTeam } from './team.js';
import { CREATED, UNCHANGED, UPDATED, writeChunk } from './write.js';
import type { Status } from './write.js';
import type { Q } from '../context.js';

const MAX_LISTED_REJECTS = 10_000;

/**
 * Rows written before the import first brings the planner's statistics up to date (within its
 * transaction; then again each time it has written four times as many). A table filled within one
 * transaction has no statistics until it commits: PostgreSQL's planner then takes a lookup by name,
 * email or source key for a scan of the whole organisation, every chunk (a 1,000,000-prospect import
 * into a new database slowed down as it grew, each lookup reading all it had written).
 */
export const ANALYSE_AFTER_ROWS = 10_000;

/** The tables an import's lookups read. */
const LOOKED_UP = ['prospects', 'contacts', 'events', 'external_ids'] as const;

/** Runs some of the import's database work: in the import's one transaction, or in one of its own. */
export type Runner = <T>(work: (q: Q) => Promise<T>) => Promise<T>;

/** One row (or JSON line) to import, with what to write to the rejects file if it fails. */
interface Item {
  unit: ImportUnit;
  raw: string[];
}

export class Importer {
  readonly report: ImportReport = emptyReport();
  private readonly touched = new Map<string, Status>();
  private rejects: RejectsFile | undefined;
  private file = '';
  private written = 0;
  private analyseAt = ANALYSE_AFTER_ROWS;
  private system = 'csv';

  private constructor(
    private readonly run: Runner,
    private readonly ctx: AppContext,
    private readonly actor: User,
    private readonly options: ImportOptions,
    private readonly now: number,
    private readonly team: ImportTeam,
  ) {}

  static async start(
    run: Runner,
    ctx: AppContext,
    actor: User,
    options: ImportOptions,
    now: number,
  ): Promise<Importer> {
    const team = await run((q) => ImportTeam.load(q, actor));
    return new Importer(run, ctx, actor, options, now, team);
  }

  private get orgId(): string {
    return this.actor.orgId;
  }

  async read(source: Source, mapContext: MapContext, mapping: Mapping | undefined): Promise<void> {
    this.file = source.name;
    const stats = newStats();
    const { bytes, jsonl } = await openSource(source, this.options.format);
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
    const progress = async () => {
      file.encoding = stats.encoding;
      await this.options.onProgress?.({
        file: source.name,
        bytesRead: stats.bytes,
        bytesTotal: source.size,
        rows: file.rows,
        rejected: this.report.rejectedCount,
      });
    };
    try {
      if (jsonl) await this.readJsonl(bytes, stats, file, progress);
      else await this.readCsv(bytes, stats, file, mapContext, mapping, progress);
    } finally {
      await this.rejects?.close();
      this.rejects = undefined;
    }
    this.report.rowsRead += file.rows;
    file.encoding = stats.encoding;
    await progress();
  }

  private async readJsonl(
    bytes: ByteSource,
    stats: ReadStats,
    file: ImportReport['files'][number],
    progress: () => Promise<void>,
  ): Promise<void> {
    this.system = this.options.system ?? 'pursuit';
    await this.rejects?.write(['line', 'reason', 'record']);
    for await (const batch of lineBatches(bytes, stats, { batch: this.options.batchRows ?? 500 })) {
      this.options.signal?.throwIfAborted();
      const items: Item[] = [];
      for (const { line, text } of batch) {
        file.rows += 1;
        const item = await this.mapped(line, [text], () => unitFromJsonLine(text, line));
        if (item !== undefined) items.push(item);
      }
      await this.apply(items);
      await progress();
    }
  }

  private async readCsv(
    bytes: ByteSource,
    stats: ReadStats,
    file: ImportReport['files'][number],
    mapContext: MapContext,
    mapping: Mapping | undefined,
    progress: () => Promise<void>,
  ): Promise<void> {
    let mapper: RowMapper | undefined;
    let width = 0;
    for await (const batch of csvBatches(bytes, stats, { batch: this.options.batchRows ?? 2000 })) {
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
      await progress();
    }
  }

  /** Maps one row; a row that cannot be read is rejected, one with nothing to import is counted. */
  private async mapped(line: number, raw: string[], map: () => ImportUnit): Promise<Item | undefined> {
    try {
      const unit = map();
      // A NUL cannot be stored by PostgreSQL, and no one means one: the row is rejected, named.
      const control = controlAt(unit);
      if (control !== undefined)
        throw new RowError(`${control.path}: expected text without control characters, got ${control.code}`);
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
    const rejected: { item: Item; reason: string }[] = [];
    await this.run(async (q) => {
      rejected.length = 0;
      const chunk = new Chunk();
      await lookUp(
        q,
        this.orgId,
        this.system,
        items.map((i) => i.unit),
        chunk,
        (ownerId) => this.team.mayChange(ownerId),
      );
      const resolver = new RowResolver(this.team, this.actor, this.now, this.system, chunk);
      for (const item of items) {
        try {
          resolver.resolve(item.unit);
          chunk.keep();
        } catch (error) {
          if (!(error instanceof RowError)) throw error;
          chunk.undo();
          rejected.push({ item, reason: error.reason });
        }
      }
      const by = { orgId: this.orgId, id: this.actor.id, now: this.now };
      const optOuts = await writeChunk(q, by, chunk, this.report, this.touched);
      // The people who opted out go on the do-not-contact list; other records that reach them are
      // re-decided now (the import's own prospects are decided when it ends).
      await recordOptOuts(q, this.ctx, this.orgId, optOuts, this.now, this.touched);
      this.written += items.length;
      if (this.written >= this.analyseAt) {
        await this.ctx.db.refreshStatistics(LOOKED_UP, q);
        this.analyseAt = this.written * 4;
      }
    });
    for (const { item, reason } of rejected) await this.reject(item.unit.line, reason, item.raw);
  }

  /**
   * Re-decides every created or changed prospect that has a contact, in batches. Not stoppable
   * when what was written must be decided anyway (an import in batches that was cancelled).
   */
  async decide(stoppable = true): Promise<void> {
    const changed: string[] = [];
    for (const [id, status] of this.touched) {
      if (status === CREATED) this.report.prospects.created += 1;
      else if (status === UPDATED) this.report.prospects.updated += 1;
      else this.report.prospects.unchanged += 1;
      if (status !== UNCHANGED) changed.push(id);
    }
    const batch = this.options.batchRows ?? 5000;
    for (let i = 0; i < changed.length; i += batch) {
      if (stoppable) this.options.signal?.throwIfAborted();
      const ids = changed.slice(i, i + batch);
      await this.run(async (q) => {
        const decidable = await contacts.prospectIdsWithContacts(q, ids);
        const list = ids.filter((id) => decidable.has(id));
        await refreshDecisions(q, this.orgId, list, this.now, this.ctx.defaultPlaybookText);
        this.report.withoutContacts += ids.length - list.length;
        this.report.decided += list.length;
      });
      await this.options.onDecide?.(Math.min(i + batch, changed.length), changed.length);
    }
  }

  finish(): void {
    this.report.unknownOwners = this.team.unknownOwnerList();
  }
}
