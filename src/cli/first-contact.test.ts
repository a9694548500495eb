// What a newcomer meets first on the command line, on real SQLite files: a database that is not
// there is named (and not created), an empty one is named, a mistyped --as email gets the nearest
// address, a plain CSV gets the --map its column names suggest, and a port already taken is said as
// PURSUIT_PORT.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { startServer } from '../api/server.js';
import { openContext } from '../app/context.js';
import { readConfig } from '../app/config.js';
import { readDefaultPlaybook } from './resources.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-first-'));
const NOW = '2026-03-10T15:00:00Z';
const cli = (args: string[], db: string, extra: Record<string, string> = {}) =>
  runCli(args, { env: { PURSUIT_DB: db, PURSUIT_NOW: NOW, ...extra } });

describe('first contact with the command line', () => {
  it('names a database file that is not there, and does not create it', async () => {
    const missing = join(dir, 'typo.db');
    const r = await cli(['agenda'], missing);
    expect(r.status).toBe(2);
    expect(r.err).toContain(
      `PURSUIT_DB: no database at ${missing} (PURSUIT_DB): create one with \`pursuit init\``,
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('names the database that has no users yet', async () => {
    const empty = join(dir, 'empty.db');
    // `pursuit schema` opens nothing; a restore-less empty database comes from opening it once.
    const ctx = await openContext(readConfig({ PURSUIT_DB: empty }), readDefaultPlaybook());
    await ctx.db.close();
    const r = await cli(['agenda'], empty);
    expect(r.status).toBe(2);
    // A demo database in the working directory (from `npm start`) is named between the two.
    expect(r.err).toContain(`user: no users yet in ${empty}`);
    expect(r.err).toContain(': run `pursuit init` first');
  });

  it('suggests the nearest address first for a mistyped --as email, not every address of the domain', async () => {
    const db = join(dir, 'team.db');
    const init = ['init', '--org', 'OurCo', '--name', 'Ada Admin', '--email', 'ada@ourco.test'];
    expect((await cli([...init, '--timezone', 'America/Denver'], db)).status).toBe(0);
    const ada = { PURSUIT_USER: 'ada@ourco.test' };
    for (const [name, email] of [
      ['Dana Whitfield', 'dana@ourco.test'],
      ['Eli Park', 'eli@ourco.test'],
    ] as const)
      expect((await cli(['user', 'add', name, '--email', email], db, ada)).status).toBe(0);
    const r = await cli(['agenda', '--as', 'dnaa@ourco.tst'], db);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/^pursuit: user: no user called "dnaa@ourco.tst"; did you mean "dana@ourco.test"/);
    expect(r.err).not.toContain('eli@');
    const byName = await cli(['agenda', '--as', 'Dnaa'], db);
    expect(byName.err).toContain('did you mean "Dana Whitfield"?');
  });

  it('suggests the --map of a plain CSV from its column names, ready to paste', async () => {
    const db = join(dir, 'team.db');
    const csv = join(dir, 'leads.csv');
    writeFileSync(
      csv,
      'Company,Contact Name,Email Address,Phone,Deal Value\nAcme,Jo Smith,jo@acme.test,+1 303 555 0100,12000\n',
    );
    const ada = { PURSUIT_USER: 'ada@ourco.test' };
    const first = await cli(['import', csv], db, ada);
    expect(first.status).toBe(2);
    const map =
      "'prospect=Company,contact=Contact Name,email=Email Address,phone=Phone,deal-value=Deal Value'";
    expect(first.err).toContain(`from their names: --map ${map}`);
    const again = await cli(['import', csv, '--map', map.slice(1, -1)], db, ada);
    expect(again.status, again.err).toBe(0);
    expect(again.out).toContain('generic records, 1 row (utf-8)');
    expect(again.out).toContain('Imported; 1 prospect decided.');
  });
});

describe('a port already taken', () => {
  let holder: Server | undefined;
  afterAll(() => holder?.close());

  it('is said as PURSUIT_PORT, with another port to try', async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder?.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as AddressInfo).port;
    const ctx = await openContext(readConfig({ PURSUIT_DB: join(dir, 'serve.db') }), readDefaultPlaybook());
    try {
      const failure = await startServer(ctx, { host: '127.0.0.1', port }).then(
        () => undefined,
        (e: unknown) => e as { code?: string; path?: string; message?: string },
      );
      expect(failure?.code).toBe('CONFIG_INVALID');
      expect(failure?.path).toBe('PURSUIT_PORT');
      expect(failure?.message).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(failure?.message).toContain('PURSUIT_PORT=3000 npm start');
    } finally {
      await ctx.db.close();
    }
  });
});
