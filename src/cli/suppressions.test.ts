// `pursuit suppression list|add|lift` on a real SQLite file with a fixed clock: an opt-out logged
// from the command line puts the person on the list, which an admin reads (text and --json), adds
// to, and lifts an entry of with a reason; a rep is refused.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-supp-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const dana = { PURSUIT_USER: 'dana@ourco.test' };
const ada = { PURSUIT_USER: 'ada@ourco.test' };

const cli = (args: string[], who: Record<string, string>) => runCli(args, { env: { ...env, ...who } });

describe('the suppression commands', () => {
  beforeAll(async () => {
    const setup = [
      ['init', '--org', 'OurCo', '--name', 'Ada Admin', '--email', 'ada@ourco.test', '--timezone', 'UTC'],
      ['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test'],
    ];
    for (const args of setup) expect((await cli(args, ada)).status).toBe(0);
    const add = ['prospect', 'add', 'Acme', '--contact', 'Peter Lee', '--email', 'peter@acme.test'];
    expect((await cli(add, dana)).status).toBe(0);
    const log = ['log', 'response', 'acme', '--channel', 'email', '--sentiment', 'unsubscribe'];
    expect((await cli(log, dana)).status).toBe(0);
  });

  it('lists the entries to an admin, with source and date, and refuses a rep', async () => {
    const text = await cli(['suppression', 'list'], ada);
    expect(text.status).toBe(0);
    expect(text.out).toMatch(/email +peter@acme\.test +logged +2026-03-10 15:00/);
    const json = await cli(['suppression', 'list', '--json'], ada);
    expect(JSON.parse(json.out)).toMatchObject([
      { kind: 'email', value: 'peter@acme.test', source: 'logged' },
    ]);
    const rep = await cli(['suppression', 'list'], dana);
    expect(rep.status).toBe(2);
    expect(rep.err).toMatch(/only an admin/);
    const bad = await cli(['suppression', 'list', '--limit', 'lots'], ada);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/limit/);
  });

  it('adds by hand and lifts an entry with a reason, which stays on record', async () => {
    const added = await cli(['suppression', 'add', '--phone', '+49 30 1234567', '--json'], ada);
    expect(added.status).toBe(0);
    const [entry] = JSON.parse(added.out) as { id: string; value: string }[];
    expect(entry?.value).toBe('49301234567');
    const noReason = await cli(['suppression', 'lift', entry?.id ?? ''], ada);
    expect(noReason.status).not.toBe(0);
    const lifted = await cli(['suppression', 'lift', entry?.id ?? '', '--reason', 'typed by mistake'], ada);
    expect(lifted.status).toBe(0);
    expect(lifted.out).toMatch(/^Lifted: .*lifted 2026-03-10 15:00: typed by mistake/);
    const all = await cli(['suppression', 'list', '--all', '--search', '4930'], ada);
    expect(all.out).toMatch(/49301234567.*typed by mistake/);
    expect((await cli(['suppression', 'list', '--search', '4930'], ada)).out).toMatch(/list is empty/);
  });
});
