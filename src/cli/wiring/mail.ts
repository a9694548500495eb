// The email channel's commands: mailbox, send, outbox, mail sync, reply (commander wiring only).

import type { Command } from 'commander';
import type { MailboxAddOptions, SendOptions } from '../commands/mail.js';
import type { Io } from '../program.js';
import type { GlobalOptions } from '../session.js';
import { common } from './common.js';
import type { Done } from './common.js';

// Loaded when a command runs (see program.ts).
const mailModule = () => import('../commands/mail.js');

export function mailCommands(program: Command, io: Io, done: Done): void {
  const mailbox = program
    .command('mailbox')
    .description('your mailbox: Pursuit sends from it and reads the replies (needs PURSUIT_SECRET_KEY)');
  common(
    mailbox
      .command('add')
      .description('connect your mailbox (both servers are tried first); the password is typed, or piped')
      .requiredOption('--address <email>', 'the address you send from')
      .option('--name <name>', 'the name on your emails (default: yours)')
      .option('--provider <provider>', 'gmail, microsoft or other (default: from the address)')
      .option('--smtp <host:port>', "the server to send through (default: the provider's)")
      .option('--smtp-security <tls|starttls|none>', 'tls for port 465, starttls for 587')
      .option('--imap <host:port>', "the server to read from (default: the provider's)")
      .option('--imap-security <tls|starttls|none>', 'tls for port 993')
      .option('--username <user>', 'the sign-in name (default: the address)')
      .option(
        '--oauth <file>',
        'OAuth2 instead of a password: a JSON file {clientId, clientSecret, refreshToken, tokenUrl}',
      )
      .option('--no-file-sent', "don't file a copy of what Pursuit sends in Sent")
      .addHelpText(
        'after',
        '\nGmail and Microsoft 365: an app password, or OAuth2 (Pursuit refreshes the access token itself).\nExample: pursuit mailbox add --address dana@ourco.com --smtp smtp.ourco.com:587 --smtp-security starttls --imap imap.ourco.com:993',
      ),
  ).action(async (o: MailboxAddOptions) => done(await (await mailModule()).mailboxAddCommand(o, io)));
  common(mailbox.command('test').description('try your mailbox again')).action(async (o: GlobalOptions) =>
    done(await (await mailModule()).mailboxTestCommand(o, io)),
  );
  common(mailbox.command('list').description("your mailbox (an admin: everyone's)")).action(
    async (o: GlobalOptions) => done(await (await mailModule()).mailboxListCommand(o, io)),
  );
  common(
    mailbox
      .command('remove')
      .description("disconnect your mailbox (an admin: anyone's); what it logged stays")
      .argument('[user]', "whose (an admin's choice; default: yours)"),
  ).action(async (user: string | undefined, o: GlobalOptions) =>
    done(await (await mailModule()).mailboxRemoveCommand(user, o, io)),
  );

  common(
    program
      .command('send')
      .description("send the prospect's next email (the agenda's) from your mailbox, as drafted or edited")
      .argument('<prospect>', 'name (or part of it) or id')
      .option('--subject <text>', 'your own subject')
      .option('--body <text>', 'your own words')
      .option('--body-file <file>', 'your own words, from a file')
      .option('--later', "inside the contact's business hours (sent by pursuit serve or pursuit mail sync)"),
  ).action(async (p: string, o: SendOptions) => done(await (await mailModule()).sendCommand(p, o, io)));

  const outbox = program.command('outbox').description('emails on their way, waiting for you, and sent');
  common(outbox.command('list', { isDefault: true }).description('the outbox, newest first')).action(
    async (o: GlobalOptions) => done(await (await mailModule()).outboxListCommand(o, io)),
  );
  common(
    outbox
      .command('cancel')
      .description('stop an email that has not gone')
      .argument('<email>', 'its id (the first characters are enough)'),
  ).action(async (id: string, o: GlobalOptions) =>
    done(await (await mailModule()).outboxCancelCommand(id, o, io)),
  );
  common(
    outbox
      .command('settle')
      .description('say whether an email whose sending was cut off went (look in your Sent folder)')
      .argument('<email>', 'its id (the first characters are enough)')
      .option('--went', 'it is in Sent: log it')
      .option('--not-sent', 'it is not: send it now'),
  ).action(async (id: string, o: GlobalOptions & { went?: boolean; notSent?: boolean }) =>
    done(await (await mailModule()).outboxSettleCommand(id, o, io)),
  );

  common(
    program
      .command('mail')
      .description('the email channel by hand')
      .command('sync')
      .description(
        'send what is due and read new mail, once, for every mailbox (for cron; pursuit serve does it all day)',
      ),
  ).action(async (o: GlobalOptions) => done(await (await mailModule()).mailSyncCommand(o, io)));

  common(
    program
      .command('reply')
      .description('replies read from your mailbox')
      .command('correct')
      .description('correct how a reply was read; the prospect is decided again')
      .argument('<prospect>', 'the prospect')
      .argument('<reply>', "the reply's id (pursuit prospect show --json lists them)")
      .requiredOption(
        '--kind <kind>',
        'positive|neutral|objection|referral|not-now|not-interested|out-of-office|unsubscribe',
      )
      .option('--until <date>', 'out-of-office: back on; not-now: talk after (YYYY-MM-DD)'),
  ).action(async (p: string, r: string, o: GlobalOptions & { kind: string; until?: string }) =>
    done(await (await mailModule()).replyCorrectCommand(p, r, o, io)),
  );
}
