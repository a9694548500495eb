// `pursuit agenda` and `pursuit pipeline`.

import { agenda, pipeline } from '../../app/day/agenda.js';
import { agendaView, pipelineView } from '../../app/day/views.js';
import { EXIT } from '../exit.js';
import { formatDecision } from '../format.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

const hours = (minutes: number) =>
  minutes < 60
    ? `${minutes} min`
    : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;

export async function agendaCommand(
  options: GlobalOptions & { rep?: string; date?: string },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const day = await agenda(ctx, actor, {
      ...(options.rep === undefined ? {} : { rep: options.rep }),
      ...(options.date === undefined ? {} : { date: options.date }),
    });
    if (options.json === true) {
      printJson(io, agendaView(day, ctx.now()));
      return EXIT.ok;
    }
    const out: string[] = [`Agenda for ${day.rep.name}, ${day.date}: ${day.items.length} action(s).`];
    if (day.items.length > 0) {
      const need = `${hours(day.totalMinutes)} at the playbook's minutes per touch`;
      out.push(
        day.availableMinutes <= 0
          ? `No working time is left today: they would take ${need}.`
          : day.fitting === day.items.length
            ? `All fit in the ${hours(day.availableMinutes)} of working time left (${need}).`
            : `The first ${day.fitting} fit in the ${hours(day.availableMinutes)} of working time left (all would take ${need}).`,
      );
    }
    out.push('');
    day.items.forEach((item, i) => {
      if (i === day.fitting && day.fitting < day.items.length && day.availableMinutes > 0)
        out.push("--- beyond today's working hours ---\n");
      out.push(
        formatDecision(item.decision, {
          title: `${i + 1}. ${item.prospect.name}`,
          contactName: item.contact?.name,
          repZone: day.rep.timezone,
          now: ctx.now(),
        }),
        '',
      );
    });
    if (day.items.length === 0) out.push('Nothing due. Pipeline: pursuit pipeline');
    io.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  });
}

export async function pipelineCommand(options: GlobalOptions & { owner?: string }, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const p = await pipeline(ctx, actor, options.owner === undefined ? {} : { owner: options.owner });
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
    lines.push('', `Active with no dated next step: ${p.noNextStep.length}`);
    for (const x of p.noNextStep.slice(0, 10)) lines.push(`  ${x.name}`);
    if (p.noNextStep.length > 10) lines.push(`  ... and ${p.noNextStep.length - 10} more (--json for all)`);
    io.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}
