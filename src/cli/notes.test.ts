// `pursuit note add|list|edit|delete` on a real SQLite file with a fixed clock: text and --json (the
// API's NoteView), a note read from standard input, newest first, a short id to name a note again,
// an empty note refused naming the field, a rep refused another's note, and notes kept by a backup.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';
import { NoteView } from '../app/prospects/views.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-notes-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };
const dana = { PURSUIT_USER: 'dana@ourco.test' };
const ada = { PURSUIT_USER: 'ada@ourco.test' };

const cli = (args: string[], who: Record<string, string>, input?: string) =>
  runCli(args, { env: { ...env, ...who }, ...(input === undefined ? {} : { input }) });

describe('the note commands', () => {
  beforeAll(async () => {
    const setup = [
      ['init', '--org', 'OurCo', '--name', 'Ada Admin', '--email', 'ada@ourco.test', '--timezone', 'UTC'],
      ['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test', '--timezone', 'UTC'],
    ];
    for (const args of setup) expect((await cli(args, ada)).status).toBe(0);
    const add = ['prospect', 'add', 'Acme', '--contact', 'Peter Lee', '--email', 'peter@acme.test'];
    expect((await cli(add, dana)).status).toBe(0);
  });

  it('adds, lists newest first, edits by a short id and deletes, in text and --json', async () => {
    const first = await cli(['note', 'add', 'acme', 'Peter golfs on Fridays.'], dana);
    expect(first.status, first.err).toBe(0);
    expect(first.out).toMatch(
      /^Added a note:\n[0-9a-f]{8} {2}.*Dana Whitfield\n {4}Peter golfs on Fridays\.\n$/,
    );
    const piped = await cli(
      ['note', 'add', 'acme', '-', '--json'],
      dana,
      'The CFO decides.\nBudget in April.\n',
    );
    expect(piped.status, piped.err).toBe(0);
    const note = JSON.parse(piped.out) as NoteView;
    expect(Compile(NoteView).Check(note)).toBe(true);
    expect(note).toMatchObject({
      body: 'The CFO decides.\nBudget in April.',
      author: { name: 'Dana Whitfield' },
    });

    const list = await cli(['note', 'list', 'acme', '--json'], dana);
    const notes = JSON.parse(list.out) as NoteView[];
    expect(Compile(Type.Array(NoteView)).Check(notes)).toBe(true);
    expect(notes.map((n) => n.body)).toEqual([
      'The CFO decides.\nBudget in April.',
      'Peter golfs on Fridays.',
    ]);
    const text = await cli(['note', 'list', 'acme'], dana);
    expect(text.out).toMatch(/The CFO decides\.\n {4}Budget in April\.\n\n.*\n {4}Peter golfs/);

    const short = note.id.slice(0, 8);
    const edited = await cli(['note', 'edit', 'acme', short, 'The CFO signs.', '--json'], dana);
    expect(edited.status, edited.err).toBe(0);
    expect(JSON.parse(edited.out)).toMatchObject({ id: note.id, body: 'The CFO signs.' });
    const deleted = await cli(['note', 'delete', 'acme', short], dana);
    expect(deleted.out).toBe(`Deleted note ${short}.\n`);
    expect(JSON.parse((await cli(['note', 'list', 'acme', '--json'], dana)).out)).toHaveLength(1);
  });

  it("refuses an empty note naming the field, an unknown note, and a rep on an admin's note", async () => {
    const empty = await cli(['note', 'add', 'acme', '  '], dana);
    expect(empty.status).toBe(2);
    expect(empty.err).toBe('pursuit: body: a note needs some text\n');
    const unknown = await cli(['note', 'delete', 'acme', 'feedbeef', '--json'], dana);
    expect(unknown.status).toBe(2);
    expect(JSON.parse(unknown.err)).toMatchObject({ code: 'NOT_FOUND', path: 'note' });
    const admins = JSON.parse(
      (await cli(['note', 'add', 'acme', 'Check the contract.', '--json'], ada)).out,
    ) as NoteView;
    const refused = await cli(['note', 'edit', 'acme', admins.id, 'mine'], dana);
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/note: only a note's author, a manager or an admin/);
    expect((await cli(['note', 'delete', 'acme', admins.id], ada)).status).toBe(0);
  });

  it('keeps notes in a backup, and a restore brings them back', async () => {
    const file = join(dir, 'notes-backup.db');
    const backup = await cli(['backup', file], ada);
    expect(backup.status, backup.err).toBe(0);
    const elsewhere = { ...ada, PURSUIT_DB: join(dir, 'restored.db') };
    const restored = await runCli(['restore', file], { env: { ...env, ...elsewhere } });
    expect(restored.status, restored.err).toBe(0);
    const list = await runCli(['note', 'list', 'acme', '--json'], { env: { ...env, ...elsewhere } });
    expect(JSON.parse((await cli(['note', 'list', 'acme', '--json'], ada)).out)).toEqual(
      JSON.parse(list.out),
    );
    expect(JSON.parse(list.out)).toHaveLength(1);
  });
});
