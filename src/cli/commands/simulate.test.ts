// `pursuit simulate` end to end in-process: a small world from a file, the table and the JSON
// report, and bad arguments and bad world files named in the error with exit status 2.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const cli = (args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'pursuit-simulate-'));
function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const small = ['--seeds', '2', '--days', '4', '--reps', '1'];

describe('pursuit simulate', () => {
  it('prints the table for a world file, every policy with its figures', async () => {
    const world = file('small.json', { extends: 'inbound', name: 'tiny', leadsPerRepPerDay: 4 });
    const { status, out, err } = await cli(['simulate', '--world', world, ...small]);
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toContain('World "tiny"');
    for (const name of [
      'engine (calibrated)',
      'engine (prior only)',
      'oldest first',
      'stop after 1',
      'never stop',
      'bound: engine knowing the truth',
    ]) {
      expect(out).toContain(name);
    }
    expect(out).toContain('revenue / rep-hour');
  });

  it('prints the report as JSON with --json', async () => {
    const { status, out } = await cli(['simulate', '--world', 'idle', ...small, '--json']);
    expect(status).toBe(0);
    const report = JSON.parse(out) as {
      world: { name: string; days: number; reps: number };
      rows: unknown[];
      seeds: number[];
    };
    expect(report.world).toMatchObject({ name: 'idle', days: 4, reps: 1 });
    expect(report.rows).toHaveLength(10);
    expect(report.seeds).toEqual([1, 2]);
  });

  it('works every policy oldest first with --order oldest', async () => {
    const { status, out } = await cli([
      'simulate',
      '--world',
      'idle',
      ...small,
      '--order',
      'oldest',
      '--json',
    ]);
    expect(status).toBe(0);
    const report = JSON.parse(out) as { order: string; rows: { policy: string }[] };
    expect(report.order).toBe('oldest');
    // The prior engine oldest first is the prior engine's row here.
    expect(report.rows.map((r) => r.policy)).not.toContain('prior-oldest-first');
    expect(report.rows).toHaveLength(9);
    const table = await cli(['simulate', '--world', 'idle', ...small, '--order', 'oldest']);
    expect(table.out).toContain('Every policy works its day oldest first');
    const bad = await cli(['simulate', '--order', 'newest', '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.err)).toMatchObject({ code: 'INVALID_ARGUMENTS', path: 'order' });
  });

  it('names a bad argument', async () => {
    const { status, err } = await cli(['simulate', '--seeds', 'ten', '--json']);
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'INVALID_ARGUMENTS', path: 'seeds' });
    const unknown = await cli(['simulate', '--world', 'mars']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toContain('world: expected one of default, inbound, enterprise, idle');
  });

  it('names the bad field of a world file', async () => {
    const bad = file('bad.json', { winRate: 2 });
    const { status, err } = await cli(['simulate', '--world', bad, ...small, '--json']);
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'INVALID_INPUT', path: 'world.winRate' });
    const broken = await cli(['simulate', '--world', file('broken.json', '{"reps": '), '--json']);
    expect(broken.status).toBe(2);
    expect(JSON.parse(broken.err)).toMatchObject({ code: 'INVALID_INPUT', path: 'world' });
    const missing = await cli(['simulate', '--world', join(dir, 'none.json'), '--json']);
    expect(JSON.parse(missing.err)).toMatchObject({ code: 'FILE_NOT_READABLE' });
  });
});
