// Vitest global setup: every temporary file of a test run goes in one directory of its own, removed
// when the run ends. The tests make databases, mailboxes, browser profiles and child processes' files
// under os.tmpdir(); a run left about 3 GB behind in /tmp before this.

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = tmpdir();
  const dir = mkdtempSync(join(outer, 'pursuit-tests-'));
  // As /tmp: the mail servers' own users (Dovecot drops root) make files in it too.
  chmodSync(dir, 0o1777);
  // Workers (threads) and child processes take TMPDIR from this process's environment.
  process.env.TMPDIR = dir;
  return () => {
    process.env.TMPDIR = outer;
    rmSync(dir, { recursive: true, force: true });
  };
}
