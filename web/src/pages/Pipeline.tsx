// The pipeline as a board: a column for each state with its count and deal value, cards soonest next
// step first, filters by owner and state kept in the address, a column's count to show it alone,
// "show more" per column; and, as before, adding a prospect and the active prospects with no dated
// next step.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { navigate } from '../App.js';
import { AddProspect } from '../components/AddProspect.js';
import { money } from '../format.js';
import type { Prospect, User } from '../types.js';
import './pipeline.css';

interface Card {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  dealValue: number | null;
  nextStep: string | null;
  reason: string | null;
  due: string | null;
  overdue: boolean;
  snoozedUntil: string | null;
}

interface StateTotal {
  state: string;
  label: string;
  count: number;
  value: number;
}

interface Column extends StateTotal {
  cards: Card[];
  more: boolean;
}

interface Board {
  now: string;
  owners: { id: string; name: string }[];
  states: StateTotal[];
  selected: string[];
  columns: Column[];
  total: { count: number; value: number };
}

interface Filters {
  owner: string;
  states: string[];
}

function readFilters(): Filters {
  const query = new URLSearchParams(window.location.search);
  const state = query.get('state') ?? '';
  return { owner: query.get('owner') ?? '', states: state === '' ? [] : state.split(',') };
}

function queryOf(f: Filters): string {
  const query = new URLSearchParams();
  if (f.owner !== '') query.set('owner', f.owner);
  if (f.states.length > 0) query.set('state', f.states.join(','));
  const text = query.toString().replace(/%2C/g, ',');
  return text === '' ? '' : `?${text}`;
}

/** A day as people glance at it: "Mar 12", with the year when it is not this one. */
function shortDay(iso: string, zone: string, now: string): string {
  const year = (t: string) =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric' }).format(new Date(t));
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    month: 'short',
    day: 'numeric',
    ...(year(iso) === year(now) ? {} : { year: 'numeric' }),
  }).format(new Date(iso));
}

