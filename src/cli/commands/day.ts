// `pursuit agenda` and `pursuit pipeline`.

import { agenda, pipeline } from '../../app/day/agenda.js';
import type { Agenda, AgendaShow, PageAsked } from '../../app/day/agenda.js';
import { PursuitError } from '../../core/errors.js';
import { agendaView, pipelineView } from '../../app/day/views.js';
import { EXIT } from '../exit.js';
import { formatDecision } from '../format.js';
import type { Io } from '../program.js';
import { asActor, printJson, wholeNumber } from '../session.js';
import type { GlobalOptions } from '../session.js';

const hours = (minutes: number) =>
  minutes < 60
    ? `${minutes} min`
    : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;

/** How many actions `pursuit agenda` prints unless told (the web app's page too). */
const AGENDA_PRINTED = 25;

export interface AgendaOptions extends GlobalOptions {
  rep?: string;
  date?: string;
  show?: string;
  offset?: string;
  limit?: string;
  all?: boolean;
}

/**
 * The page the options ask for: the whole day with --all, or as JSON unless a page is asked (what
 * scripts have always read); else a page, of 25 actions unless --limit says otherwise.
 */
function agendaPage(options: AgendaOptions): PageAsked | undefined {
  const offset = wholeNumber('offset', options.offset, 0);
  const limit = wholeNumber('limit', options.limit, 1);
  const asked = options.show !== undefined || offset !== undefined || limit !== undefined;
  if (options.all === true) {
    if (asked)
      throw new PursuitError(
        'INVALID_ARGUMENTS',
        '--all prints the whole day: leave out --show, --offset and --limit',
        'all',
      );
    return undefined;
  }
  if (options.json === true && !asked) return undefined;
  return {
    show: (options.show ?? 'all') as AgendaShow,
    offset: offset ?? 0,
    limit: limit ?? AGENDA_PRINTED,
  };
}

/** The list a page is of, in words: "actions", "overdue actions". */
const LISTS: Record<AgendaShow, string> = {
  all: 'actions',
  overdue: 'overdue actions',
  later: 'actions due later today',
  day: 'actions new on the day',
};

/** What follows the actions printed: which of how many they were, and how to ask for the rest. */
function pageEnd(day: Agenda): string[] {
  if (day.count === 0) return ['Nothing due. Pipeline: pursuit pipeline'];
  const page = day.page;
  if (page === undefined) return [];
  // The whole day's list is empty only when the day is (above).
  if (page.total === 0) return [`No ${LISTS[page.show]}.`];
  const list = `${page.total} ${LISTS[page.show]}`;
  if (day.items.length === 0) return [`Nothing from ${page.offset + 1} on: there are ${list}.`];
  if (page.offset === 0 && day.items.length === page.total) return [];
  const next = page.offset + day.items.length;
  const parts = [`${page.offset + 1}–${next} of ${list} shown`];
  if (next < page.total)
    parts.push(`for the next ${Math.min(page.limit, page.total - next)}, add --offset ${next}`);
  if (page.show === 'all') parts.push('for the whole day, --all');
  return [`${parts.join('; ')}.`];
}

export async function agendaCommand(options: AgendaOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const day = await agenda(ctx, actor, {
      ...(options.rep === undefined ? {} : { rep: options.rep }),
      ...(options.date === undefined ? {} : { date: options.date }),
      ...agendaPage(options),
    });
    if (options.json === true) {
      printJson(io, agendaView(day, ctx.now()));
      return EXIT.ok;
    }
    const overdue = day.overdue === 0 ? '' : `, ${day.overdue} overdue`;
    const actions = `${day.count} action${day.count === 1 ? '' : 's'}`;
    const out: string[] = [`Agenda for ${day.rep.name}, ${day.date}: ${actions}${overdue}.`];
    if (day.count > 0) {
      const need = `${hours(day.totalMinutes)} at the playbook's minutes per touch`;
      out.push(
        day.availableMinutes <= 0
          ? `No working time is left ${options.date === undefined || options.date === 'today' ? 'today' : 'that day'}: they would take ${need}.`
          : day.fitting === day.count
            ? `All fit in the ${hours(day.availableMinutes)} of working time left (${need}).`
            : `The first ${day.fitting} fit in the ${hours(day.availableMinutes)} of working time left (all would take ${need}).`,
      );
    }
    out.push('');
    const first = day.page?.offset ?? 0;
    // The line where working time runs out, before the first action beyond it that this page shows.
    const beyond = day.items.findIndex((item) => !item.fits);
    day.items.forEach((item, i) => {
      if (i === beyond && day.fitting < day.count && day.availableMinutes > 0)
        out.push("--- beyond today's working hours ---\n");
      out.push(
        formatDecision(item.decision, {
          title: `${first + i + 1}. ${item.prospect.name}`,
          contactName: item.contact?.name,
          repZone: day.rep.timezone,
          now: ctx.now(),
        }),
        '',
      );
    });
    out.push(...pageEnd(day));
    io.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  });
}

/** Prospects with no dated next step named by `pursuit pipeline` (all of them with --json). */
const NO_NEXT_STEP_SHOWN = 10;

export async function pipelineCommand(options: GlobalOptions & { owner?: string }, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    // The text names the first few prospects with no dated next step; --json lists them all.
    const p = await pipeline(ctx, actor, {
      ...(options.owner === undefined ? {} : { owner: options.owner }),
      ...(options.json === true ? {} : { limit: NO_NEXT_STEP_SHOWN }),
    });
    if (options.json === true) {
      printJson(io, pipelineView(p));
      return EXIT.ok;
    }
    const c = p.counts;
    const rows = [
      ['active', c.active],
      ['nurture', c.nurture],
      ['broken up (waiting 7 days)', c.brokenUp],
      ['disqualified', c.disqualified],
      ['stopped (opted out, closed out)', c.stopped],
      ['customers', c.customers],
    ] as const;
    const lines = [
      `Pipeline: ${p.total} prospects`,
      ...rows.map(([k, n]) => `  ${k.padEnd(32)} ${String(n).padStart(6)}`),
    ];
    lines.push('', `Active with no dated next step: ${p.noNextStepCount}`);
    for (const x of p.noNextStep) lines.push(`  ${x.name}`);
    const more = p.noNextStepCount - p.noNextStep.length;
    if (more > 0) lines.push(`  ... and ${more} more (--json for all)`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}
