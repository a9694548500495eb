// Calibrating from the dashboard: anyone may check what a calibration on the team's history would
// do (the held-out check, how many decisions would change, or why it is refused); an admin may then
// put it in force.

import { useState } from 'react';
import { api, problem } from '../api.js';
import type { User } from '../types.js';
import { explorationWords } from './exploration.js';
import type { Exploring } from './exploration.js';

interface Result {
  applied: boolean;
  version: number | null;
  changed: number;
  exploring: Exploring;
  calibration: {
    /** Absent when the model earned its place. */
    refusal?: string;
    trials: number;
    responses: number;
    heldOut: { logLoss: number; priorLogLoss: number };
  };
}

const decisions = (n: number) => `${n} decision${n === 1 ? '' : 's'}`;

export function CalibrateAction({ user, onApplied }: { user: User; onApplied: () => void }) {
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const r = await api<Result>('POST', '/api/model/calibrate', { dryRun });
      setResult(r);
      if (r.applied) onApplied();
    } catch (e) {
      setError(problem(e));
    } finally {
      setBusy(false);
    }
  }

  const c = result?.calibration;
  return (
    <div className="calibrate">
      <button type="button" className="quiet" disabled={busy} onClick={() => void run(true)}>
        Check a calibration on our history
      </button>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result !== null && c !== undefined && (
        <p className="summary" aria-live="polite">
          {c.refusal !== undefined
            ? `Not calibrated: ${c.refusal}.`
            : `${c.trials.toLocaleString()} touches, ${c.responses.toLocaleString()} responses; held-out log loss ${c.heldOut.logLoss.toFixed(3)} against ${c.heldOut.priorLogLoss.toFixed(3)} for the published figures. ` +
              (result.applied
                ? `Calibration ${result.version ?? '?'} is in force: ${decisions(result.changed)} changed.`
                : `Calibration ${result.version ?? '?'} would change ${decisions(result.changed)}. ${explorationWords(result.exploring, true)}`)}
        </p>
      )}
      {result !== null && !result.applied && c?.refusal === undefined && user.role === 'admin' && (
        <button type="button" disabled={busy} onClick={() => void run(false)}>
          Put calibration {result.version} in force
        </button>
      )}
    </div>
  );
}
