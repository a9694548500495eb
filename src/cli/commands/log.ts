// `pursuit log call|email|meeting|response|commitment|prep|touch|deal`, `pursuit undo`, `pursuit snooze`.

import type { Decision } from '../../core/decision.js';
import { logEvent, snooze, undoLast } from '../../app/prospects/logging.js';
import type { LogInput } from '../../app/prospects/event-input.js';
import type { Logged } from '../../app/prospects/logging.js';
import { loggedView, prospectView, undoneView } from '../../app/prospects/views.js';
import { plural } from '../../core/rules/words.js';
import { EXIT } from '../exit.js';
import { formatDecision, formatWhen } from '../format.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

export type LogOptions = GlobalOptions & Omit<LogInput, 'type'>;

/** What each `log` verb means: the event type and the channel it implies. */
export const LOG_VERBS = {
  call: { type: 'touch', channel: 'call' },
  email: { type: 'touch', channel: 'email', outcome: 'sent' },
  sms: { type: 'touch', channel: 'sms', outcome: 'sent' },
  social: { type: 'touch', channel: 'social', outcome: 'sent' },
  meeting: { type: 'touch', channel: 'meeting', outcome: 'held' },
  touch: { type: 'touch' },
  response: { type: 'response' },
  commitment: { type: 'commitment' },
  prep: { type: 'prep' },
  deal: { type: 'deal' },
} as const satisfies Record<string, Partial<LogInput> & { type: LogInput['type'] }>;

/** What was logged, where and when, then the prospect's next step; `also` follows the first line. */
function summary(logged: Logged, zone: string, now: number, also = ''): string {
  const d = logged.event.data;
  const what =
    logged.event.type === 'touch'
      ? `${String(d.channel)} (${String(d.outcome)})`
      : logged.event.type === 'response'
        ? `response (${String(d.sentiment)})`
        : logged.event.type === 'commitment'
          ? `commitment (${String(d.kind)})`
          : logged.event.type;
  const next =
    logged.decision === undefined
      ? ''
      : `\n\n${formatDecision(logged.decision.decision as unknown as Decision, {
          title: `${logged.prospect.name}: next`,
          contactName: undefined,
          repZone: zone,
          now,
        })}`;
  return `${what} at ${logged.prospect.name}, ${formatWhen(logged.event.at, zone)}${also}.${next}\n`;
}

export async function logCommand(
  verb: keyof typeof LOG_VERBS,
  prospect: string,
  options: LogOptions,
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const { as: _as, json: _json, ...fields } = options;
    const input: LogInput = { ...LOG_VERBS[verb], ...fields } as LogInput;
    const logged = await logEvent(ctx, actor, prospect, input);
    if (options.json === true) printJson(io, loggedView(logged));
    else io.stdout.write(`Logged ${summary(logged, actor.timezone, ctx.now())}`);
    return EXIT.ok;
  });
}

export async function undoCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const undone = await undoLast(ctx, actor);
    const others = undone.count - 1;
    const also = others === 0 ? '' : `, and the ${plural(others, 'event')} logged with it`;
    if (options.json === true) printJson(io, undoneView(undone));
    else io.stdout.write(`Took back the ${summary(undone, actor.timezone, ctx.now(), also)}`);
    return EXIT.ok;
  });
}

export async function snoozeCommand(
  prospect: string,
  options: GlobalOptions & { until: string },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const p = await snooze(ctx, actor, prospect, options.until);
    if (options.json === true) printJson(io, prospectView(p));
    else
      io.stdout.write(`Snoozed ${p.name} until ${formatWhen(p.snoozedUntil as number, actor.timezone)}.\n`);
    return EXIT.ok;
  });
}
