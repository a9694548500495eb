// Export of the prospects the acting user may see, with their contacts and events (in the decision
// contract's form), as the generic CSV or as JSON Lines (one prospect per line). Both read back with
// `importFile` and no mapping: into a fresh database they give the same records, ids included, and
// so the same decisions. Read page by page in one read transaction (a consistent snapshot), written
// with backpressure, so memory stays flat however many prospects there are.

import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { PursuitError } from '../../core/errors.js';
import { EXPORT_COLUMNS } from '../../integrations/crm/generic.js';
import type { ExportedProspect } from '../../integrations/crm/pursuit-format.js';
import { exportRows } from '../../integrations/crm/pursuit-format.js';
import { csvLine } from '../../integrations/csv/write.js';
import { storeError } from '../../store/errors.js';
import { contractContact } from '../decisions/scenario.js';
import type { Contact, Product, Prospect, StoredEvent, User } from '../../core/records.js';
import { products, users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import { events } from '../../store/repositories/events.repository.js';
import { externalIds } from '../../store/repositories/external-ids.repository.js';
import type { AppContext } from '../context.js';
import { visibleOwners } from '../accounts/actors.js';
import { groupBy } from '../collections.js';

export type ExportFormat = 'csv' | 'jsonl';

export interface ExportOptions {
  format: ExportFormat;
  /** A file to write (written beside it first, then renamed, so a failed export leaves no half file). */
  path?: string;
  /** Or a stream, such as standard output (left open). */
  stream?: Writable;
  onProgress?: (progress: { prospects: number }) => void;
}

export interface ExportReport {
  prospects: number;
  contacts: number;
  events: number;
}

const PAGE = 500;
const FILE_ERRORS = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'ENOSPC',
  'EROFS',
  'EPIPE',
  'EEXIST',
]);
const iso = (t: number) => new Date(t).toISOString();

export function exported(
  p: Prospect,
  owner: User | undefined,
  product: Product | undefined,
  cs: Contact[],
  es: StoredEvent[],
  links: Map<string, string[]> = new Map(),
): ExportedProspect {
  const ids = (id: string) => {
    const list = links.get(id);
    return list === undefined ? {} : { externalIds: list };
  };
  return {
    prospect: {
      id: p.id,
      name: p.name,
      owner: owner?.email ?? null,
      relationship: p.relationship,
      source: p.source,
      createdAt: iso(p.createdAt),
      dealValue: p.dealValue,
      icpFit: p.icpFit,
      qualification: { serious: p.serious, goalsClear: p.goalsClear, priceOnly: p.priceOnly },
      product: { name: product?.name ?? null, status: product?.status ?? null, fit: p.productFit },
      doNotContact: p.doNotContact,
      snoozedUntil: p.snoozedUntil === null ? null : iso(p.snoozedUntil),
      ...ids(p.id),
    },
    contacts: cs.map((c) => ({ ...contractContact(c), ...ids(c.id) })),
    events: es.map((e) => ({
      ...e.data,
      id: e.id,
      type: e.type,
      at: iso(e.at),
      loggedAt: iso(e.loggedAt),
      ...(e.sourceKey === null ? {} : { sourceKey: e.sourceKey }),
    })),
  };
}

function writer(out: Writable): (text: string) => Promise<void> {
  let failure: Error | undefined;
  out.on('error', (error) => (failure = error));
  return async (text) => {
    if (failure !== undefined) throw failure;
    if (!out.write(text)) {
      await new Promise<void>((resolve) => {
        out.once('drain', () => resolve());
        out.once('error', () => resolve());
      });
      if (failure !== undefined) throw failure;
    }
  };
}

async function writeAll(
  ctx: AppContext,
  actor: User,
  options: ExportOptions,
  out: Writable,
): Promise<ExportReport> {
  const write = writer(out);
  const report: ExportReport = { prospects: 0, contacts: 0, events: 0 };
  // One snapshot for the whole export (SQLite's transactions are snapshots already).
  return ctx.db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (q) => {
      const owners = await visibleOwners(q, actor);
      const team = new Map((await users.list(q, actor.orgId)).map((u) => [u.id, u]));
      const productsById = new Map((await products.list(q, actor.orgId)).map((p) => [p.id, p]));
      if (options.format === 'csv') await write(csvLine(EXPORT_COLUMNS));
      let after = '';
      for (;;) {
        const page = await prospects.pageAfter(q, {
          orgId: actor.orgId,
          ...(owners === undefined ? {} : { ownerIds: owners }),
          afterId: after,
          limit: PAGE,
        });
        if (page.length === 0) break;
        const ids = page.map((p) => p.id);
        const contactsBy = groupBy(await contacts.listByProspects(q, ids), (c) => c.prospectId);
        const eventsBy = groupBy(await events.listByProspects(q, ids), (e) => e.prospectId);
        const contactIds = [...contactsBy.values()].flat().map((c) => c.id);
        const links = await externalIds.listForEntities(q, actor.orgId, [...ids, ...contactIds]);
        let text = '';
        for (const p of page) {
          const cs = contactsBy.get(p.id) ?? [];
          const es = eventsBy.get(p.id) ?? [];
          const x = exported(
            p,
            team.get(p.ownerId),
            p.productId === null ? undefined : productsById.get(p.productId),
            cs,
            es,
            links,
          );
          text += options.format === 'jsonl' ? `${JSON.stringify(x)}\n` : exportRows(x).map(csvLine).join('');
          report.prospects += 1;
          report.contacts += cs.length;
          report.events += es.length;
        }
        await write(text);
        options.onProgress?.({ prospects: report.prospects });
        after = ids[ids.length - 1] as string;
      }
      return report;
    });
}

/** Writes the visible prospects, contacts and events as CSV or JSON Lines. */
export async function exportData(
  ctx: AppContext,
  actor: User,
  options: ExportOptions,
): Promise<ExportReport> {
  if (options.format !== 'csv' && options.format !== 'jsonl') {
    throw new PursuitError(
      'INVALID_INPUT',
      `expected csv or jsonl, got "${String(options.format)}"`,
      'format',
    );
  }
  try {
    if (options.stream !== undefined) return await writeAll(ctx, actor, options, options.stream);
    if (options.path === undefined)
      throw new PursuitError('INVALID_ARGUMENTS', 'say where to export to', 'file');
    const partial = `${options.path}.partial`;
    const file = createWriteStream(partial);
    try {
      const report = await writeAll(ctx, actor, options, file);
      await new Promise<void>((resolve, reject) => {
        file.once('error', reject);
        file.end(() => resolve());
      });
      await rename(partial, options.path);
      return report;
    } catch (error) {
      file.destroy();
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    if (error instanceof PursuitError) throw error;
    const e = error as { code?: string; message?: string };
    if (typeof e.code === 'string' && FILE_ERRORS.has(e.code)) {
      throw new PursuitError(
        'INVALID_ARGUMENTS',
        `cannot write ${options.path ?? 'the export'}: ${e.message}`,
        'file',
      );
    }
    throw storeError(error);
  }
}