function ProspectLink({ id, name }: { id: string; name: string }) {
  return (
    <a
      href={`/prospects/${id}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(`/prospects/${id}`);
      }}
    >
      {name}
    </a>
  );
}

function BoardCard({ card, zone, now }: { card: Card; zone: string; now: string }) {
  return (
    <li className={`board-card${card.overdue ? ' overdue' : ''}`} data-testid="board-card">
      <ProspectLink id={card.id} name={card.name} />
      <span className="card-owner">{card.ownerName}</span>
      <span className="card-value">{card.dealValue === null ? 'No deal value' : money(card.dealValue)}</span>
      {card.nextStep !== null && (
        <span className="card-next" title={card.reason ?? undefined}>
          {card.nextStep}
        </span>
      )}
      {(card.due !== null || card.overdue) && (
        <span className="card-due">
          {card.due !== null && <time dateTime={card.due}>{shortDay(card.due, zone, now)}</time>}
          {card.overdue && <span className="badge overdue-badge">Overdue</span>}
        </span>
      )}
      {card.snoozedUntil !== null && (
        <span className="card-snoozed">Snoozed until {shortDay(card.snoozedUntil, zone, now)}</span>
      )}
    </li>
  );
}

/** The active prospects with no dated next step: those read so far, and how many there are. */
interface NoNextStep {
  noNextStep: Prospect[];
  noNextStepCount: number;
}

/** Prospects with no dated next step read at once (the API's page). */
const NO_NEXT_STEP_PAGE = 50;

function noNextStepPath(owner: string, offset: number): string {
  const who = owner === '' ? '' : `&owner=${encodeURIComponent(owner)}`;
  return `/api/pipeline?limit=${NO_NEXT_STEP_PAGE}&offset=${offset}${who}`;
}

export function Pipeline({ user }: { user: User }) {
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [board, setBoard] = useState<Board | null>(null);
  const [noNextStep, setNoNextStep] = useState<NoNextStep | null>(null);
  const [loadingNoNextStep, setLoadingNoNextStep] = useState(false);
  const [adding, setAdding] = useState(false);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Back and forward walk through the filters, as the address keeps them.
  useEffect(() => {
    const update = () => setFilters(readFilters());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);

  useEffect(() => {
    let current = true;
    setError(null);
    Promise.all([
      api<Board>('GET', `/api/pipeline/board${queryOf(filters)}`),
      api<NoNextStep>('GET', noNextStepPath(filters.owner, 0)),
    ]).then(
      ([b, p]) => {
        if (!current) return;
        setBoard(b);
        setNoNextStep({ noNextStep: p.noNextStep, noNextStepCount: p.noNextStepCount });
      },
      (e: unknown) => {
        if (current) setError(problem(e));
      },
    );
    return () => {
      current = false;
    };
  }, [filters]);

  const change = useCallback((next: Filters) => {
    window.history.pushState(null, '', `/pipeline${queryOf(next)}`);
    setFilters(next);
  }, []);

  const showMore = async (column: Column) => {
    setLoadingMore(column.state);
    try {
      const more = await api<Board>(
        'GET',
        `/api/pipeline/board${queryOf({ owner: filters.owner, states: [column.state] })}&offset=${column.cards.length}`,
      );
      const extra = more.columns[0];
      setBoard((b) =>
        b === null || extra === undefined
          ? b
          : {
              ...b,
              columns: b.columns.map((c) =>
                c.state === column.state
                  ? { ...c, cards: [...c.cards, ...extra.cards], more: extra.more }
                  : c,
              ),
            },
      );
    } catch (e) {
      setError(problem(e));
    } finally {
      setLoadingMore(null);
    }
  };

  const moreNoNextStep = async (shown: NoNextStep) => {
    setLoadingNoNextStep(true);
    try {
      const more = await api<NoNextStep>('GET', noNextStepPath(filters.owner, shown.noNextStep.length));
      setNoNextStep({
        noNextStep: [...shown.noNextStep, ...more.noNextStep],
        noNextStepCount: more.noNextStepCount,
      });
    } catch (e) {
      setError(problem(e));
    } finally {
      setLoadingNoNextStep(false);
    }
  };

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (board === null) return <p className="loading">Loading the pipeline…</p>;
  const only = (state: string) => filters.states.length === 1 && filters.states[0] === state;
  const toggle = (state: string) =>
    change({
      ...filters,
      states: filters.states.includes(state)
        ? filters.states.filter((s) => s !== state)
        : board.states.map((s) => s.state).filter((s) => s === state || filters.states.includes(s)),
    });
  const filtered = filters.owner !== '' || filters.states.length > 0;
  return (
    <section className="pipeline">
      <h1>Pipeline</h1>
      <p className="summary">
        {board.total.count} prospects · {money(board.total.value)} in deals.{' '}
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a prospect
          </button>
        )}
      </p>
      {adding && <AddProspect user={user} onCancel={() => setAdding(false)} />}

      <div className="pipeline-filters">
        {board.owners.length > 1 && (
          <label className="owner-filter">
            Owner
            <select value={filters.owner} onChange={(e) => change({ ...filters, owner: e.target.value })}>
              <option value="">Everyone</option>
              {board.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset className="state-chips">
          <legend>States</legend>
          {board.states.map((s) => (
            <label key={s.state} className="chip">
              <input
                type="checkbox"
                checked={filters.states.includes(s.state)}
                onChange={() => toggle(s.state)}
              />
              {s.label} <span className="chip-count">{s.count}</span>
            </label>
          ))}
        </fieldset>
        {filtered && (
          <button type="button" className="quiet" onClick={() => change({ owner: '', states: [] })}>
            Clear filters
          </button>
        )}
      </div>

      <div className="board" role="region" aria-label="Pipeline board" tabIndex={0}>
        {board.columns.map((column) => (
          <section
            key={column.state}
            className="board-column"
            aria-labelledby={`column-${column.state}`}
            data-testid="board-column"
          >
            <header>
              <h2 id={`column-${column.state}`}>{column.label}</h2>
              <button
                type="button"
                className="column-count"
                aria-pressed={only(column.state)}
                title={only(column.state) ? 'Showing only this state' : `Show only ${column.label}`}
                aria-label={`${column.count} ${column.label}: show only this state`}
                onClick={() => change({ ...filters, states: [column.state] })}
              >
                {column.count}
              </button>
              <span className="column-value">{money(column.value)}</span>
            </header>
            {column.cards.length === 0 ? (
              <p className="column-empty">Nobody here.</p>
            ) : (
              <ol className="board-cards">
                {column.cards.map((card) => (
                  <BoardCard key={card.id} card={card} zone={user.timezone} now={board.now} />
                ))}
              </ol>
            )}
            {column.more && (
              <button
                type="button"
                className="quiet show-more"
                disabled={loadingMore === column.state}
                onClick={() => void showMore(column)}
              >
                Show more ({column.count - column.cards.length} left)
              </button>
            )}
          </section>
        ))}
      </div>

      {noNextStep !== null && (
        <details className="no-next-step">
          <summary>No dated next step ({noNextStep.noNextStepCount.toLocaleString('en-US')})</summary>
          <ul className="plain">
            {noNextStep.noNextStep.map((p) => (
              <li key={p.id}>
                <ProspectLink id={p.id} name={p.name} />
              </li>
            ))}
          </ul>
          {noNextStep.noNextStep.length < noNextStep.noNextStepCount && (
            <button
              type="button"
              className="quiet show-more"
              disabled={loadingNoNextStep}
              onClick={() => void moreNoNextStep(noNextStep)}
            >
              Show more ({(noNextStep.noNextStepCount - noNextStep.noNextStep.length).toLocaleString('en-US')}{' '}
              left)
            </button>
          )}
        </details>
      )}
    </section>
  );
}
