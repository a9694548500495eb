// Logging what happened, in one or two clicks: a call's outcome, an email sent, a response and its
// sentiment, a commitment with its date (which offers the invite); for a PREPARE action, the call's
// objective and agenda, which finish the preparation. The answer is the next decision.
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

/** Logs one event for the prospect; `logged` hears the next decision (and a note of what was logged). */
function useLog(prospectId: string, logged: (next: Decision | null, note: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const log = async (body: Record<string, unknown>, note: string) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Logged>('POST', `/api/prospects/${encodeURIComponent(prospectId)}/events`, body);
      logged(r.decision, note);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, log };
}

function Failure({ error }: { error: string | null }) {
  return error === null ? null : (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

/**
 * PREPARE: the call's objective and agenda, written down before it ("never wing it"); logging them
 * finishes the preparation of the coming call or meeting.
 */
function PrepForm({ prospectId, onLogged }: Pick<Props, 'prospectId' | 'onLogged'>) {
  const { busy, error, log } = useLog(prospectId, onLogged);
  const [objective, setObjective] = useState('');
  const [agenda, setAgenda] = useState('');
  return (
    <form
      className="log panel prep"
      aria-label="Prepare the call"
      onSubmit={(e) => {
        e.preventDefault();
        const points = agenda
          .split('\n')
          .map((line) => line.replace(/^[-*•]\s*/, '').trim())
          .filter((line) => line !== '');
        void log({ type: 'prep', objective, agenda: points.join('\n') }, 'preparation');
      }}
    >
      <label>
        Objective of the call
        <input
          required
          value={objective}
          placeholder="What should they have agreed to by the end?"
          onChange={(e) => setObjective(e.target.value)}
        />
      </label>
      <label>
        Agenda (a point a line)
        <textarea rows={3} value={agenda} onChange={(e) => setAgenda(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Preparation done
      </button>
      <Failure error={error} />
    </form>
  );
}

export function LogControls(props: Props) {
  return props.decision.action === 'prepare' ? <PrepForm {...props} /> : <TouchControls {...props} />;
}

function TouchControls({ prospectId, decision, onLogged, sends = false, lead }: Props) {
  const [panel, setPanel] = useState<'none' | 'response' | 'commitment'>('none');
  const { busy, error, log } = useLog(prospectId, (next, note) => {
    setPanel('none');
    onLogged(next, note);
  });
  const [sentiment, setSentiment] = useState('positive');
  const [due, setDue] = useState('');
  const [kind, setKind] = useState('call');
  const [description, setDescription] = useState('');

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
      <Failure error={error} />
    </div>
  );
}
