// Reading a mailbox's new mail: each watched folder from the UID after the last one read (a folder
// whose UID validity changed is read again from the start; Message-IDs keep anything from being
// logged twice). Heads first, in batches: a message belongs to a prospect when it answers one of our
// emails or their replies (In-Reply-To, References), else when it comes from a contact's address
// (the rep's own prospects first); a bounce when it names one of our emails. Only those are read
// whole and kept; the rest of the rep's mail is never stored. Each batch's effects and the folder's
// progress commit together, so a broken connection or a restart loses nothing and repeats nothing.

import type { ImapFlow } from 'imapflow';
import { PursuitError } from '../../core/errors.js';
import type { Mailbox, OutboxItem, User } from '../../core/records.js';
import {
  firstUidSince,
  folders,
  heads,
  openFolder,
  sources,
  uidsAfter,
} from '../../integrations/mail/imap.js';
import type { MessageHead } from '../../integrations/mail/imap.js';
import { readMail } from '../../integrations/mail/inbound.js';
import type { InboundMail } from '../../integrations/mail/inbound.js';
import { mailFolders, mailMessages, mailboxes, outbox } from '../../store/repositories/mail.repository.js';
import { users } from '../../store/repositories/people.repository.js';
import { contacts, prospects } from '../../store/repositories/prospects.repository.js';
import type { AppContext, Q } from '../context.js';
import { inTransaction } from '../context.js';
import { refreshDecisions } from '../decisions/decisions.js';
import { takeBounce, takeReply } from './replies.js';
import type { Placed } from './replies.js';

/** Heads fetched, and a batch committed, this many messages at a time. */
const BATCH = 500;
/** A new mailbox's folders are read from this long before it was connected. */
const FIRST_LOOK_MS = 14 * 86_400_000;
/** An old-style bounce is matched to what the mailbox sent in this time. */
const BOUNCE_WINDOW_MS = 30 * 86_400_000;

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

const unavailable = (error: unknown) => error instanceof PursuitError && error.code.startsWith('DATABASE_');

/** Where each head of a batch belongs, with a few lookups for the whole batch. */
async function place(q: Q, mailbox: Mailbox, batch: MessageHead[]): Promise<Map<number, Placed>> {
  const placed = new Map<number, Placed>();
  const ids = [...new Set(batch.flatMap((h) => h.answers))];
  const ours = new Map((await outbox.findByMessageIds(q, mailbox.orgId, ids)).map((o) => [o.messageId, o]));
  const theirs = new Map(
    (await mailMessages.findByMessageIds(q, mailbox.orgId, ids)).map((m) => [m.messageId, m]),
  );
  const senders = [...new Set(batch.flatMap((h) => (h.from === undefined ? [] : [h.from])))].filter(
    (a) => a !== mailbox.address,
  );
  const byAddress = new Map<string, typeof known>();
  const known = await contacts.findByEmails(q, mailbox.orgId, senders);
  for (const c of known) byAddress.set(c.email as string, [...(byAddress.get(c.email as string) ?? []), c]);
  const prospectIds = new Set<string>();
  const wanted = new Map<
    number,
    { prospectId: string; contactId: string | undefined; outbox: OutboxItem | undefined }
  >();
  for (const head of batch) {
    if (head.from === mailbox.address) continue;
    const answered = head.answers.map((id) => ours.get(id)).find((o) => o !== undefined);
    const earlier = head.answers.map((id) => theirs.get(id)).find((m) => m !== undefined);
    let pick:
      { prospectId: string; contactId: string | undefined; outbox: OutboxItem | undefined } | undefined;
    if (answered !== undefined)
      pick = { prospectId: answered.prospectId, contactId: answered.contactId, outbox: answered };
    else if (earlier !== undefined)
      pick = { prospectId: earlier.prospectId, contactId: earlier.contactId ?? undefined, outbox: undefined };
    else {
      const candidates = head.from === undefined ? [] : (byAddress.get(head.from) ?? []);
      if (candidates.length > 0) pick = { prospectId: '', contactId: undefined, outbox: undefined };
      for (const c of candidates) prospectIds.add(c.prospectId);
    }
    if (pick !== undefined) {
      wanted.set(head.uid, pick);
      if (pick.prospectId !== '') prospectIds.add(pick.prospectId);
    }
  }
  const found = new Map((await prospects.findByIds(q, [...prospectIds])).map((p) => [p.id, p]));
  for (const head of batch) {
    const pick = wanted.get(head.uid);
    if (pick === undefined) continue;
    if (pick.prospectId !== '') {
      const prospect = found.get(pick.prospectId);
      const contact =
        known.find((c) => c.id === pick.contactId) ??
        (await contacts.listByProspect(q, pick.prospectId)).find((c) => c.id === pick.contactId);
      if (prospect !== undefined) placed.set(head.uid, { prospect, contact, outbox: pick.outbox });
      continue;
    }
    // By address alone: the rep's own prospect first, else the one most recently changed.
    const candidates = (byAddress.get(head.from as string) ?? [])
      .map((c) => ({ c, p: found.get(c.prospectId) }))
      .filter((x) => x.p !== undefined)
      .sort(
        (a, b) =>
          Number(b.p?.ownerId === mailbox.userId) - Number(a.p?.ownerId === mailbox.userId) ||
          (b.p?.updatedAt ?? 0) - (a.p?.updatedAt ?? 0),
      );
    const best = candidates[0];
    if (best?.p !== undefined) placed.set(head.uid, { prospect: best.p, contact: best.c, outbox: undefined });
  }
  return placed;
}

/** The email of ours a bounce names: by Message-ID, else by the address it failed for. */
async function bounced(
  q: Q,
  mailbox: Mailbox,
  mail: Awaited<ReturnType<typeof readMail>>,
  now: number,
): Promise<OutboxItem | undefined> {
  const bounce = mail.bounce;
  if (bounce === undefined) return undefined;
  const byId = await outbox.findByMessageIds(q, mailbox.orgId, bounce.originalIds);
  const mine = byId.find((o) => o.mailboxId === mailbox.id);
  if (mine !== undefined) return mine;
  const addresses = bounce.recipients.length > 0 ? bounce.recipients.map((r) => r.address) : bounce.addresses;
  return (await outbox.sentTo(q, mailbox.id, addresses, now - BOUNCE_WINDOW_MS))[0];
}

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
  read: (readonly [number, InboundMail])[];
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
  const read = await Promise.all(
    whole.map(async (uid) => [uid, await readMail(bodies.get(uid) ?? Buffer.alloc(0))] as const),
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
  for (const [uid, mail] of items) {
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
    if (where !== undefined && mail.bounce === undefined) {
      if ((await takeReply(q, ctx, mailbox, folder.rep, seen, mail, where, now)) === 'reply') {
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
