// A crash mid-send sends once: `pursuit send` is killed (SIGKILL) the moment the SMTP server has
// taken the email, before Pursuit can record it. After a restart, `pursuit mail sync` settles it
// (found in Sent: it went; else it waits for the rep) and never sends it again; the rep's answer
// logs its touch once.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock, appContext, team } from '../support/databases.js';
import { mailAvailable, mailSkipReason, startMailServers } from '../support/mail-servers.js';
import type { MailServers } from '../support/mail-servers.js';
import { runCli } from '../support/cli.js';
import { connectMailbox } from '../../src/app/mail/mailboxes.js';
import { addProspect } from '../../src/app/prospects/prospects.js';
import { openDatabase } from '../../src/store/database.js';

const BIN = new URL('../../dist/main.js', import.meta.url).pathname;
const KEY = 'c'.repeat(40);
const T0 = '2026-03-10T15:00:00Z';

describe.skipIf(!mailAvailable)(
  `a crash mid-send${mailAvailable ? '' : ` (skipped: ${mailSkipReason})`}`,
  () => {
    let servers: MailServers;
    const dir = mkdtempSync(join(tmpdir(), 'pursuit-crash-'));
    const env = (now: string) => ({
      PURSUIT_DB: join(dir, 'pursuit.db'),
      PURSUIT_NOW: now,
      PURSUIT_SECRET_KEY: KEY,
      PURSUIT_USER: 'dana@ourco.test',
    });

    beforeAll(async () => {
      servers = await startMailServers();
      servers.addMailbox('dana@ourco.test', 'pw');
      servers.addMailbox('pat@acme.test', 'pw');
      const db = await openDatabase({ kind: 'sqlite', path: join(dir, 'pursuit.db') });
      const ctx = { ...appContext(db, new TestClock(Date.parse(T0))), secretKey: KEY };
      const { dana } = await team(ctx);
      await connectMailbox(ctx, dana, {
        ...servers.connection('dana@ourco.test', 'pw'),
      });
      await addProspect(ctx, dana, { name: 'Acme', contact: { name: 'Pat Lee', email: 'pat@acme.test' } });
      await db.close();
    });

    afterAll(async () => {
      await servers?.stop();
    });

    const toPat = () => servers.accepted.filter((m) => m.to.includes('pat@acme.test')).length;

    it('is settled after the restart and never sent twice', async () => {
      const child = spawn(process.execPath, [BIN, 'send', 'acme'], { env: { ...process.env, ...env(T0) } });
      const exited = once(child, 'exit');
      // The moment the server has it (it is delivered before the server answers), the process dies.
      const watch = setInterval(() => {
        if (toPat() > 0) child.kill('SIGKILL');
      }, 1);
      const [, signal] = (await exited) as [number | null, string | null];
      clearInterval(watch);
      expect(signal).toBe('SIGKILL');
      expect(toPat()).toBe(1);

      // Restarted ten minutes later: the email left "sending" is settled, not sent again.
      const later = env('2026-03-10T15:10:00Z');
      const sync = await runCli(['mail', 'sync', '--json'], { env: later });
      expect(sync.status, sync.err).toBe(0);
      const outbox = await runCli(['outbox', '--json'], { env: later });
      const [item] = JSON.parse(outbox.out) as { id: string; status: string }[];
      expect(['unconfirmed', 'sent']).toContain(item?.status);
      expect(toPat()).toBe(1);
      await runCli(['mail', 'sync'], { env: env('2026-03-10T16:00:00Z') });
      expect(toPat()).toBe(1);

      // The rep looks in Sent and says it went: its touch is logged once.
      if (item?.status === 'unconfirmed') {
        const settled = await runCli(['outbox', 'settle', item.id.slice(0, 8), '--went', '--json'], {
          env: later,
        });
        expect(settled.status, settled.err).toBe(0);
        expect(JSON.parse(settled.out)).toMatchObject({ status: 'sent' });
      }
      const page = await runCli(['prospect', 'show', 'acme', '--json'], { env: later });
      const events = (JSON.parse(page.out) as { events: { type: string; outcome?: string }[] }).events;
      expect(events.filter((e) => e.type === 'touch' && e.outcome === 'sent')).toHaveLength(1);
      expect(toPat()).toBe(1);
    });
  },
);
