// `pursuit audit` and `pursuit user sign-out` on a real SQLite file with a fixed clock: what the
// command line does is logged as done from the command line; an admin reads the log, a rep may not;
// signing out everywhere ends a user's sessions and revokes their tokens, for an admin or oneself.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { createToken, tokenUser } from '../app/accounts/tokens.js';
import { actorFor } from '../app/accounts/workspace.js';
import { openContext } from '../app/context.js';
import { readConfig } from '../app/config.js';
import { readDefaultPlaybook } from './resources.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-access-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const ada = { PURSUIT_USER: 'ada@ourco.test' };
const dana = { PURSUIT_USER: 'dana@ourco.test' };

const cli = (args: string[], extraEnv: Record<string, string> = {}, input = '') =>
  runCli(args, { env: { ...env, ...extraEnv }, input });

describe('the audit log and signing out from the command line', () => {
  beforeAll(async () => {
    const init = ['init', '--org', 'OurCo', '--name', 'Ada Admin', '--email', 'ada@ourco.test'];
    expect((await cli([...init, '--timezone', 'America/Denver'])).status).toBe(0);
    expect((await cli(['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test'], ada)).status).toBe(0);
    expect((await cli(['user', 'password', 'dana'], ada, 'a-long-secret-1\n')).status).toBe(0);
  });

  it('shows an admin what was done, from the command line, and refuses a rep', async () => {
    const read = await cli(['audit'], ada);
    expect(read.status, read.err).toBe(0);
    const lines = read.out.trim().split('\n');
    expect(lines[0]).toMatch(
      /^Tue, Mar 10, 9:00 AM MDT {2}password-changed by Ada Admin \(Dana Whitfield\) {2}\[cli\]/,
    );
    expect(lines[1]).toMatch(
      /user-created by Ada Admin \(Dana Whitfield\) {2}\[cli\] {2}Dana Whitfield <dana@ourco.test>, rep$/,
    );
    const json = await cli(['audit', '--json', '--limit', '1'], ada);
    const page = JSON.parse(json.out) as { entries: { action: string; via: string }[]; next: string };
    expect(page.entries).toEqual([expect.objectContaining({ action: 'password-changed', via: 'cli' })]);
    const next = await cli(['audit', '--json', '--before', page.next], ada);
    expect((JSON.parse(next.out) as { entries: { action: string }[] }).entries.map((e) => e.action)).toEqual([
      'user-created',
    ]);
    const refused = await cli(['audit'], dana);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/only an admin reads the audit log/);
    const bad = await cli(['audit', '--action', 'nonsense'], ada);
    expect(bad.status).toBe(2);
    expect(bad.err).toMatch(/action: expected one of sign-in, sign-in-failed/);
  });

  it("revokes a user's tokens and ends their sessions: an admin's or one's own doing", async () => {
    const ctx = await openContext(readConfig(env), readDefaultPlaybook());
    try {
      const who = await actorFor(ctx, 'dana@ourco.test');
      const { token } = await createToken(ctx, who, 'nightly export');
      expect((await tokenUser(ctx, token))?.email).toBe('dana@ourco.test');
      const refused = await cli(['user', 'sign-out', 'ada'], dana);
      expect(refused.status).toBe(2);
      expect(refused.err).toMatch(/only an admin signs another user out/);
      const done = await cli(['user', 'sign-out', 'dana'], ada);
      expect(done.status, done.err).toBe(0);
      expect(done.out).toBe(
        'Signed Dana Whitfield <dana@ourco.test> out everywhere: 0 browser session(s) ended, 1 API token(s) revoked.\n',
      );
      expect(await tokenUser(ctx, token)).toBeUndefined();
      const own = await cli(['user', 'sign-out', '--json'], dana);
      expect(JSON.parse(own.out)).toMatchObject({ sessionsEnded: 0, tokensRevoked: 0 });
      const log = await cli(['audit', '--action', 'signed-out-everywhere'], ada);
      expect(log.out).toContain(
        'signed-out-everywhere by Ada Admin (Dana Whitfield)  [cli]  0 sessions ended, 1 token revoked',
      );
    } finally {
      await ctx.db.close();
    }
  });
});
