// Reading a mailbox's new mail: each watched folder from the UID after the last one read (a folder
// whose UID validity changed is read again from the start; Message-IDs keep anything from being
// logged twice). Heads first, in batches: a message belongs to a prospect when it answers one of our
// emails or their replies (In-Reply-To, References), else when it comes from a contact's address
// (the rep's own prospects first); a bounce when it names one of our emails. Only those are read
// whole and kept; the rest of the rep's mail is never stored. Each batch's effects and the folder's
// progress commit together, so a broken connection or a restart loses nothing and repeats nothing.

import type { ImapFlow } from 'imapflow';
import { PursuitError } from '../../core/errors.js';
import type { Mailbox, User } from '../../core/records.js';
import {
  firstUidSince,
  folders,
  heads,
  openFolder,
  sources,
  uidsAfter,
} from '../../integrations/mail/imap.js';
import type { MessageHead } from '../../integrations/mail/imap.js';
import { mailFolders, mailboxes } from '../../store/repositories/mail.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { readMessage } from './read.js';
import type { Read, ReadJob } from './read.js';
import { bounced, place } from './match.js';
import { takeBounce, takeReply } from './replies.js';
import { WorkerPool, workerUrl } from '../worker-pool.js';
import type { Placed } from './replies.js';

/** Heads fetched, and a batch committed, this many messages at a time. */
const BATCH = 500;
/** A new mailbox's folders are read from this long before it was connected. */
const FIRST_LOOK_MS = 14 * 86_400_000;
/** A batch reads this many messages in a worker thread, or more; fewer are read here. */
const POOL_MIN = 16;

export interface SyncReport {
  folders: number;
  read: number;
  replies: number;
  bounces: number;
  /** Messages that could not be taken, passed over. */
  failed: { folder: string; uid: number; message: string }[];
}

export interface SyncOptions {
  /** Heads fetched and committed at a time (default 200). */
  batch?: number;
  /** Called after each batch is committed, with the messages read so far (a progress bar, a test). */
  afterBatch?: (read: number) => Promise<void> | void;
}

let pool: WorkerPool<ReadJob, Read> | undefined;
/** The process's reader: one worker thread (the main thread has the database and the connection). */
const readPool = () =>
  (pool ??= new WorkerPool(workerUrl(import.meta.url, 'read-worker'), 1, 'mail reading'));

const unavailable = (error: unknown) => error instanceof PursuitError && error.code.startsWith('DATABASE_');

interface Folder {
  mailbox: Mailbox;
  rep: User;
  path: string;
  uidValidity: number;
  uidNext: number;
}

/** A batch read from the server: its heads, where they belong, and the messages read whole. */
interface Fetched {
  heads: MessageHead[];
  placed: Map<number, Placed>;
  read: (readonly [number, Read])[];
  last: number;
}

async function fetchBatch(
  ctx: AppContext,
  client: ImapFlow,
  folder: Folder,
  uids: number[],
): Promise<Fetched> {
  const batch = await heads(client, uids);
  const placed = await inTransaction(ctx, (q) => place(q, folder.mailbox, batch));
  const whole = batch.filter((h) => placed.has(h.uid) || h.maybeBounce).map((h) => h.uid);
  const bodies = await sources(client, whole);
  const now = ctx.now();
  // Many messages are read in a worker thread, so the main thread writes the batch before meanwhile.
  const reader = whole.length >= POOL_MIN ? (job: ReadJob) => readPool().run(job) : readMessage;
  const read = await Promise.all(
    whole.map(async (uid) => {
      const where = placed.get(uid);
      const head = batch.find((h) => h.uid === uid) as MessageHead;
      const job: ReadJob = {
        raw: bodies.get(uid) ?? Buffer.alloc(0),
        internalDate: head.internalDate,
        now,
        ...(where === undefined
          ? {}
          : {
              reply: {
                zone: where.contact?.timezone ?? folder.rep.timezone,
                askedAt: where.outbox?.sentAt ?? undefined,
              },
            }),
      };
      return [uid, await reader(job)] as const;
    }),
  );
  return { heads: batch, placed, read, last: uids.at(-1) as number };
}

