// Whether the database may have changed since a moment: the mark that lets the server keep what it
// read (an agenda, a signed-in user) until someone writes. A mark is a string that changes whenever
// this process writes and whenever another process commits:
// - this process: a Kysely plugin counts every statement that may write (and every one given to
//   Kysely compiled whose result says it wrote rows), and a transaction that wrote counts once more
//   when it ends, so a read that ran between a write and its commit is never kept past the commit;
// - another process on SQLite: `PRAGMA data_version`, which changes when another connection commits
//   to the file (a read of the connection's own state, no disk access);
// - another process on PostgreSQL: a `pursuit_changes` notification, sent by a trigger on every
//   table (migration 0004) when a transaction commits, and heard on a connection of its own. While
//   that connection is down, every mark is new: nothing is kept.

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type pg from 'pg';

/** The channel the PostgreSQL trigger notifies (migration 0004). */
export const CHANGES_CHANNEL = 'pursuit_changes';

const READS = new Set(['SelectQueryNode']);

function mayWrite(node: RootOperationNode): boolean {
  if (READS.has(node.kind)) return false;
  if (node.kind === 'RawNode') return !/^\s*(select|pragma|explain)\b/i.test(node.sqlFragments[0] ?? '');
  return true;
}

/**
 * Whether a statement's result says it wrote rows. A query compiled beforehand (the bulk writes of
 * repositories/rows.ts) reaches the plugins only with its result: Kysely transforms the queries it
 * builds, not those given to it compiled.
 */
function wroteRows(result: QueryResult<UnknownRow>): boolean {
  return result.numAffectedRows !== undefined && result.numAffectedRows > 0n;
}

export class ChangeWatch implements KyselyPlugin {
  #writes = 0;
  #remote = 0;
  /** False while the remote source cannot be trusted (PostgreSQL listener down). */
  #trusted = true;
  #fresh = 0;
  readonly #remoteMark: () => number | undefined;

  /** @param remoteMark another process's commits; undefined when it cannot be told */
  constructor(remoteMark: () => number | undefined = () => 0) {
    this.#remoteMark = remoteMark;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (mayWrite(args.node)) this.#writes += 1;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (wroteRows(args.result)) this.#writes += 1;
    return Promise.resolve(args.result);
  }

  /** Statements that may have written so far; compare before and after a transaction. */
  get writes(): number {
    return this.#writes;
  }

  /** A transaction that wrote has ended (committed or rolled back). */
  settled(): void {
    this.#writes += 1;
  }

  /** A commit by another process was heard (PostgreSQL). */
  heard(): void {
    this.#remote += 1;
  }

  /** Whether other processes' commits can be heard; when not, every mark is new. */
  trust(trusted: boolean): void {
    this.#trusted = trusted;
    this.#remote += 1;
  }

  /** The current mark; equal marks mean nothing was written in between. */
  mark(): string {
    const remote = this.#trusted ? this.#remoteMark() : undefined;
    if (remote === undefined) {
      this.#fresh += 1;
      return `fresh:${this.#fresh}`;
    }
    return `${this.#writes}.${this.#remote}.${remote}`;
  }
}

/** Counts the statements that may write through one handle (one transaction's). */
export class WriteCounter implements KyselyPlugin {
  writes = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (mayWrite(args.node)) this.writes += 1;
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (wroteRows(args.result)) this.writes += 1;
    return Promise.resolve(args.result);
  }
}

/**
 * Listens for other processes' commits on a connection of its own, reconnecting after a failure.
 * Until it listens, and while it is down, the watch trusts nothing.
 */
export class ChangeListener {
  #client: pg.Client | undefined;
  #closed = false;
  #retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connect: () => pg.Client,
    private readonly watch: ChangeWatch,
  ) {
    watch.trust(false);
  }

  async start(): Promise<void> {
    if (this.#closed) return;
    const client = this.connect();
    this.#client = client;
    client.on('notification', () => this.watch.heard());
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      this.watch.trust(true);
    } catch {
      this.#lost(client);
    }
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.watch.trust(false);
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (!this.#closed) {
      this.#retry = setTimeout(() => void this.start(), 1000);
      this.#retry.unref();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry !== undefined) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = undefined;
    this.watch.trust(false);
    if (client !== undefined) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
