// A prospect's email, newest first: the emails sent from Pursuit (subject, when, state; the body on
// demand; Cancel or "did it go?" for one on its way) and what came back, each reply with how it was
// read and its correction. A correction re-decides the prospect: the page reloads its decision.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../../api.js';
import type { Email, ProspectMail as Mail, Reply, User } from '../../types.js';
import { EmailState } from './EmailState.js';
import { ReplyCard } from './ReplyCard.js';

interface Props {
  prospectId: string;
  user: User;
  now: number;
  /** Changes when the page sent an email: the list is read again. */
  version: number;
  /** A reply corrected, or an email settled: the prospect was decided again. */
  onDecided: () => void;
}

type Entry = { at: string; email: Email } | { at: string; reply: Reply };

export function ProspectMail({ prospectId, user, now, version, onDecided }: Props) {
  const [mail, setMail] = useState<Mail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setMail(await api<Mail>('GET', `/api/prospects/${encodeURIComponent(prospectId)}/mail`));
    } catch (e) {
      setError(problem(e));
    }
  }, [prospectId]);
  useEffect(() => {
    void load();
  }, [load, version]);

  const changed = () => {
    void load();
    onDecided();
  };

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (mail === null) return <p className="loading">Loading the email…</p>;
  const entries: Entry[] = [
    ...mail.emails.map((email) => ({ at: email.sentAt ?? email.sendAfter, email })),
    ...mail.replies.map((reply) => ({ at: reply.receivedAt, reply })),
  ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  if (entries.length === 0)
    return <p className="hint">No email sent from Pursuit yet, and none read from them.</p>;
  return (
    <ol className="mails">
      {entries.map((entry) =>
        'email' in entry ? (
          <li key={entry.email.id} className="mail out" data-testid="email">
            <p className="meta">
              <span className="direction">To {entry.email.to.name ?? entry.email.to.address}</span>
            </p>
            <details>
              <summary className="subject">{entry.email.subject}</summary>
              <p className="mail-text">{entry.email.body}</p>
            </details>
            <EmailState email={entry.email} zone={user.timezone} now={now} onChange={changed} />
          </li>
        ) : (
          <ReplyCard
            key={entry.reply.id}
            prospectId={prospectId}
            reply={entry.reply}
            user={user}
            onCorrected={changed}
          />
        ),
      )}
    </ol>
  );
}
