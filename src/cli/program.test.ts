// The CLI as CONTRACT.md specifies it: outputs, error JSON and exit statuses. Runs the program
// in-process with real streams; one test runs the built executable.

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../test/support/scenario.js';
import { runCli } from '../../test/support/cli.js';

const cli = (args: string[], stdinText = '') => runCli(args, { input: stdinText });

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('pursuit decide', () => {
  it('decides one scenario file into one JSON decision', async () => {
    const { status, out } = await cli(['decide', file('one.json', JSON.stringify(scenario()))]);
    expect(status).toBe(0);
    const decision = JSON.parse(out) as Record<string, unknown>;
    expect(decision).toMatchObject({ prospectId: 'p1', action: 'follow-up', playbookVersion: 'default@1' });
  });

  it('reads standard input for -', async () => {
    const { status, out } = await cli(['decide', '-'], JSON.stringify(scenario()));
    expect(status).toBe(0);
    expect(JSON.parse(out)).toHaveProperty('action');
  });

  it('rejects an invalid single scenario with exit 2 and error JSON naming the path', async () => {
    const bad = scenario({
      events: [
        { id: 'e1', type: 'touch', at: 'yesterday', contactId: 'c1', channel: 'call', outcome: 'voicemail' },
      ],
    });
    const { status, out, err } = await cli(['decide', '-'], JSON.stringify(bad));
    expect(status).toBe(2);
    expect(out).toBe('');
    const error = JSON.parse(err) as Record<string, string>;
    expect(error).toMatchObject({ code: 'INVALID_SCENARIO', path: 'events.0.at' });
    expect(error.message).toContain('ISO 8601');
  });

  it('rejects text that is not JSON with exit 2', async () => {
    const { status, err } = await cli(['decide', '-'], '{"now": ');
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'INVALID_SCENARIO' });
  });

  it('in --jsonl mode answers every line in order (a bad or blank one with its line number) and exits 1', async () => {
    const good = JSON.stringify(scenario());
    const lines = [good, '{not json', '', JSON.stringify({ ...scenario(), now: 'soon' }), good].join('\n');
    const { status, out } = await cli(['decide', '--jsonl'], lines);
    expect(status).toBe(1);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toHaveProperty('action');
    expect(rows[1]).toMatchObject({ line: 2, error: { code: 'INVALID_SCENARIO' } });
    expect(rows[2]).toMatchObject({ line: 3, error: { code: 'INVALID_SCENARIO' } });
    expect(rows[3]).toMatchObject({ line: 4, error: { code: 'INVALID_SCENARIO', path: 'now' } });
    expect(rows[4]).toHaveProperty('action');
  });

  it('in --jsonl mode exits 0 when every line decides', async () => {
    const good = JSON.stringify(scenario());
    const { status, out } = await cli(['decide', '--jsonl', '-'], `${good}\n${good}\n`);
    expect(status).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(2);
  });

  it('uses another playbook with --playbook, and names a bad setting in it', async () => {
    const mine = file(
      'mine.yaml',
      'extends: default\nid: ours\nversion: 7\nfollowUp:\n  hardMaximum: 6\n  minimumTouches: { reached: 5, neverReached: 6 }\n',
    );
    const { status, out } = await cli([
      'decide',
      '--playbook',
      mine,
      file('s.json', JSON.stringify(scenario())),
    ]);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ playbookVersion: 'ours@7' });

    const bad = file('bad.yaml', 'extends: default\nfollowUp:\n  hardMaximum: -1\n');
    const failed = await cli(['decide', '--playbook', bad, '-'], JSON.stringify(scenario()));
    expect(failed.status).toBe(2);
    expect(JSON.parse(failed.err)).toMatchObject({ code: 'INVALID_PLAYBOOK', path: 'followUp.hardMaximum' });
  });

  it('exits 2 naming a missing file', async () => {
    const { status, err } = await cli(['decide', join(dir, 'nope.json')]);
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'FILE_NOT_READABLE' });
    expect(err).toContain('nope.json');
  });

  it('exits 2 on an unknown option', async () => {
    const { status, err } = await cli(['decide', '--fast']);
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });

  it('prints help with --help and exits 0', async () => {
    const { status, out } = await cli(['decide', '--help']);
    expect(status).toBe(0);
    expect(out).toContain('--jsonl');
    expect(out).toContain('Exit status');
  });
});

describe('pursuit examples', () => {
  it('prints every bundled example readably', async () => {
    const { status, out } = await cli(['examples']);
    expect(status).toBe(0);
    expect(out).toContain('Why:');
    expect(out).toContain('SPEED-TO-LEAD'.toLowerCase().replace(/-/g, ' '));
    expect(out).not.toContain('undefined');
  });
});

describe('pursuit schema', () => {
  it('prints the JSON Schema of a scenario, generated from the validating definition', async () => {
    const { status, out } = await cli(['schema', 'scenario']);
    expect(status).toBe(0);
    const schema = JSON.parse(out) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['now', 'rep', 'prospect', 'contacts', 'events']);
    expect(schema.properties).toHaveProperty('prospect');
  });

  it('refuses an unknown schema name with exit 2', async () => {
    const { status, err } = await cli(['schema', 'invoice']);
    expect(status).toBe(2);
    expect(JSON.parse(err)).toMatchObject({ code: 'INVALID_ARGUMENTS' });
  });
});

describe('pursuit with no command', () => {
  it('prints help listing the commands', async () => {
    const { status, out } = await cli([]);
    expect(status).toBe(0);
    expect(out).toContain('decide');
    expect(out).toContain('examples');
  });
});

describe('the built executable', () => {
  const bin = new URL('../../dist/main.js', import.meta.url).pathname;

  it('runs decide --jsonl from standard input', () => {
    const out = execFileSync(process.execPath, [bin, 'decide', '--jsonl'], {
      input: `${JSON.stringify(scenario())}\n`,
    });
    expect(JSON.parse(out.toString())).toHaveProperty('rule');
  });

  it('exits 2 with error JSON on stderr for an invalid scenario', () => {
    const result = spawnSync(process.execPath, [bin, 'decide', '-'], { input: '{}' });
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stderr.toString())).toMatchObject({ code: 'INVALID_SCENARIO', path: 'now' });
  });

  it('serves the API with `serve` and stops cleanly on SIGTERM', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as { port: number }).port;
    probe.close();
    const env = { ...process.env, PURSUIT_DB: join(dir, 'serve.db'), PURSUIT_LOG_LEVEL: 'error' };
    const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exited = once(child, 'exit');
    while (!out.includes('Pursuit is open at')) await once(child.stdout, 'data');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  it('is the package bin', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin.pursuit).toBe('dist/main.js');
  });
});
