// Reading one message that belongs to a prospect: its parts (integrations/mail/inbound.ts), when it
// was written (never after now, never before the email it answers), and, for a reply, how it reads
// (core/replies). Pure of the database, so a worker thread can do it for a large batch
// (read-worker.ts) while the main thread writes the one before.

import { classifyReply } from '../../core/replies/classify.js';
import type { ReplyClass } from '../../core/replies/classify.js';
import { readMail } from '../../integrations/mail/inbound.js';
import type { InboundMail } from '../../integrations/mail/inbound.js';

/** What of a reply is read: its own words come first, and a megabyte of quoted history adds only time. */
const READ_TEXT = 100_000;

export interface ReadJob {
  raw: Uint8Array;
  /** When it arrived on the server, and now. */
  internalDate: number | undefined;
  now: number;
  /** For a reply: the writer's zone, and when the email it answers was sent. */
  reply?: { zone: string; askedAt: number | undefined };
}

export interface Read {
  mail: InboundMail;
  receivedAt: number;
  reading: ReplyClass | undefined;
}

export async function readMessage(job: ReadJob): Promise<Read> {
  const mail = await readMail(Buffer.from(job.raw));
  let receivedAt = Math.min(mail.date ?? job.internalDate ?? job.now, job.now);
  // A clock that runs behind must not put an answer before the email it answers.
  const asked = job.reply?.askedAt;
  if (asked !== undefined && receivedAt <= asked) receivedAt = Math.min(asked + 1000, job.now);
  const reading =
    job.reply === undefined || mail.bounce !== undefined
      ? undefined
      : classifyReply({
          subject: mail.subject,
          text: mail.text.slice(0, READ_TEXT),
          headers: mail.headers,
          receivedAt,
          zone: job.reply.zone,
        });
  return { mail, receivedAt, reading };
}
