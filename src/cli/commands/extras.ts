// `pursuit ics` (a calendar invite for a committed call) and `pursuit playbook show|use`.

import { inviteFor } from '../../app/prospects/invite.js';
import { activePlaybook, usePlaybook } from '../../app/decisions/playbook.js';
import { playbookView } from '../../app/decisions/views.js';
import { EXIT } from '../exit.js';
import { readTextFile, writeTextFile } from '../io.js';
import type { Io } from '../program.js';
import { asActor, printJson } from '../session.js';
import type { GlobalOptions } from '../session.js';

export async function icsCommand(
  typed: string,
  options: GlobalOptions & { out?: string },
  io: Io,
): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const invite = await inviteFor(ctx, actor, typed);
    if (options.out === undefined) io.stdout.write(invite.text);
    else {
      const path = writeTextFile(options.out, invite.filename, invite.text, 'out');
      if (options.json === true) printJson(io, { path, commitment: invite.commitment.id });
      else
        io.stdout.write(
          `Wrote ${path}: open it, or attach it to your email, so the call is in both calendars.\n`,
        );
    }
    return EXIT.ok;
  });
}

export async function playbookShowCommand(options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const active = await activePlaybook(ctx, actor);
    if (options.json === true) printJson(io, playbookView(active));
    else
      io.stdout.write(
        `# version ${active.version} of this organisation's playbook: ${active.name}\n${active.document}`,
      );
    return EXIT.ok;
  });
}

export async function playbookUseCommand(file: string, options: GlobalOptions, io: Io): Promise<number> {
  return asActor(io, options, async ({ ctx }, actor) => {
    const { version, changed } = await usePlaybook(ctx, actor, readTextFile(file, 'playbook'));
    if (options.json === true) printJson(io, { ...playbookView(version), changed });
    else {
      io.stdout.write(
        `Playbook version ${version.version} (${version.name}) is in force; ${changed === 1 ? '1 prospect now has' : `${changed} prospects now have`} a different next action.\n`,
      );
    }
    return EXIT.ok;
  });
}
