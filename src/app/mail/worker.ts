// The email channel at work: for each connected mailbox, one reader at a time across processes (a
// lease in the database), which settles emails left "sending" by a process that stopped, sends what
// is due, and reads new mail: at once when the server says mail arrived (IMAP IDLE on INBOX), else
// every poll. A dropped connection is opened again, waiting longer after each failure; the mailbox
// says what failed. `pursuit serve` runs it; `pursuit mail sync` does one round (for cron).

import { hostname } from 'node:os';
import type { ImapFlow } from 'imapflow';
import type { Mailbox } from '../../core/records.js';
import { imapClient } from '../../integrations/mail/imap.js';
import { mailboxes } from '../../store/repositories/mail.repository.js';
import type { AppContext } from '../context.js';
import { inTransaction, sleep } from '../context.js';
import { deliverDue } from './deliver.js';
import { reconcile } from './settle.js';
import type { Delivery } from './deliver.js';
import { mailAuth } from './mailboxes.js';
import { syncMailbox } from './sync.js';
import type { SyncOptions, SyncReport } from './sync.js';

/** How long a reader holds a mailbox without renewing (a stopped process frees it after this). */
const LEASE_MS = 90_000;

export const processOwner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

export interface Round {
  mailbox: Mailbox;
  /** Why the round did not run, or failed. */
  skipped?: string;
  settled: number;
  deliveries: Delivery[];
  sync?: SyncReport;
}

async function failing(ctx: AppContext, mailbox: Mailbox, error: unknown): Promise<string> {
  const e = error as { responseText?: string; message?: string };
  const message = e.responseText ?? e.message ?? String(error);
  await inTransaction(ctx, (q) => mailboxes.setStatus(q, mailbox.id, message, ctx.now())).catch(
    () => undefined,
  );
  return message;
}

/** One round for one mailbox on an open connection: settle, send what is due, read new mail. */
async function roundOn(
  ctx: AppContext,
  client: ImapFlow,
  mailbox: Mailbox,
  settle: boolean,
  options: SyncOptions = {},
): Promise<Round> {
  const auth = await mailAuth(ctx, mailbox);
  const settled = settle ? await reconcile(ctx, mailbox, auth) : 0;
  const deliveries = await deliverDue(ctx, mailbox.id);
  const sync = await syncMailbox(ctx, client, mailbox, options);
  return { mailbox, settled, deliveries, sync };
}

/** One round for a mailbox on a connection of its own, if no other process is reading it. */
export async function mailRound(
  ctx: AppContext,
  mailbox: Mailbox,
  options: SyncOptions & { owner?: string } = {},
): Promise<Round> {
  const owner = options.owner ?? processOwner;
  const now = ctx.now();
  const leased = await inTransaction(ctx, (q) => mailboxes.lease(q, mailbox.id, owner, now, now + LEASE_MS));
  if (!leased) return { mailbox, skipped: 'another process is reading it', settled: 0, deliveries: [] };
  let client: ImapFlow | undefined;
  try {
    client = imapClient({ server: mailbox.imap, auth: await mailAuth(ctx, mailbox) });
    await client.connect();
    return await roundOn(ctx, client, mailbox, true, options);
  } catch (error) {
    return { mailbox, skipped: await failing(ctx, mailbox, error), settled: 0, deliveries: [] };
  } finally {
    await client?.logout().catch(() => client?.close());
    await inTransaction(ctx, (q) => mailboxes.release(q, mailbox.id, owner)).catch(() => undefined);
  }
}

/** A round for every mailbox (of one organisation, or all): `pursuit mail sync`. */
export async function mailRounds(ctx: AppContext, orgId?: string): Promise<Round[]> {
  const all = await inTransaction(ctx, (q) => mailboxes.list(q, orgId));
  const rounds: Round[] = [];
  for (const mailbox of all) rounds.push(await mailRound(ctx, mailbox));
  return rounds;
}

export interface WorkerOptions {
  /** How often a watched mailbox is read without news from IDLE, and due email is sent. */
  pollMs?: number;
  /** Told of a mailbox's failures (the server logs them). */
  onError?: (mailbox: Mailbox, message: string) => void;
}

