// The server keeps decisions current in the background: every minute, each organisation's decisions
// that time alone may have changed (an overdue action is looked at again each hour, a wait when it
// ends) are decided again, a page at a time in short write transactions. A read then finds little
// or nothing to bring up to date itself: on a team of a million prospects, most of them overdue,
// hundreds of thousands fall due for another look each hour, and the first manager to open the
// pipeline would otherwise decide them all again before seeing it, holding the writer meanwhile.
// The server gives it other such passes too (the team dashboard's counts, app/day/team.ts).

import { organisations } from '../../store/repositories/people.repository.js';
import type { AppContext } from '../context.js';
import { inTransaction, sleep } from '../context.js';
import { refreshStaleInPages } from './decisions.js';

/** How often the keeper looks for stale decisions. */
export const KEEPER_INTERVAL_MS = 60_000;

/**
 * Work kept current for one organisation, a page at a time in short transactions; says how much it
 * did, and stops between two pages when `signal` is aborted.
 */
export type KeeperPass = (ctx: AppContext, orgId: string, signal?: AbortSignal) => Promise<number>;

/** Decisions that time alone changed, decided again. */
export const keepDecisions: KeeperPass = (ctx, orgId, signal) =>
  refreshStaleInPages(ctx, orgId, undefined, signal === undefined ? {} : { signal });

export interface KeeperOptions {
  intervalMs?: number;
  /** What each pass keeps current, in order (decisions only, by default). */
  passes?: readonly KeeperPass[];
  /** Told of a pass that failed (the next pass tries again). */
  onError?: (message: string) => void;
}

/**
 * One run of each pass over every organisation; says how much each pass did, in all. Stops between
 * two pages when `signal` is aborted.
 */
export async function keepCurrent(
  ctx: AppContext,
  passes: readonly KeeperPass[] = [keepDecisions],
  signal?: AbortSignal,
): Promise<number[]> {
  const done = passes.map(() => 0);
  for (const org of await inTransaction(ctx, (q) => organisations.list(q), { readOnly: true }))
    for (const [i, pass] of passes.entries())
      done[i] = (done[i] as number) + (await pass(ctx, org.id, signal));
  return done;
}

/** Runs keepCurrent every interval, from start() until stop(). */
export class StaleKeeper {
  private readonly controller = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: KeeperOptions = {},
  ) {}

  start(): void {
    this.running ??= this.run();
  }

  /** Stops after the page in hand (a page's transaction is never cut short). */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    const { signal } = this.controller;
    while (!signal.aborted) {
      try {
        await keepCurrent(this.ctx, this.options.passes, signal);
      } catch (error) {
        this.options.onError?.(error instanceof Error ? error.message : String(error));
      }
      await sleep(this.options.intervalMs ?? KEEPER_INTERVAL_MS, signal);
    }
  }
}
