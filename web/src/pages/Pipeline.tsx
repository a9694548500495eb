// The pipeline by state, and the active prospects with no dated next step.

import { useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { navigate } from '../App.js';
import { AddProspect } from '../components/AddProspect.js';
import type { Prospect, User } from '../types.js';

interface PipelineView {
  counts: Record<string, number>;
  total: number;
  noNextStep: Prospect[];
}

const LABELS: [string, string][] = [
  ['active', 'Active'],
  ['nurture', 'Nurture'],
  ['brokenUp', 'Broken up (waiting)'],
  ['disqualified', 'Disqualified'],
  ['stopped', 'Stopped'],
  ['customers', 'Customers'],
];

export function Pipeline({ user }: { user: User }) {
  const [view, setView] = useState<PipelineView | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<PipelineView>('GET', '/api/pipeline').then(setView, (e: unknown) => setError(problem(e)));
  }, []);
  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (view === null) return <p className="loading">Loading the pipeline…</p>;
  return (
    <section>
      <h1>Pipeline</h1>
      <p className="summary">
        {view.total} prospects.{' '}
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a prospect
          </button>
        )}
      </p>
      {adding && <AddProspect user={user} onCancel={() => setAdding(false)} />}
      <ul className="counts">
        {LABELS.map(([key, label]) => (
          <li key={key}>
            <span className="count">{view.counts[key] ?? 0}</span> {label}
          </li>
        ))}
      </ul>
      <h2>No dated next step ({view.noNextStep.length})</h2>
      <ul className="plain">
        {view.noNextStep.map((p) => (
          <li key={p.id}>
            <a
              href={`/prospects/${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/prospects/${p.id}`);
              }}
            >
              {p.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
