// Two `pursuit serve` processes and the CLI writing one database at once (issue 16 item 1, issue 13
// item 6), counted rather than timed: a bounded mixed load of reads and idempotent writes at 20
// connections, `pursuit log email` from the CLI while it runs. Every request is answered below 500,
// every write answered 2xx is in the database, every CLI write succeeds, and a retry of an
// acknowledged write with its Idempotency-Key is replayed without writing again. The timed version
// is `npm run bench:soak`.

import { afterAll, expect, it } from 'vitest';
import { eventCount, soak, write } from '../../bench/soak-load.mjs';
import { describeDialects, freshDatabase } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';

const REQUESTS = 300;
const CLI_WRITES = 4;

describeDialects('two servers and the CLI on one %s database', (dialect) => {
  let t: TestDb | undefined;
  afterAll(async () => t?.drop());

  it(`answers ${REQUESTS} mixed requests at 20 connections without a 5xx and loses no write`, async () => {
    t = await freshDatabase(dialect);
    const database = t.config;
    const retried = { before: 0, after: 0, statuses: [] as number[], replayed: 0 };
    const result = await soak({
      database,
      requests: REQUESTS,
      connections: 20,
      writeShare: 0.6,
      cliWrites: CLI_WRITES,
      seed: 16,
      // Retries of acknowledged writes with their keys, each on the other server.
      afterLoad: async ({ acknowledged, urls }) => {
        retried.before = await eventCount(database);
        for (const a of acknowledged.slice(0, 20)) {
          const url = urls.find((u) => u !== a.url) ?? a.url;
          const again = await write(url, a.caller, a.prospectId, a.key);
          await again.text();
          retried.statuses.push(again.status);
          if (again.headers.get('idempotent-replay') === 'true') retried.replayed += 1;
        }
        retried.after = await eventCount(database);
      },
    });
    expect(result.failures, JSON.stringify(result.failures.slice(0, 3))).toEqual([]);
    expect(result.requests).toBe(REQUESTS);
    const statuses = Object.keys(result.statuses).map(Number);
    expect(
      statuses.every((s) => s < 300),
      JSON.stringify(result.statuses),
    ).toBe(true);
    expect(result.acknowledged.length).toBeGreaterThan(REQUESTS / 3);
    expect(result.lost).toEqual([]);
    expect(result.cli).toEqual({ ok: CLI_WRITES, failed: [] });
    expect(retried.statuses).toEqual(retried.statuses.map(() => 201));
    expect(retried.replayed).toBe(retried.statuses.length);
    expect(retried.after).toBe(retried.before);
  }, 600_000);
});
