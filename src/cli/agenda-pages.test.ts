// `pursuit agenda` a page at a time, in-process on a real SQLite file with the demo team (Dana has
// 37 actions at the fixed clock): 25 first and how to see the rest, the next page numbered on, one
// list of the day, the whole day with --all and as JSON, and the mistakes people type.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'pursuit-cli-agenda-'));
const env = {
  PURSUIT_DB: join(dir, 'pursuit.db'),
  PURSUIT_NOW: '2026-03-10T15:00:00Z',
  PURSUIT_USER: 'dana@northwind.test',
};
const agenda = (...args: string[]) => runCli(['agenda', ...args], { env });

/** The titles printed ("26. Keystone Biotech · Jack Wagner"), in order. */
const titles = (out: string) => out.split('\n').filter((line) => /^\d+\. /.test(line));

interface Day {
  count: number;
  overdue: number;
  items: { prospect: { name: string } }[];
  page?: { show: string; offset: number; limit: number; total: number };
}

describe('pursuit agenda, a page at a time', () => {
  let day: Day;
  beforeAll(async () => {
    const demo = await runCli(['demo', '--json'], { env });
    expect(demo.status).toBe(0);
    day = JSON.parse((await agenda('--json')).out) as Day;
  }, 60_000);

  it('prints the first 25 with how many there are and how to see the rest', async () => {
    // The demo gives Dana more than a page today: the test needs it to.
    expect(day.count).toBeGreaterThan(25);
    expect(day.items).toHaveLength(day.count);
    expect(day.page).toBeUndefined();
    const first = await agenda();
    expect(first.status).toBe(0);
    expect(first.out).toContain(
      `Agenda for Dana Whitfield, 2026-03-10: ${day.count} actions, ${day.overdue} overdue.`,
    );
    expect(titles(first.out)).toEqual(
      day.items
        .slice(0, 25)
        .map((item, i) => expect.stringMatching(new RegExp(`^${i + 1}\\. ${escape(item.prospect.name)}`))),
    );
    expect(first.out.trimEnd().split('\n').at(-1)).toBe(
      `1–25 of ${day.count} actions shown; for the next ${day.count - 25}, add --offset 25; for the whole day, --all.`,
    );
  });

  it('numbers the next page on from where the first ended, and says when the list is done', async () => {
    const next = await agenda('--offset', '25');
    expect(titles(next.out).map((t) => t.split('. ')[0])).toEqual(
      day.items.slice(25).map((_, i) => String(26 + i)),
    );
    expect(next.out.trimEnd().split('\n').at(-1)).toBe(
      `26–${day.count} of ${day.count} actions shown; for the whole day, --all.`,
    );
    const past = await agenda('--offset', '500');
    expect(past.status).toBe(0);
    expect(titles(past.out)).toEqual([]);
    expect(past.out).toContain(`Nothing from 501 on: there are ${day.count} actions.`);
  });

  it('prints one list of the day, and the whole day with --all', async () => {
    const overdue = await agenda('--show', 'overdue', '--limit', '5');
    expect(titles(overdue.out)).toHaveLength(5);
    expect(overdue.out).toContain(
      `1–5 of ${day.overdue} overdue actions shown; for the next 5, add --offset 5.`,
    );
    const all = await agenda('--all');
    expect(titles(all.out)).toHaveLength(day.count);
    expect(all.out).not.toContain('shown;');
    // Tomorrow's own actions: due on it, not before it (those are today's too).
    const added = JSON.parse((await agenda('--date', 'tomorrow', '--show', 'day', '--json')).out) as Day;
    const printed = await agenda('--date', 'tomorrow', '--show', 'day', '--limit', '500');
    expect(titles(printed.out)).toHaveLength(added.page?.total ?? -1);
  });

  it('says of a day gone by that no working time is left that day, not today', async () => {
    const past = await agenda('--date', '2026-03-02', '--limit', '1');
    expect(past.out).toMatch(/^No working time is left that day: they would take /m);
    expect(past.out).not.toContain('today');
  });

  it('reads a page as JSON when one is asked for', async () => {
    const page = JSON.parse((await agenda('--json', '--offset', '3', '--limit', '2')).out) as Day;
    expect(page.page).toEqual({ show: 'all', offset: 3, limit: 2, total: day.count });
    expect(page.items.map((i) => i.prospect.name)).toEqual(day.items.slice(3, 5).map((i) => i.prospect.name));
    expect(page.count).toBe(day.count);
  });

  it.each([
    [['--limit', '0'], 'limit: expected a whole number of 1 or more, got "0"'],
    [['--limit', 'ten'], 'limit: expected a whole number of 1 or more, got "ten"'],
    [['--limit', '501'], 'limit: expected 1 to 500 actions a page'],
    [['--offset', '-1'], 'offset: expected a whole number of 0 or more, got "-1"'],
    [['--offset', '2.5'], 'offset: expected a whole number of 0 or more, got "2.5"'],
    [['--show', 'soon'], 'show: expected show to be one of all, overdue, later, day'],
    [['--date', '2026-02-30'], 'date: expected a date like 2026-03-17, today or tomorrow, got "2026-02-30"'],
    [['--all', '--limit', '5'], 'all: --all prints the whole day: leave out --show, --offset and --limit'],
  ])('refuses %j and says what was wrong', async (args, message) => {
    const refused = await agenda(...args);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain(message);
    expect(refused.out).toBe('');
  });
});

/** A name as a regular expression matches it ("Novak & Ito LLP", "Zenvia Corp."). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
