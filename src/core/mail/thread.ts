// Keeping a follow-up in the thread it follows (RFC 5322 In-Reply-To and References), and the
// subject a reply in that thread carries.

/** The last ids a References header keeps: enough to thread, short enough for every server. */
const MAX_REFERENCES = 10;

export interface Thread {
  inReplyTo: string | undefined;
  references: string[];
  subject: string;
}

export interface EarlierMessage {
  messageId: string;
  /** Its own References, oldest first. */
  references: string[];
  subject: string;
}

/** "Re: <the thread's first subject>", once, whatever prefixes the earlier one carried. */
export function replySubject(subject: string): string {
  const bare = subject.replace(/^\s*((re|aw|sv|antw|réf|ref|rv|res|fw|fwd|wg|tr)\s*(\[\d+\])?\s*:\s*)+/i, '');
  return `Re: ${bare.trim() === '' ? subject.trim() : bare.trim()}`;
}

/**
 * The thread a new email joins: in reply to the last message of the conversation (ours or theirs),
 * under that message's subject. None before the first email.
 */
export function threadAfter(last: EarlierMessage | undefined, ownSubject: string): Thread {
  if (last === undefined) return { inReplyTo: undefined, references: [], subject: ownSubject };
  const references = [...last.references.filter((id) => id !== last.messageId), last.messageId];
  return {
    inReplyTo: last.messageId,
    references: references.slice(-MAX_REFERENCES),
    subject: replySubject(last.subject),
  };
}

/** Message ids as headers write them: `<a@b> <c@d>`, any spacing or commas; angle brackets kept. */
export function parseIds(header: string | undefined): string[] {
  if (header === undefined) return [];
  return [...header.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}
