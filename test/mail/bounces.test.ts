// Real bounces, as the mail servers of the world write them: the ~115 samples Debian's
// python3-flufl.bounce ships (DSN, Postfix, qmail, Exim, Yahoo, Microsoft...), read in place with the
// answers flufl.bounce's own tests expect. Pursuit must tell nearly all of them for bounces and find
// the failed address; a warning of delay must not pass for a failure.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bounceSampleCases } from '../support/mail-servers.js';
import { readMail } from '../../src/integrations/mail/inbound.js';

const cases = bounceSampleCases();

describe.skipIf(cases.length === 0)(
  `the real bounce samples${cases.length === 0 ? ' (skipped: python3-flufl.bounce is not installed)' : ''}`,
  () => {
    it('tells at least nine in ten for bounces, and finds the failed address in at least eight in ten', async () => {
      let told = 0;
      let labelled = 0;
      let found = 0;
      for (const c of cases) {
        const bounce = (await readMail(readFileSync(c.path))).bounce;
        if (bounce !== undefined) told += 1;
        if (c.recipients.length === 0) continue;
        labelled += 1;
        const named = new Set([
          ...(bounce?.recipients.map((r) => r.address) ?? []),
          ...(bounce?.addresses ?? []),
        ]);
        if (c.recipients.every((r) => named.has(r.toLowerCase()))) found += 1;
      }
      expect(cases.length).toBeGreaterThan(100);
      expect(told / cases.length).toBeGreaterThanOrEqual(0.9);
      expect(found / labelled).toBeGreaterThanOrEqual(0.8);
    });

    it('does not take a warning of delay for a failure', async () => {
      const warnings = cases.filter((c) => c.temporary);
      expect(warnings.length).toBeGreaterThan(0);
      for (const c of warnings) {
        const bounce = (await readMail(readFileSync(c.path))).bounce;
        if (bounce !== undefined) expect(bounce.temporary, c.path).toBe(true);
      }
    });
  },
);
