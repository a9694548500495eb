// Correcting how a reply was read, in one click: a button for each kind (the current one pressed);
// out of office and not now also take their date. The prospect is then decided again.

import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, problem } from '../../api.js';
import type { Reply, ReplyKind } from '../../types.js';
import { DATED, KINDS, SURE, kindLabel } from './words.js';

interface Props {
  prospectId: string;
  reply: Reply & { reading: NonNullable<Reply['reading']> };
  onCorrected: (reply: Reply) => void;
}

export function Correction({ prospectId, reply, onCorrected }: Props) {
  const reading = reply.reading;
  // A dated kind waiting for its date.
  const [dated, setDated] = useState<ReplyKind | null>(null);
  const [until, setUntil] = useState(reading.until ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const save = async (kind: ReplyKind, day?: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const corrected = await api<Reply>(
        'PATCH',
        `/api/prospects/${encodeURIComponent(prospectId)}/replies/${encodeURIComponent(reply.id)}`,
        { kind, ...(day === undefined || day === '' ? {} : { until: day }) },
      );
      setDated(null);
      setDone(`Now read as ${kindLabel(kind).toLowerCase()}: the next step is decided again.`);
      onCorrected(corrected);
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dated !== null) void save(dated, until);
  };

  return (
    <details className="correct" open={reading.confidence < SURE && reading.corrected === null}>
      <summary>Read it wrong? Correct it</summary>
      <div className="kinds" role="group" aria-label="Read this reply as">
        {KINDS.map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            className="quiet chip-button"
            aria-pressed={kind === (dated ?? reading.kind)}
            disabled={busy}
            onClick={() => (DATED.has(kind) ? setDated(kind) : void save(kind))}
          >
            {label}
          </button>
        ))}
      </div>
      {dated !== null && (
        <form className="inline-form" onSubmit={submit}>
          <label>
            {dated === 'out-of-office' ? 'Back on' : 'Talk again after'} (optional)
            <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" className="quiet" onClick={() => setDated(null)}>
            Cancel
          </button>
        </form>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {done !== null && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </details>
  );
}
