// What a rep does to the chosen actions at once: snooze them all until a time typed as people say it,
// or log the same outcome on each (a calling block's voicemails, emails sent from elsewhere). All or
// nothing: when one prospect refuses, it is named and nothing is written. What was logged together
// is taken back by one Undo.

import { useState } from 'react';
import { api, problem } from '../../api.js';
import { when } from '../../format.js';
import type { AgendaItem } from '../../types.js';
import { UndoButton, undoneWords } from '../UndoButton.js';

/** The outcomes that can be logged on many actions of one channel at once. */
const OUTCOMES: Record<string, [string, string][]> = {
  call: [
    ['no-answer', 'No answer'],
    ['voicemail', 'Voicemail'],
    ['connected', 'Connected'],
  ],
  email: [['sent', 'Email sent']],
  sms: [['sent', 'Message sent']],
  social: [['sent', 'Message sent']],
  meeting: [
    ['held', 'Meeting held'],
    ['no-show', 'No-show'],
  ],
};

interface Props {
  chosen: AgendaItem[];
  zone: string;
  /** Choose all of the list shown, or none. */
  onAll: (all: boolean) => void;
  all: boolean;
  /** The action was carried out (or taken back): read the day again. */
  onDone: () => void;
}

interface BulkAnswer {
  count: number;
  prospects: { prospect: { snoozedUntil: string | null } }[];
}

export function BulkBar({ chosen, zone, onAll, all, onDone }: Props) {
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<{ text: string; undo: boolean } | null>(null);
  const channels = new Set(chosen.map((i) => i.decision.channel ?? ''));
  const channel = channels.size === 1 ? [...channels][0] : undefined;
  const outcomes = channel === undefined ? [] : (OUTCOMES[channel] ?? []);
  const ids = chosen.map((i) => i.prospect.id);
  const n = chosen.length;
  const them = `${n} prospect${n === 1 ? '' : 's'}`;

  const run = async (body: object, words: (r: BulkAnswer) => string, undo: boolean) => {
    setBusy(true);
    setError(null);
    setSaid(null);
    try {
      const r = await api<BulkAnswer>('POST', '/api/prospects/bulk', { ids, ...body });
      setSaid({ text: words(r), undo });
      setUntil('');
      onDone();
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="bulk" role="region" aria-label="The chosen actions">
      <label className="all">
        <input type="checkbox" checked={all} onChange={(e) => onAll(e.target.checked)} />
        {n === 0 ? 'Choose all' : `${n} chosen`}
      </label>
      {n > 0 && (
        <>
          <form
            className="snooze"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                { action: 'snooze', until },
                (r) => {
                  const at = r.prospects[0]?.prospect.snoozedUntil;
                  return `Snoozed ${them}${at == null ? '' : ` until ${when(at, zone)}`}.`;
                },
                false,
              );
            }}
          >
            <input
              required
              aria-label="Snooze the chosen until"
              placeholder="tomorrow 9:00"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
            />
            <button type="submit" className="quiet" disabled={busy}>
              Snooze
            </button>
          </form>
          <div className="buttons" role="group" aria-label="Log on each chosen">
            {outcomes.map(([outcome, label]) => (
              <button
                key={outcome}
                type="button"
                className="quiet"
                disabled={busy}
                onClick={() =>
                  void run(
                    { action: 'log', log: { type: 'touch', channel, outcome } },
                    () => `Logged ${label.toLowerCase()} on ${them}.`,
                    true,
                  )
                }
              >
                {label}
              </button>
            ))}
            {channel === undefined && (
              <span className="hint">Choose actions of one channel to log an outcome on them all.</span>
            )}
          </div>
        </>
      )}
      {said !== null && (
        <p role="status" className="hint">
          {said.text}
          {said.undo && (
            <UndoButton
              label="Undo"
              onUndone={(r) => {
                setSaid({ text: undoneWords(r), undo: false });
                onDone();
              }}
            />
          )}
        </p>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