/** Logs what a batch's messages say, and moves the folder past them, in the caller's transaction. */
async function takeBatch(
  q: Q,
  ctx: AppContext,
  folder: Folder,
  fetched: Fetched,
  items: Fetched['read'],
  upTo: number,
  report: SyncReport,
): Promise<void> {
  const { mailbox } = folder;
  const now = ctx.now();
  const touched = new Set<string>();
  for (const [uid, read] of items) {
    const { mail } = read;
    const head = fetched.heads.find((h) => h.uid === uid) as MessageHead;
    const seen = {
      folder: folder.path,
      uidValidity: folder.uidValidity,
      uid,
      internalDate: head.internalDate,
    };
    const ours = await bounced(q, mailbox, mail, now);
    if (ours !== undefined) {
      if ((await takeBounce(q, ctx, mailbox, seen, mail, ours, now)) === 'bounce') report.bounces += 1;
      continue;
    }
    const where = fetched.placed.get(uid);
    if (where !== undefined && read.reading !== undefined) {
      const reply = { ...read, reading: read.reading };
      if ((await takeReply(q, ctx, mailbox, folder.rep, seen, reply, where, now)) === 'reply') {
        report.replies += 1;
        touched.add(where.prospect.id);
      }
    }
  }
  // The replies' prospects, decided again together.
  await refreshDecisions(q, mailbox.orgId, [...touched], now, ctx.defaultPlaybookText);
  await mailFolders.save(q, {
    mailboxId: mailbox.id,
    path: folder.path,
    uidValidity: folder.uidValidity,
    lastUid: upTo,
    syncedAt: now,
  });
}

/** Takes a batch in one transaction; when that fails, message by message, passing over one that still fails. */
async function take(ctx: AppContext, folder: Folder, fetched: Fetched, report: SyncReport): Promise<void> {
  const counted = { replies: report.replies, bounces: report.bounces };
  try {
    await inTransaction(ctx, (q) => takeBatch(q, ctx, folder, fetched, fetched.read, fetched.last, report));
  } catch (error) {
    // A database that cannot be written loses nothing: the round ends and the batch comes again.
    if (unavailable(error)) throw error;
    Object.assign(report, counted);
    for (const item of fetched.read) {
      try {
        await inTransaction(ctx, (q) => takeBatch(q, ctx, folder, fetched, [item], item[0], report));
      } catch (alone) {
        if (unavailable(alone)) throw alone;
        report.failed.push({ folder: folder.path, uid: item[0], message: (alone as Error).message });
      }
    }
    await inTransaction(ctx, (q) => takeBatch(q, ctx, folder, fetched, [], fetched.last, report));
  }
}

async function syncFolder(
  ctx: AppContext,
  client: ImapFlow,
  folder: Folder,
  report: SyncReport,
  options: SyncOptions,
): Promise<void> {
  const { mailbox, path } = folder;
  const size = options.batch ?? BATCH;
  const saved = await inTransaction(ctx, (q) => mailFolders.find(q, mailbox.id, path));
  let lastUid: number;
  if (saved !== undefined && saved.uidValidity === folder.uidValidity) lastUid = saved.lastUid;
  else if (saved !== undefined) lastUid = 0;
  else {
    const first = await firstUidSince(client, mailbox.createdAt - FIRST_LOOK_MS);
    lastUid = first === undefined ? folder.uidNext - 1 : first - 1;
  }
  const uids = await uidsAfter(client, lastUid);
  const pieces: number[][] = [];
  for (let i = 0; i < uids.length; i += size) pieces.push(uids.slice(i, i + size));
  // The next batch is read from the server while this one is written: both wait on different things.
  let next = pieces.length === 0 ? undefined : fetchBatch(ctx, client, folder, pieces[0] as number[]);
  for (let i = 0; i < pieces.length; i += 1) {
    const fetched = await (next as Promise<Fetched>);
    next = i + 1 < pieces.length ? fetchBatch(ctx, client, folder, pieces[i + 1] as number[]) : undefined;
    // A failure here must not leave the read ahead unawaited.
    try {
      await take(ctx, folder, fetched, report);
    } catch (error) {
      await next?.catch(() => undefined);
      throw error;
    }
    report.read += fetched.heads.length;
    await options.afterBatch?.(report.read);
  }
  if (uids.length === 0 && (saved === undefined || saved.uidValidity !== folder.uidValidity)) {
    await inTransaction(ctx, (q) =>
      mailFolders.save(q, {
        mailboxId: mailbox.id,
        path,
        uidValidity: folder.uidValidity,
        lastUid,
        syncedAt: ctx.now(),
      }),
    );
  }
}

/** Reads every watched folder of a mailbox once, on an open connection. */
export async function syncMailbox(
  ctx: AppContext,
  client: ImapFlow,
  mailbox: Mailbox,
  options: SyncOptions = {},
): Promise<SyncReport> {
  const report: SyncReport = { folders: 0, read: 0, replies: 0, bounces: 0, failed: [] };
  const rep = await inTransaction(ctx, (q) => users.findById(q, mailbox.userId));
  if (rep === undefined) return report;
  const { watched } = await folders(client);
  for (const path of watched) {
    const { uidValidity, uidNext } = await openFolder(client, path);
    await syncFolder(ctx, client, { mailbox, rep, path, uidValidity, uidNext }, report, options);
    report.folders += 1;
  }
  await inTransaction(ctx, (q) => mailboxes.synced(q, mailbox.id, ctx.now()));
  return report;
}
