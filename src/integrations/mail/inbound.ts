// A message read from a mailbox, as Pursuit needs it: who wrote it, the thread it answers (In-Reply-To
// and References), its plain text, the headers that mark an automatic reply (RFC 3834), and, for a
// bounce, what failed: a delivery status notification (RFC 3464) read field by field, else the
// message ids and addresses an older bounce format quotes in its text.

import { simpleParser } from 'mailparser';
import type { Attachment, ParsedMail } from 'mailparser';
import { withoutControls } from '../../core/control.js';
import { parseIds } from '../../core/mail/thread.js';

/** The headers that tell an automatic message, kept lower-case. */
const AUTOMATIC_HEADERS = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'precedence',
  'x-precedence',
  'list-id',
  'x-failed-recipients',
];

export interface FailedRecipient {
  address: string;
  /** failed or delayed (RFC 3464 Action). */
  action: string;
  /** The enhanced status code, 5.1.1; a 5 is for good, a 4 for now. */
  status: string;
  diagnostic: string;
}

export interface Bounce {
  recipients: FailedRecipient[];
  /** Message ids the bounce names (its original's), newest guess first. */
  originalIds: string[];
  /** Addresses the bounce's text names, when it is not a DSN. */
  addresses: string[];
  /** A warning that delivery is delayed (the address may still work), not a failure. */
  temporary: boolean;
}

export interface InboundMail {
  messageId: string | undefined;
  inReplyTo: string[];
  references: string[];
  from: string | undefined;
  fromName: string | undefined;
  subject: string;
  date: number | undefined;
  text: string;
  headers: Record<string, string>;
  bounce: Bounce | undefined;
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const value = parsed.headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

/** RFC 3464 fields of the per-recipient blocks of a message/delivery-status part. */
export function readDeliveryStatus(text: string): FailedRecipient[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/);
  const out: FailedRecipient[] = [];
  for (const block of blocks) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line.trim());
      if (m !== null) fields.set((m[1] as string).toLowerCase(), (m[2] as string).trim());
    }
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    const action = (fields.get('action') ?? '').toLowerCase();
    if (recipient === undefined || (action !== 'failed' && action !== 'delayed')) continue;
    out.push({
      address: recipient
        .replace(/^[^;]*;\s*/, '')
        .replace(/[<>]/g, '')
        .trim()
        .toLowerCase(),
      action,
      status: (fields.get('status') ?? '').split(/\s/)[0] ?? '',
      diagnostic: (fields.get('diagnostic-code') ?? '').replace(/^[^;]*;\s*/, ''),
    });
  }
  return out;
}

const contentOf = (a: Attachment) => a.content.toString('utf8');

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Senders of delivery reports: a mailer daemon, a postmaster, a mail system (or no sender at all). */
const DAEMON =
  /^(mailer-daemon|mail-daemon|maildaemon|mdaemon|postmaster|mail-delivery|mail\.delivery|smtp|e500_smtp)[^@]*@/i;
/** Subjects of delivery reports, in the forms the common mail servers write them. */
const FAILED =
  /undeliver|not (been )?delivered|could not be delivered|delivery (status|fail|report|notification|problem)|failure (notice|delivery)|delivery failure|returned mail|returning to sender|mail (delivery )?failed|failed mail|mail system error|unzustellbar|nicht zugestellt|non remis|non distribu|no entregado|onbestelbaar|não entregue|delayed/i;
/** What the text of a report for a bad address says (in the absence of RFC 3464 fields). */
const FAILURE_TEXT =
  /\b5\.\d\.\d\b|\b55\d\b|user unknown|unknown user|no such (user|mailbox|recipient)|mailbox (unavailable|not found|does not exist)|does not exist|recipient (rejected|address rejected)|address rejected|account (is )?(disabled|unavailable)|over quota|could not be delivered/i;

/** Whether a message is a report that mail did not arrive (RFC 3464, or an older server's own form). */
function looksLikeBounce(parsed: ParsedMail, from: string | undefined, contentType: string): boolean {
  if (/multipart\/report/i.test(contentType)) return true;
  const subject = parsed.subject ?? '';
  const daemon = from === undefined || from === '' || DAEMON.test(from);
  // A daemon's message is a report; a person's message only when everything about it says so.
  if (daemon) return FAILED.test(subject) || FAILURE_TEXT.test(parsed.text ?? '');
  return FAILED.test(subject) && FAILURE_TEXT.test(parsed.text ?? '') && !/^(re|aw|antw|sv):/i.test(subject);
}

function bounceOf(parsed: ParsedMail, from: string | undefined, contentType: string): Bounce | undefined {
  if (!looksLikeBounce(parsed, from, contentType)) return undefined;
  const parts = parsed.attachments;
  const status = parts.find((a) => /message\/(global-)?delivery-status/i.test(a.contentType));
  const original = parts.find((a) => /text\/rfc822-headers|message\/rfc822/i.test(a.contentType));
  const originalText = original === undefined ? '' : contentOf(original);
  const quoted = `${originalText}\n${parsed.text ?? ''}`;
  const ids = [...quoted.matchAll(/^\s*Message-ID:\s*(<[^>\s]+>)/gim)].map((m) => m[1] as string);
  const recipients = status === undefined ? [] : readDeliveryStatus(contentOf(status));
  const temporary =
    recipients.length > 0
      ? recipients.every((r) => r.action === 'delayed' || r.status.startsWith('4'))
      : /delay|warning|will (be )?retr|temporar|not yet been delivered|postponed|attempts will continue|continue to attempt/i.test(
          `${parsed.subject ?? ''}\n${(parsed.text ?? '').slice(0, 2000)}`,
        );
  return {
    recipients,
    originalIds: [...new Set([...ids, ...parseIds(headerText(parsed, 'in-reply-to'))])],
    addresses: [...new Set((parsed.text ?? '').match(EMAIL) ?? [])].map((a) => a.toLowerCase()),
    temporary,
  };
}

/** The text of an HTML-only message, roughly: enough to read a reply's words. */
function textOfHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

export async function readMail(raw: Buffer): Promise<InboundMail> {
  // What a reply's words need: no HTML made from the text, no links found in it, no images.
  const parsed = await simpleParser(raw, {
    keepDeliveryStatus: true,
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  const sender = parsed.from?.value[0];
  const from = sender?.address?.toLowerCase();
  const headers: Record<string, string> = {};
  for (const name of AUTOMATIC_HEADERS) {
    const value = headerText(parsed, name);
    if (value !== undefined) headers[name] = withoutControls(value);
  }
  const type = parsed.headers.get('content-type') as
    { value?: string; params?: Record<string, string> } | undefined;
  const contentType = `${type?.value ?? ''}; ${Object.entries(type?.params ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('; ')}`;
  const references = Array.isArray(parsed.references) ? parsed.references : parseIds(parsed.references);
  // What another system wrote may hold control characters (a NUL that PostgreSQL cannot store, a
  // bell): they go, tabs and line breaks stay.
  const clean = (text: string | undefined) => (text === undefined ? undefined : withoutControls(text));
  return {
    messageId: clean(parsed.messageId),
    inReplyTo: parseIds(parsed.inReplyTo).map(withoutControls),
    references: references.map(withoutControls),
    from: clean(from),
    fromName: sender?.name === '' ? undefined : clean(sender?.name),
    subject: withoutControls(parsed.subject ?? ''),
    date: parsed.date?.getTime(),
    text: withoutControls(parsed.text ?? (typeof parsed.html === 'string' ? textOfHtml(parsed.html) : '')),
    headers,
    bounce: bounceOf(parsed, from, contentType),
  };
}