/** Waits on INBOX until mail arrives, the poll ends, or the worker stops; then ends the IDLE. */
async function idle(client: ImapFlow, ms: number, signal: AbortSignal): Promise<void> {
  await client.mailboxOpen('INBOX', { readOnly: true });
  let wake: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (wake = resolve));
  client.on('exists', wake);
  const idling = client.idle().catch(() => undefined);
  await Promise.race([arrived, sleep(ms, signal)]);
  client.off('exists', wake);
  // Any command ends an IDLE; NOOP is the one that does nothing else. A server that does not answer
  // is not waited for: the connection is closed and opened again.
  if (client.usable) await Promise.race([client.noop().catch(() => undefined), sleep(10_000)]);
  await Promise.race([idling, sleep(10_000)]);
}

/** Keeps every connected mailbox read and its outbox sent, until stopped. */
export class MailWorker {
  private readonly controller = new AbortController();
  private readonly watched = new Map<string, Promise<void>>();
  private readonly clients = new Set<ImapFlow>();
  private supervisor: Promise<void> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: WorkerOptions = {},
  ) {}

  start(): void {
    this.supervisor ??= this.supervise();
  }

  async stop(): Promise<void> {
    this.controller.abort();
    // What a connection was waiting for no longer matters: each is closed now.
    for (const client of this.clients) client.close();
    await this.supervisor;
    await Promise.all(this.watched.values());
  }

  /** Watches the mailboxes as they are connected and removed. */
  private async supervise(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      const all = await inTransaction(this.ctx, (q) => mailboxes.list(q)).catch(() => [] as Mailbox[]);
      for (const mailbox of all) {
        if (!this.watched.has(mailbox.id)) {
          this.watched.set(
            mailbox.id,
            this.watch(mailbox.id).finally(() => this.watched.delete(mailbox.id)),
          );
        }
      }
      await sleep(this.options.pollMs ?? 60_000, signal);
    }
  }

  private async watch(id: string): Promise<void> {
    const { signal } = this.controller;
    const poll = this.options.pollMs ?? 60_000;
    let failures = 0;
    while (!signal.aborted) {
      const mailbox = await inTransaction(this.ctx, (q) => mailboxes.findById(q, id)).catch(() => undefined);
      if (mailbox === undefined) return;
      const now = this.ctx.now();
      const leased = await inTransaction(this.ctx, (q) =>
        mailboxes.lease(q, id, processOwner, now, now + LEASE_MS),
      ).catch(() => false);
      if (!leased) {
        await sleep(LEASE_MS / 3, signal);
        continue;
      }
      let client: ImapFlow | undefined;
      try {
        client = imapClient({ server: mailbox.imap, auth: await mailAuth(this.ctx, mailbox) });
        this.clients.add(client);
        await client.connect();
        let settle = true;
        while (!signal.aborted && client.usable) {
          const current = await inTransaction(this.ctx, (q) => mailboxes.findById(q, id));
          if (current === undefined) return;
          const at = this.ctx.now();
          await inTransaction(this.ctx, (q) => mailboxes.lease(q, id, processOwner, at, at + LEASE_MS));
          await roundOn(this.ctx, client, current, settle);
          settle = false;
          failures = 0;
          await idle(client, Math.min(poll, LEASE_MS / 3), signal);
        }
      } catch (error) {
        // The worker closed the connection to stop: that is no failure of the mailbox.
        if (signal.aborted) break;
        failures += 1;
        this.options.onError?.(mailbox, await failing(this.ctx, mailbox, error));
        await sleep(Math.min(60_000, 1000 * 2 ** failures), signal);
      } finally {
        if (client !== undefined) {
          this.clients.delete(client);
          if (client.usable) await Promise.race([client.logout().catch(() => undefined), sleep(5_000)]);
          client.close();
        }
      }
    }
    await inTransaction(this.ctx, (q) => mailboxes.release(q, id, processOwner)).catch(() => undefined);
  }
}
