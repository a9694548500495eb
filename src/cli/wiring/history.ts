// The commands that log what happened, take it back, snooze, or keep notes (commander wiring only).

import type { Command } from 'commander';
import type { LogOptions } from '../commands/log.js';
import type { Io } from '../program.js';
import type { GlobalOptions } from '../session.js';
import { common } from './common.js';
import type { Done } from './common.js';

// Loaded when a command runs (see program.ts).
const logModule = () => import('../commands/log.js');
const notesModule = () => import('../commands/notes.js');

export function historyCommands(program: Command, io: Io, done: Done): void {
  const log = program
    .command('log')
    .description('log what happened: pursuit log call acme --outcome voicemail')
    .addHelpText(
      'after',
      '\nEvery log re-decides the prospect and prints the next action. Take one back with pursuit undo.',
    );
  const touchOptions = (c: Command) =>
    c
      .option(
        '--outcome <outcome>',
        'call: connected|voicemail|no-answer; email/sms/social: sent|bounced; meeting: held|no-show',
      )
      .option('--purpose <purpose>', 'what it was for (default: the action Pursuit proposed, else follow-up)')
      .option('--duration <minutes>', 'how long it took')
      .option('--objective <text>', 'a conversation: its objective')
      .option('--agenda-shared', 'a conversation: the agenda was shared with them')
      .option(
        '--powns <list>',
        'a conversation: their problems, opportunities, wants, needs (separate with ;)',
      )
      .option('--objections <list>', 'a conversation: objections raised (separate with ;)')
      .option('--info-tailored', 'information sent was tied to what they said');
  const logOptions = (c: Command) =>
    common(c)
      .argument('<prospect>', 'name (or part of it) or id')
      .option('--contact <name>', 'who (default: the contact Pursuit proposed, else the primary)')
      .option('--at <time>', 'when it happened (default: now); e.g. "2026-03-10 14:30", -2h');
  const touchVerbs = {
    call: 'log a call (outcome: connected, voicemail or no-answer)',
    email: 'log an email you sent',
    sms: 'log a text message you sent',
    social: 'log a social message (LinkedIn and the like) you sent',
    meeting: 'log a meeting (outcome: held or no-show)',
  } as const;
  for (const [verb, description] of Object.entries(touchVerbs) as [keyof typeof touchVerbs, string][]) {
    touchOptions(logOptions(log.command(verb).description(description))).action(
      async (p: string, o: LogOptions) => done(await (await logModule()).logCommand(verb, p, o, io)),
    );
  }
  touchOptions(logOptions(log.command('touch').description('log any outbound touch')))
    .option('--channel <channel>', 'call, email, sms, social or meeting')
    .action(async (p: string, o: LogOptions) =>
      done(await (await logModule()).logCommand('touch', p, o, io)),
    );
  logOptions(log.command('response').description('log their response'))
    .requiredOption(
      '--sentiment <kind>',
      'positive|neutral|objection|referral|not-now|not-interested|out-of-office|unsubscribe',
    )
    .option('--channel <channel>', 'how it came (default: email)')
    .option('--until <date>', 'out-of-office: back on; not-now: talk after')
    .option('--referred <contact>', 'referral: the contact they pointed you to')
    .action(async (p: string, o: LogOptions) =>
      done(await (await logModule()).logCommand('response', p, o, io)),
    );
  logOptions(log.command('commitment').description('log a dated next step'))
    .option('--kind <kind>', 'call, meeting, reply-by, other or cancelled', 'call')
    .option('--due <time>', 'when: "2026-03-17 10:00" (their time zone), or a date for reply-by')
    .option('--by <who>', 'who committed: prospect, rep or both', 'both')
    .option('--description <text>', 'what was agreed')
    .option('--replaces <id>', 'the commitment it reschedules or cancels (default for cancelled: latest)')
    .action(async (p: string, o: LogOptions) =>
      done(await (await logModule()).logCommand('commitment', p, o, io)),
    );
  logOptions(log.command('prep').description('log the preparation for a committed call'))
    .option('--commitment <id>', 'the commitment (default: the latest call or meeting)')
    .option('--objective <text>', 'the objective of the call')
    .option('--agenda <list>', 'the agenda (separate with ;)')
    .action(async (p: string, o: LogOptions) => done(await (await logModule()).logCommand('prep', p, o, io)));
  logOptions(log.command('deal').description('log a won or lost deal'))
    .requiredOption('--result <result>', 'won or lost')
    .action(async (p: string, o: LogOptions) => done(await (await logModule()).logCommand('deal', p, o, io)));

  common(program.command('undo').description('take back the last event you logged')).action(
    async (o: GlobalOptions) => done(await (await logModule()).undoCommand(o, io)),
  );
  common(
    program
      .command('snooze')
      .description('keep a prospect off your agenda until a date')
      .argument('<prospect>', 'name (or part of it) or id')
      .requiredOption('--until <date>', 'e.g. 2026-03-20, tomorrow, +3d'),
  ).action(async (p: string, o: GlobalOptions & { until: string }) =>
    done(await (await logModule()).snoozeCommand(p, o, io)),
  );
  noteCommands(program, io, done);
}

/** Free-text notes on a prospect: not events, they change no decision. */
function noteCommands(program: Command, io: Io, done: Done): void {
  const note = program
    .command('note')
    .description("notes on a prospect: pursuit note add acme 'The CFO decides.'")
    .addHelpText('after', '\nNotes are for people: they never change what Pursuit decides.');
  const prospect = (c: Command) => common(c).argument('<prospect>', 'name (or part of it) or id');
  prospect(note.command('add').description('add a note'))
    .argument('<text>', 'the note, or - to read it from standard input')
    .action(async (p: string, text: string, o: GlobalOptions) =>
      done(await (await notesModule()).noteAddCommand(p, text, o, io)),
    );
  prospect(note.command('list').description("the prospect's notes, newest first")).action(
    async (p: string, o: GlobalOptions) => done(await (await notesModule()).noteListCommand(p, o, io)),
  );
  prospect(note.command('edit').description("change a note's text (yours; a manager or admin: any)"))
    .argument('<note>', 'its id, or the start of it that note list shows')
    .argument('<text>', 'the new text, or - to read it from standard input')
    .action(async (p: string, n: string, text: string, o: GlobalOptions) =>
      done(await (await notesModule()).noteEditCommand(p, n, text, o, io)),
    );
  prospect(note.command('delete').description('delete a note (yours; a manager or admin: any)'))
    .argument('<note>', 'its id, or the start of it that note list shows')
    .action(async (p: string, n: string, o: GlobalOptions) =>
      done(await (await notesModule()).noteDeleteCommand(p, n, o, io)),
    );
}
