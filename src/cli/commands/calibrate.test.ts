// `pursuit calibrate` as an admin and a rep use it, in-process on a real SQLite file with the demo
// team (300 prospects, enough history to calibrate) and a fixed clock: the curve against the prior,
// the held-out check, what exploration costs, a dry run that keeps nothing, and a rep refused.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import type { Exploring } from '../../app/model/calibrate.js';
import { explorationCost } from './calibrate.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-calibrate-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const as = (user: string, args: string[]) =>
  runCli(['calibrate', ...args], { env: { ...env, PURSUIT_USER: user } });

describe('pursuit calibrate', () => {
  beforeAll(async () => {
    const demo = await runCli(['demo', '--json'], { env });
    expect(demo.status).toBe(0);
  }, 60_000);

  it('shows what a calibration would do and keeps nothing on a dry run; a rep may only look', async () => {
    const preview = await as('dana@northwind.test', ['--dry-run']);
    expect(preview.err).toBe('');
    expect(preview.status).toBe(0);
    expect(preview.out).toContain(
      'Response to the next touch, by attempt (90% interval), against the prior:',
    );
    expect(preview.out).toMatch(/Held-out check on [\d,]+ touches of a fifth of the prospects: log loss/);
    expect(preview.out).toContain('Calibration by decile (predicted, observed, touches):');
    expect(preview.out).toMatch(/Dry run: calibrated@1 would change \d+ decision\(s\); nothing was kept\./);
    expect(preview.out).toContain(
      'Exploration (playbook model.exploration): 5.0% of prospects are followed on to the hard maximum',
    );
    const refused = await as('dana@northwind.test', []);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('only an admin can put a calibrated model in force (try --dry-run)');
  }, 60_000);

  it('puts the model in force for an admin, as a new version each time', async () => {
    const first = await as('avery@northwind.test', []);
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/Model calibrated@1 is in force; \d+ decision\(s\) changed\./);
    const json = await as('avery@northwind.test', ['--json']);
    const result = JSON.parse(json.out) as { version: number; applied: boolean; exploring: Exploring };
    expect(result).toMatchObject({ version: 2, applied: true });
    expect(result.exploring.share).toBe(0.05);
  }, 60_000);
});

describe('what exploration costs, in words', () => {
  const e = (over: Partial<Exploring>): Exploring => ({
    share: 0.05,
    prospects: 3,
    shortfall: 41.5,
    minutes: 14,
    ...over,
  });

  it('names the prospects kept, their minutes and what they cost beyond what they earn', () => {
    expect(explorationCost(e({}), true)).toBe(
      "Exploration (playbook model.exploration): 5.0% of prospects are followed on to the hard maximum. Today it keeps 3 prospect(s) the model alone would break up with: their next touches take 14 minutes of the reps' time and cost $41.50 more than they are expected to earn. That is the price of learning the late curve.",
    );
    expect(explorationCost(e({}), false)).toContain('Today it would keep 3 prospect(s)');
    expect(explorationCost(e({ prospects: 0 }), true)).toContain(
      'today none of them is past the point where the model would stop',
    );
    expect(explorationCost(e({ share: 0 }), true)).toContain('0.0% of prospects');
    expect(explorationCost(e({ share: 0 }), true)).toContain('late touches are no longer observed');
  });
});
