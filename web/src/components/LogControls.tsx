// Logging what happened, in one or two clicks: a call's outcome, an email sent, a response and its
// sentiment, a commitment with its date (which offers the invite). The answer is the next decision.
// When Pursuit can send the email itself (`sends`), logging one as sent by hand is the quiet
// choice, after `lead` (Review and send).

import { useState } from 'react';
import type { ReactNode } from 'react';
import { api, problem } from '../api.js';
import type { Decision, Logged } from '../types.js';

const SENTIMENTS = [
  'positive',
  'neutral',
  'objection',
  'not-now',
  'not-interested',
  'referral',
  'out-of-office',
  'unsubscribe',
];

interface Props {
  prospectId: string;
  decision: Decision;
  onLogged: (next: Decision | null, note: string) => void;
  /** Pursuit can send this email itself. */
  sends?: boolean;
  /** The first button of the row: sending the email from Pursuit. */
  lead?: ReactNode;
}

export function LogControls({ prospectId, decision, onLogged, sends = false, lead }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [panel, setPanel] = useState<'none' | 'response' | 'commitment'>('none');
  const [sentiment, setSentiment] = useState('positive');
  const [due, setDue] = useState('');
  const [kind, setKind] = useState('call');
  const [description, setDescription] = useState('');

  const log = async (body: Record<string, unknown>, note: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Logged>('POST', `/api/prospects/${encodeURIComponent(prospectId)}/events`, body);
      setPanel('none');
      onLogged(r.decision, note);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  const channel = decision.channel ?? 'email';
  const touch = (outcome: string, label: string, note = label) => (
    <button
      type="button"
      className={sends ? 'quiet' : undefined}
      disabled={busy}
      onClick={() => void log({ type: 'touch', channel, outcome }, note)}
    >
      {label}
    </button>
  );
  return (
    <div className="log">
      <div className="buttons" role="group" aria-label="Log what happened">
        {channel === 'call' && (
          <>
            {touch('connected', 'Connected')}
            {touch('voicemail', 'Voicemail')}
            {touch('no-answer', 'No answer')}
          </>
        )}
        {lead}
        {(channel === 'email' || channel === 'sms' || channel === 'social') &&
          (sends
            ? touch('sent', 'Log as sent', 'Email sent')
            : touch('sent', `${channel === 'email' ? 'Email' : 'Message'} sent`))}
        {channel === 'meeting' && (
          <>
            {touch('held', 'Meeting held')}
            {touch('no-show', 'No-show')}
          </>
        )}
        <button
          type="button"
          className="quiet"
          onClick={() => setPanel(panel === 'response' ? 'none' : 'response')}
        >
          They responded…
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => setPanel(panel === 'commitment' ? 'none' : 'commitment')}
        >
          Next step agreed…
        </button>
      </div>
      {panel === 'response' && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void log({ type: 'response', sentiment }, `Response: ${sentiment}`);
          }}
        >
          <label>
            What they said
            <select value={sentiment} onChange={(e) => setSentiment(e.target.value)}>
              {SENTIMENTS.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy}>
            Log response
          </button>
        </form>
      )}
      {panel === 'commitment' && (
        <form
          className="panel"
          onSubmit={(e) => {
            e.preventDefault();
            void log(
              {
                type: 'commitment',
                kind,
                due: due.replace('T', ' '),
                ...(description === '' ? {} : { description }),
              },
              'commitment',
            );
          }}
        >
          <label>
            What
            <select value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="call">call</option>
              <option value="meeting">meeting</option>
              <option value="reply-by">reply by</option>
              <option value="other">other</option>
            </select>
          </label>
          <label>
            When (your time)
            <input type="datetime-local" required value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <label>
            About
            <input value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Log commitment
          </button>
        </form>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
