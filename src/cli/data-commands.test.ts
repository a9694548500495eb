// The data commands as a person uses them (the README's walk-through), on a real SQLite file with a
// fixed clock: set up, add, log, read the agenda, invite, undo, and the errors people make.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-data-'));
const env = { PURSUIT_DB: join(dir, 'pursuit.db'), PURSUIT_NOW: '2026-03-10T15:00:00Z' };

const cli = (args: string[], extraEnv: Record<string, string> = {}, input = '') =>
  runCli(args, { env: { ...env, ...extraEnv }, input });

const dana = { PURSUIT_USER: 'dana@ourco.test' };

describe('the data commands', () => {
  it("sets passwords for the web app: your own, and anyone's for an admin only", async () => {
    const own = await cli(['user', 'password'], dana, 'a-long-secret-1\n');
    expect(own.status).toBe(0);
    expect(own.out).toMatch(/^Set the password of Dana Whitfield <dana@ourco.test>/);
    const short = await cli(['user', 'password'], dana, 'short\n');
    expect(short.status).toBe(2);
    expect(short.err).toMatch(/password: expected a password of at least 10 characters/);
    const notHers = await cli(['user', 'password', 'Ada Admin'], dana, 'a-long-secret-2\n');
    expect(notHers.status).toBe(2);
    expect(notHers.err).toMatch(/only an admin/);
    const byAdmin = await cli(
      ['user', 'password', 'dana'],
      { PURSUIT_USER: 'ada@ourco.test' },
      'a-long-secret-3\n',
    );
    expect(byAdmin.status).toBe(0);
  });

  beforeAll(async () => {
    const init = await cli([
      'init',
      '--org',
      'OurCo',
      '--name',
      'Ada Admin',
      '--email',
      'ada@ourco.test',
      '--timezone',
      'America/Denver',
    ]);
    expect(init.status).toBe(0);
    const user = await cli(
      ['user', 'add', 'Dana Whitfield', '--email', 'dana@ourco.test', '--phone', '+1 555 0199'],
      {
        PURSUIT_USER: 'ada@ourco.test',
      },
    );
    expect(user.status).toBe(0);
  });

  it('adds a prospect and shows its first decision with the reason and a draft', async () => {
    const { status, out } = await cli(
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
        '--timezone',
        'America/New_York',
        '--deal-value',
        '24000',
      ],
      dana,
    );
    expect(status).toBe(0);
    expect(out).toContain('Added Acme Corp.');
    expect(out).toContain('FOLLOW-UP by call');
    expect(out).toContain('Why:');
    expect(out).toContain('Voicemail: "Hi Peter');
  });

  it('logs a call quickly and prints the next action', async () => {
    const { status, out } = await cli(['log', 'call', 'acme', '--outcome', 'voicemail'], dana);
    expect(status).toBe(0);
    expect(out).toContain('Logged call (voicemail) at Acme Corp');
    expect(out).toContain('touch 2');
  });

  it('suggests a close name for a typo, and exits 2', async () => {
    const { status, err } = await cli(['log', 'call', 'acmee', '--outcome', 'voicemail'], dana);
    expect(status).toBe(2);
    expect(err).toBe('pursuit: prospect: no prospect called "acmee"; did you mean "Acme Corp"?\n');
  });

  it('names a bad value and writes nothing', async () => {
    const { status, err } = await cli(['log', 'call', 'acme', '--outcome', 'sent'], dana);
    expect(status).toBe(2);
    expect(err).toContain('outcome: expected one of connected, voicemail, no-answer');
    const json = await cli(['log', 'call', 'acme', '--outcome', 'sent', '--json'], dana);
    expect(JSON.parse(json.err)).toMatchObject({ code: 'INVALID_INPUT', path: 'outcome' });
    const show = await cli(['prospect', 'show', 'acme', '--json'], dana);
    expect((JSON.parse(show.out) as { events: unknown[] }).events).toHaveLength(1);
  });

  it('logs a meeting and a commitment, then writes the invite for both calendars', async () => {
    expect(
      (
        await cli(
          [
            'log',
            'meeting',
            'acme',
            '--at',
            '2026-03-10 08:30',
            '--objective',
            'scope',
            '--agenda-shared',
            '--powns',
            'onboarding is slow',
          ],
          dana,
        )
      ).status,
    ).toBe(0);
    const committed = await cli(
      [
        'log',
        'commitment',
        'acme',
        '--kind',
        'call',
        '--due',
        '2026-03-17 12:00',
        '--description',
        'review the proposal',
      ],
      dana,
    );
    expect(committed.status).toBe(0);
    expect(committed.out).toContain('WAIT');
    const ics = await cli(['ics', 'acme'], dana);
    expect(ics.status).toBe(0);
    expect(ics.out).toContain('BEGIN:VEVENT');
    expect(ics.out).toContain('DTSTART:20260317T160000Z');
    expect(ics.out).toContain('mailto:peter@acme.test');
    expect(ics.out).toContain('mailto:dana@ourco.test');
    const file = join(dir, 'call.ics');
    expect((await cli(['ics', 'acme', '--out', file], dana)).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('SUMMARY:Acme Corp / OurCo: review the proposal');
    const folder = mkdtempSync(join(dir, 'invites-'));
    const into = await cli(['ics', 'acme', '--out', folder], dana);
    expect(into.status).toBe(0);
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^acme-corp.*\.ics$/i)]);
    const nowhere = await cli(['ics', 'acme', '--out', join(dir, 'no', 'such', 'call.ics')], dana);
    expect(nowhere.status).toBe(2);
    expect(nowhere.err).toMatch(/cannot write ".*call\.ics": no such folder/);
  });

  it('takes back the last event with undo', async () => {
    const { status, out } = await cli(['undo'], dana);
    expect(status).toBe(0);
    expect(out).toContain('Took back the commitment (call)');
    // The voicemail came after the meeting: without the commitment, follow up, and see why they went quiet.
    expect(out).toContain('FOLLOW-UP by call');
    expect(out).toContain('Diagnosis: no commitment from them at the end of the last conversation');
  });

  it("prints a rep's agenda with how much fits, and the pipeline", async () => {
    await cli(
      [
        'prospect',
        'add',
        'Globex',
        '--contact',
        'Hank Scorpio',
        '--phone',
        '+1 555 0111',
        '--source',
        'inbound',
      ],
      dana,
    );
    const agenda = await cli(['agenda'], dana);
    expect(agenda.status).toBe(0);
    expect(agenda.out).toMatch(/Agenda for Dana Whitfield, 2026-03-10: \d+ action/);
    expect(agenda.out).toMatch(/fit in the \d+ h( \d+ min)? of working time left/);
    expect(agenda.out).toContain('1. Globex');
    expect(agenda.out).toContain('speed-to-lead');
    // Acme's next step is due by tomorrow.
    expect((await cli(['agenda', '--date', 'tomorrow'], dana)).out).toContain('Acme Corp');
    // After working hours, nothing is said to fit in no time at all.
    const late = await cli(['agenda'], { ...dana, PURSUIT_NOW: '2026-03-11T04:00:00Z' });
    expect(late.out).toMatch(/No working time is left today: they would take \d+ (h|min)/);
    expect(late.out).not.toContain('beyond today');
    const json = JSON.parse((await cli(['agenda', '--json'], dana)).out) as { items: unknown[] };
    expect(json.items.length).toBeGreaterThan(0);
    const pipeline = await cli(['pipeline'], dana);
    expect(pipeline.out).toContain('Pipeline: 2 prospects');
  });

  it('puts a new playbook in force (admins only) and re-decides everyone', async () => {
    const file = join(dir, 'ours.yaml');
    writeFileSync(
      file,
      'extends: default\nid: ours\nversion: 2\nname: Ours\nfollowUp:\n  hardMaximum: 9\n  minimumTouches: { reached: 4, neverReached: 6 }\n',
    );
    expect((await cli(['playbook', 'use', file], dana)).status).toBe(2);
    const used = await cli(['playbook', 'use', file], { PURSUIT_USER: 'ada@ourco.test' });
    expect(used.status).toBe(0);
    expect(used.out).toContain('Playbook version 2 (Ours) is in force');
    const show = await cli(['prospect', 'show', 'globex', '--json'], dana);
    expect(JSON.parse(show.out)).toMatchObject({ decision: { playbookVersion: 'ours@2' } });
  });

  it('lists prospects a number at a time, refuses a count that is not one, and says when none match', async () => {
    for (const typed of ['abc', '0', '-1', '2.5', ''])
      expect(await cli(['prospect', 'list', '--limit', typed], dana)).toMatchObject({
        status: 2,
        out: '',
        err: `pursuit: limit: expected a whole number of 1 or more, got ${JSON.stringify(typed)}\n`,
      });
    expect((await cli(['prospect', 'list', '--search', 'no such name'], dana)).out).toBe(
      'No prospects match.\n',
    );
  });

  it('reads every count typed as an option alike, and names the option it refuses', async () => {
    const empty = { PURSUIT_DB: join(dir, 'never-made.db') };
    for (const [args, said] of [
      [['demo', '--prospects', 'abc'], 'prospects: expected a whole number from 1 to 10000, got "abc"'],
      [['demo', '--prospects', '20000'], 'prospects: expected a whole number from 1 to 10000, got "20000"'],
      [['demo', '--seed', '-1'], 'seed: expected a whole number from 0 to 4294967295, got "-1"'],
      [['serve', '--port', 'http'], 'port: expected a whole number from 1 to 65535, got "http"'],
      [['simulate', '--days', '2000'], 'days: expected a whole number from 1 to 1000, got "2000"'],
      [['simulate', '--reps', '1e3'], 'reps: expected a whole number from 1 to 10000, got "1e3"'],
    ] as const)
      expect(await cli([...args], empty)).toMatchObject({ status: 2, err: `pursuit: ${said}\n` });
    // Refused before a database was opened: none was made.
    expect(existsSync(empty.PURSUIT_DB)).toBe(false);
  });

  it('asks who is acting when there are several users', async () => {
    const { status, err } = await cli(['agenda']);
    expect(status).toBe(2);
    expect(err).toContain('--as');
  });

  it('refuses a second init', async () => {
    const { status, err } = await cli(['init', '--org', 'X', '--name', 'Y', '--email', 'y@x.test']);
    expect(status).toBe(2);
    expect(err).toContain('already has an organisation');
  });
});
