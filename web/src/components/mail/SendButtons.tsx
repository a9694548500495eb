// Sending the agenda's email from the rep's own mailbox, as the draft stands (edited or not): now,
// or inside the contact's business hours. The answer is the email in the outbox.

import { useState } from 'react';
import { api, problem } from '../../api.js';
import type { Email } from '../../types.js';
import type { DraftText } from '../Draft.js';

interface Props {
  prospectId: string;
  draft: DraftText;
  onSent: (email: Email) => void;
}

export function SendButtons({ prospectId, draft, onSent }: Props) {
  const [busy, setBusy] = useState<'now' | 'window' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (when: 'now' | 'window') => {
    setBusy(when);
    setError(null);
    try {
      onSent(
        await api<Email>('POST', `/api/prospects/${encodeURIComponent(prospectId)}/email`, {
          subject: draft.subject,
          body: draft.body,
          when,
        }),
      );
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(null);
    }
  };
  const empty = draft.subject.trim() === '' || draft.body.trim() === '';
  return (
    <>
      <button type="button" disabled={busy !== null || empty} onClick={() => void send('now')}>
        {busy === 'now' ? 'Sending…' : 'Send'}
      </button>
      <button
        type="button"
        className="quiet"
        disabled={busy !== null || empty}
        onClick={() => void send('window')}
      >
        {busy === 'window' ? 'Queueing…' : 'Send in their hours'}
      </button>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
