// `pursuit suppression list|add|lift`: the do-not-contact list, for admins.

import type { Suppression } from '../../core/records.js';
import { addSuppression, listSuppressions, removeSuppression } from '../../app/suppressions/suppressions.js';
import { suppressionView } from '../../app/suppressions/views.js';
import { EXIT } from '../exit.js';
import type { Io } from '../program.js';
import { asActor, printJson, wholeNumber } from '../session.js';
import type { GlobalOptions } from '../session.js';

const day = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');

function line(s: Suppression): string {
  const lifted = s.removedAt === null ? '' : `  lifted ${day(s.removedAt)}: ${s.removalReason ?? ''}`;
  return `${s.id}  ${s.kind.padEnd(5)} ${s.value.padEnd(32)} ${s.source.padEnd(16)} ${day(s.createdAt)}${lifted}`;
}

function print(io: Io, options: GlobalOptions, list: Suppression[], empty: string): void {
  if (options.json === true) printJson(io, list.map(suppressionView));
  else io.stdout.write(list.length === 0 ? `${empty}\n` : `${list.map(line).join('\n')}\n`);
}

export interface ListOptions extends GlobalOptions {
  search?: string;
  all?: boolean;
  limit?: string;
  offset?: string;
}

export async function suppressionListCommand(options: ListOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const limit = wholeNumber('limit', options.limit, 1);
    const offset = wholeNumber('offset', options.offset, 0);
    const list = await listSuppressions(ctx, actor, {
      ...(options.search === undefined ? {} : { search: options.search }),
      all: options.all === true,
      ...(limit === undefined ? {} : { limit }),
      ...(offset === undefined ? {} : { offset }),
    });
    print(io, options, list, 'The do-not-contact list is empty.');
    return EXIT.ok;
  });
}

export interface AddOptions extends GlobalOptions {
  email?: string;
  phone?: string;
  timezone?: string;
}

export async function suppressionAddCommand(options: AddOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const { email, phone, timezone } = options;
    const added = await addSuppression(ctx, actor, {
      ...(email === undefined ? {} : { email }),
      ...(phone === undefined ? {} : { phone }),
      ...(timezone === undefined ? {} : { timezone }),
    });
    print(io, options, added, '');
    return EXIT.ok;
  });
}

export interface LiftOptions extends GlobalOptions {
  reason?: string;
}

export async function suppressionLiftCommand(id: string, options: LiftOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const lifted = await removeSuppression(ctx, actor, id, options.reason);
    if (options.json === true) printJson(io, suppressionView(lifted));
    else io.stdout.write(`Lifted: ${line(lifted)}\n`);
    return EXIT.ok;
  });
}
