// What a server keeps of its reads: an entry holds while the database's change mark is the one seen
// before it was read (nothing written since, by anyone) and until a time after which the clock alone
// may change it. Bounded: the least recently used entries go first.

import type { AppContext } from './context.js';

interface Entry<V> {
  mark: string;
  until: number;
  value: V;
}

export class ReadCache<V> {
  readonly #entries = new Map<string, Entry<V>>();

  constructor(private readonly capacity: number) {}

  /** The kept value, if nothing was written since it was read and `now` is before its end. */
  get(key: string, mark: string, now: number): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.mark !== mark || now >= entry.until) {
      this.#entries.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps a value read after `mark` was taken, valid until `until`. */
  set(key: string, mark: string, until: number, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { mark, until, value });
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** One cache per context and purpose, made on first use. */
export function cacheFor<V>(
  registry: WeakMap<AppContext, ReadCache<V>>,
  ctx: AppContext,
  capacity: number,
): ReadCache<V> {
  let cache = registry.get(ctx);
  if (cache === undefined) {
    cache = new ReadCache<V>(capacity);
    registry.set(ctx, cache);
  }
  return cache;
}

/** The database's change mark now: take it before a read that is to be kept. */
export function changeMark(ctx: AppContext): string {
  return ctx.db.changes.mark();
}
