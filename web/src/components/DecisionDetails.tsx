// A decision explained: what to do, when, why (the rule), the model's numbers and the diagnosis.

import { actionLabel, money, percent, relative, when } from '../format.js';
import type { Decision } from '../types.js';

export function DecisionDetails({ decision, zone, now }: { decision: Decision; zone: string; now: number }) {
  const m = decision.model;
  return (
    <div className="decision">
      <p className="action">
        <strong>{actionLabel(decision.action, decision.channel)}</strong>
        {decision.due !== undefined && (
          <span className="due">
            {' '}
            due {when(decision.due, zone)} ({relative(decision.due, now)})
          </span>
        )}
      </p>
      <p className="reason">
        {decision.reason} <span className="rule">rule {decision.rule}</span>
      </p>
      {m !== undefined && (
        <p className="model">
          Touch {m.attempt}: {percent(m.pResponse)} response × {percent(m.pWin)} win × {money(m.dealValue)} ={' '}
          {money(m.expectedValue)} expected, against {money(m.touchCost)} of your time
        </p>
      )}
      {decision.diagnosis !== undefined && decision.diagnosis.length > 0 && (
        <p className="diagnosis">Diagnosis: {decision.diagnosis.join('; ')}</p>
      )}
    </div>
  );
}
