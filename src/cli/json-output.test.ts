// The command line's --json speaks as the API does: each command prints the same view (the same
// schema, checked here), with instants as ISO 8601 and no internal fields, never epoch milliseconds.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Type from 'typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { OrganisationView, UserView } from '../app/accounts/views.js';
import { AgendaView, PipelineView } from '../app/day/views.js';
import { PlaybookChange, PlaybookView } from '../app/decisions/views.js';
import {
  ContactView,
  LoggedView,
  UndoneView,
  ProspectListItem,
  ProspectPage,
  ProspectView,
} from '../app/prospects/views.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-json-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const ada = { PURSUIT_USER: 'ada@ourco.test' };
const dana = { PURSUIT_USER: 'dana@ourco.test' };

async function json(args: string[], who: Record<string, string>, schema: TSchema): Promise<unknown> {
  const { status, out, err } = await runCli([...args, '--json'], { env: { ...env, ...who } });
  expect(status, err).toBe(0);
  const value: unknown = JSON.parse(out);
  const checker = Compile(schema);
  const problem = [...checker.Errors(value)][0];
  expect(problem === undefined ? 'ok' : `${problem.instancePath}: ${problem.message}`, args.join(' ')).toBe(
    'ok',
  );
  return value;
}

/** Every number anywhere in the value whose field names an instant (…At, due, until, now). */
function epochInstants(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => epochInstants(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    /At$|^due$|^until$|^now$/.test(k) && typeof v === 'number'
      ? [`${path}.${k}`]
      : epochInstants(v, `${path}.${k}`),
  );
}

describe('--json', () => {
  beforeAll(async () => {
    const init = await runCli(
      [
        'init',
        '--org',
        'OurCo',
        '--name',
        'Ada Admin',
        '--email',
        'ada@ourco.test',
        '--timezone',
        'America/Denver',
        '--json',
      ],
      { env },
    );
    expect(init.status, init.err).toBe(0);
    const value = JSON.parse(init.out) as { organisation: unknown; admin: unknown };
    expect(Compile(OrganisationView).Check(value.organisation)).toBe(true);
    expect(Compile(UserView).Check(value.admin)).toBe(true);
    await json(['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test'], ada, UserView);
    await json(
      [
        'prospect',
        'add',
        'Acme Corp',
        '--contact',
        'Peter Lee',
        '--phone',
        '+1 555 0100',
        '--email',
        'peter@acme.test',
      ],
      dana,
      ProspectPage,
    );
  });

  it('prints the views of the API, with ISO 8601 instants', async () => {
    const outputs = [
      await json(['prospect', 'list'], dana, Type.Array(ProspectListItem)),
      await json(['prospect', 'show', 'acme'], dana, ProspectPage),
      await json(['prospect', 'edit', 'acme', '--deal-value', '30000'], dana, ProspectPage),
      await json(['contact', 'add', 'acme', 'Ann Other', '--email', 'ann@acme.test'], dana, ContactView),
      await json(['contact', 'edit', 'acme', 'ann', '--role', 'stakeholder'], dana, ContactView),
      await json(['log', 'call', 'acme', '--outcome', 'voicemail'], dana, LoggedView),
      await json(['undo'], dana, UndoneView),
      await json(['snooze', 'acme', '--until', '2026-03-12'], dana, ProspectView),
      await json(['agenda'], dana, AgendaView),
      await json(['pipeline'], dana, PipelineView),
      await json(['user', 'list'], ada, Type.Array(UserView)),
      await json(['playbook', 'show'], ada, PlaybookView),
    ];
    for (const value of outputs) expect(epochInstants(value)).toEqual([]);
    const [list] = outputs as [{ createdAt: string }[]];
    expect(list[0]?.createdAt).toBe('2026-03-10T15:00:00.000Z');
  });

  it('prints a playbook put in force as the API answers it', async () => {
    const file = join(dir, 'playbook.json');
    writeFileSync(file, '{"extends": "default", "name": "ours"}');
    const used = (await json(['playbook', 'use', file], ada, PlaybookChange)) as {
      version: number;
      changed: number;
    };
    expect(used.version).toBe(2);
  });
});
