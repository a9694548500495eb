// `pursuit serve` killed (SIGKILL) during a burst of idempotent writes (issue 13, item 1), at seeded
// points: after each kill the database is whole (SQLite's integrity_check), every write answered
// 2xx is in it, and once a server is back, retrying every write sent with its Idempotency-Key (twice)
// carries each out exactly once: replayed if it was answered, refused as already carried out if it
// wrote but was not answered, written now if it never reached the database.

import { afterAll, expect, it } from 'vitest';
import {
  databaseEnv,
  eventCount,
  lostWrites,
  mixedLoad,
  pursuit,
  repCaller,
  rng,
  startServer,
  write,
} from '../../bench/soak-load.mjs';
import type { Caller, Server } from '../../bench/soak-load.mjs';
import { describeDialects, freshDatabase, integrity } from '../support/databases.js';
import type { TestDb } from '../support/databases.js';

const KILLS = Number(process.env.PURSUIT_CRASH_SERVE_KILLS ?? 3);
const BURST = 120;

describeDialects(`pursuit serve killed ${KILLS} times during a burst of writes on %s`, (dialect) => {
  let t: TestDb | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await server?.kill();
    await t?.drop().catch(() => undefined);
  });

  it('keeps every answered write, and a retry with the same key carries nothing out twice', async () => {
    t = await freshDatabase(dialect);
    const database = t.config;
    const env = { ...databaseEnv(database), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
    const demo = await pursuit(['demo', '--prospects', '60', '--json'], env);
    expect(demo.status, demo.err).toBe(0);
    server = await startServer(env);
    const callers: Caller[] = [await repCaller(server.url, 'dana@northwind.test')];
    const random = rng(7);
    const rounds = [];
    for (let round = 0; round < KILLS; round += 1) {
      const before = await eventCount(database);
      const current = server;
      // Killed once a seeded number of writes has been answered.
      const killAfter = 5 + Math.floor(random() * (BURST / 2));
      let killed = false;
      const burst = await mixedLoad({
        urls: [current.url],
        callers,
        connections: 20,
        requests: BURST,
        writeShare: 1,
        seed: 100 + round,
        onAnswer: (so) => {
          if (!killed && so.requests >= killAfter) {
            killed = true;
            current.child.kill('SIGKILL');
          }
        },
      });
      await current.exited;
      expect(integrity(database)).toBe('ok');
      expect(await lostWrites(database, burst.acknowledged)).toEqual([]);

      server = await startServer(env);
      const url = server.url;
      const retries = async () => {
        const statuses: number[] = [];
        for (const sent of burst.issued) {
          const again = await write(url, sent.caller, sent.prospectId, sent.key);
          await again.text();
          statuses.push(again.status);
        }
        return statuses;
      };
      const first = await retries();
      const afterFirst = await eventCount(database);
      const second = await retries();
      const afterSecond = await eventCount(database);
      const refused = first.filter((s) => s === 409).length;
      rounds.push({ killAfter, sent: burst.issued.length, answered: burst.acknowledged.length, refused });
      // Each write sent was carried out exactly once, whatever became of its first answer.
      expect(
        [...new Set([...first, ...second])].every((s) => s === 201 || s === 409),
        JSON.stringify(rounds),
      ).toBe(true);
      expect(afterFirst - before, JSON.stringify(rounds)).toBe(burst.issued.length);
      expect(afterSecond).toBe(afterFirst);
      // Nothing answered was lost on the way (a replay for each).
      expect(first.length).toBe(burst.issued.length);
    }
    console.log(`serve killed on ${dialect}: ${JSON.stringify(rounds)}`);
  }, 900_000);
});
