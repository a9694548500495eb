// A prospect: the current decision with its rule, reason, model numbers and diagnosis; contacts;
// qualification and ICP fit; and the timeline of every touch, response and commitment.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { CurveChart } from '../components/CurveChart.js';
import { DecisionDetails } from '../components/DecisionDetails.js';
import { Draft } from '../components/Draft.js';
import { LogControls } from '../components/LogControls.js';
import { when } from '../format.js';
import type { ProspectPage, TimelineEvent, User } from '../types.js';

function describe(e: TimelineEvent, zone: string): string {
  switch (e.type) {
    case 'touch':
      return `${e.channel ?? ''} ${e.outcome ?? ''}`;
    case 'response':
      return `response: ${e.sentiment ?? ''}`;
    case 'commitment':
      return `commitment: ${e.kind ?? ''}${e.due === undefined ? '' : ` due ${when(e.due, zone)}`}${e.description === undefined ? '' : ` “${e.description}”`}`;
    case 'prep':
      return `prep note${e.objective === undefined ? '' : `: ${e.objective}`}`;
    case 'deal':
      return `deal ${e.result ?? ''}`;
    default:
      return e.type;
  }
}

const FLAGS = [
  ['serious', 'Serious about changing'],
  ['goalsClear', 'Goals are clear'],
  ['priceOnly', 'Price is all that matters'],
] as const;

export function ProspectView({ id, user }: { id: string; user: User }) {
  const [page, setPage] = useState<ProspectPage | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await api<ProspectPage>('GET', `/api/prospects/${encodeURIComponent(id)}`));
    } catch (e) {
      setError(problem(e));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const patch = async (body: Record<string, unknown>) => {
    try {
      setPage(await api<ProspectPage>('PATCH', `/api/prospects/${encodeURIComponent(id)}`, body));
    } catch (e) {
      setError(problem(e));
    }
  };

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (page === null) return <p className="loading">Loading…</p>;
  const names = new Map(page.contacts.map((c) => [c.id, c.name]));
  return (
    <article className="prospect">
      <h1>{page.name}</h1>
      <p className="facts">
        {page.relationship} · {page.source}
        {page.dealValue !== null && <> · deal ${page.dealValue.toLocaleString('en-US')}</>} · owner{' '}
        {page.owner?.name ?? '?'}
      </p>
      <section aria-labelledby="decision">
        <h2 id="decision">What to do next</h2>
        {page.decision === null ? (
          <p>No decision yet: add a contact.</p>
        ) : (
          <>
            <DecisionDetails decision={page.decision} zone={user.timezone} now={Date.parse(page.now)} />
            {page.responseCurve !== null && <CurveChart curve={page.responseCurve} />}
            {page.decision.message !== undefined && <Draft message={page.decision.message} />}
            {page.decision.action !== 'wait' && page.decision.action !== 'stop' && (
              <LogControls prospectId={page.id} decision={page.decision} onLogged={() => void load()} />
            )}
          </>
        )}
      </section>
      <section aria-labelledby="qualification">
        <h2 id="qualification">Qualification</h2>
        <div className="toggles">
          <label>
            ICP fit
            <select value={page.icpFit} onChange={(e) => void patch({ icpFit: e.target.value })}>
              {['fit', 'partial', 'poor', 'unknown'].map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </label>
          {FLAGS.map(([key, label]) => (
            <label key={key}>
              {label}
              <select
                value={page.qualification[key] === null ? 'unknown' : page.qualification[key] ? 'yes' : 'no'}
                onChange={(e) =>
                  void patch({ [key]: e.target.value === 'unknown' ? null : e.target.value === 'yes' })
                }
              >
                <option>yes</option>
                <option>no</option>
                <option>unknown</option>
              </select>
            </label>
          ))}
        </div>
      </section>
      <section aria-labelledby="contacts">
        <h2 id="contacts">Contacts</h2>
        <ul className="contacts">
          {page.contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> ({c.role}){c.email !== null && <> · {c.email}</>}
              {c.phone !== null && <> · {c.phone}</>}
              {c.doNotContact && <span className="badge stop"> do not contact</span>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <ol className="timeline" reversed>
          {[...page.events].reverse().map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{when(e.at, user.timezone)}</time> {describe(e, user.timezone)}
              {e.contactId !== undefined && names.has(e.contactId) && <> · {names.get(e.contactId)}</>}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
