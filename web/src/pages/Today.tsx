// Today: the rep's agenda in the order their time earns most (time-critical first), how much fits
// in the working time left, and each action with its reason, draft and one-click logging.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { navigate } from '../App.js';
import { Draft } from '../components/Draft.js';
import { LogControls } from '../components/LogControls.js';
import { actionLabel, minutes, relative, when } from '../format.js';
import type { Agenda, AgendaItem, Decision, Notification, User } from '../types.js';

interface Done {
  note: string;
  next: Decision | null;
  invite: boolean;
}

function Item({ item, zone, now }: { item: AgendaItem; zone: string; now: number }) {
  const [done, setDone] = useState<Done | null>(null);
  const d = item.decision;
  const contact = item.contact;
  return (
    <li className={`item${item.fits ? '' : ' later'}`} data-testid="agenda-item">
      <div className="head">
        <a
          href={`/prospects/${item.prospect.id}`}
          onClick={(e) => {
            e.preventDefault();
            navigate(`/prospects/${item.prospect.id}`);
          }}
        >
          {item.prospect.name}
        </a>
        {contact !== null && (
          <span className="contact">
            {contact.name}
            {d.channel === 'call' && contact.phone !== null && <> · {contact.phone}</>}
            {d.channel === 'email' && contact.email !== null && <> · {contact.email}</>}
          </span>
        )}
        <span className={`badge ${d.action}`}>{actionLabel(d.action, d.channel)}</span>
      </div>
      <p className="when">
        {when(item.due, zone)} · {relative(item.due, now)} · {item.minutes} min
      </p>
      <p className="reason">{d.reason}</p>
      {d.message !== undefined && <Draft message={d.message} />}
      {done === null ? (
        d.action === 'prepare' ? (
          <p className="hint">Open the prospect to read what you know before the call.</p>
        ) : (
          <LogControls
            prospectId={item.prospect.id}
            decision={d}
            onLogged={(next, note) => {
              setDone({ note, next, invite: note === 'commitment' });
            }}
          />
        )
      ) : (
        <div className="next" role="status">
          <p>
            Logged {done.note.toLowerCase()}. Next:{' '}
            {done.next === null ? (
              'nothing'
            ) : (
              <>
                <strong>{actionLabel(done.next.action, done.next.channel)}</strong>
                {done.next.due !== undefined && <> {relative(done.next.due, now)}</>} — {done.next.reason}
              </>
            )}
          </p>
          {done.invite && (
            <a className="button" href={`/api/prospects/${item.prospect.id}/invite.ics`} download>
              Download the invite (.ics)
            </a>
          )}
        </div>
      )}
    </li>
  );
}

export function Today({ user }: { user: User }) {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [leads, setLeads] = useState<Notification[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [day, unread] = await Promise.all([
        api<Agenda>('GET', '/api/agenda'),
        api<Notification[]>('GET', '/api/notifications?unread=true'),
      ]);
      setAgenda(day);
      setLeads(unread);
    } catch (e) {
      setError(problem(e));
    }
  }, []);

  useEffect(() => {
    void load();
    // A new lead must be called within 5 minutes: look for one every 10 seconds (a light request),
    // and when one has come, fetch the day again so it shows on the agenda at once.
    let known = new Set<string>();
    const watch = setInterval(() => {
      api<Notification[]>('GET', '/api/notifications?unread=true').then(
        (unread) => {
          const fresh = unread.some((n) => !known.has(n.id));
          known = new Set(unread.map((n) => n.id));
          if (fresh) void load();
        },
        () => undefined,
      );
    }, 10_000);
    const refresh = setInterval(() => void load(), 5 * 60_000);
    return () => {
      clearInterval(watch);
      clearInterval(refresh);
    };
  }, [load]);

  const dismiss = async () => {
    await api('POST', '/api/notifications/read', { ids: leads.map((n) => n.id) });
    setLeads([]);
  };

  if (error !== null)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (agenda === null) return <p className="loading">Loading your day…</p>;
  // Items logged stay on screen with their outcome until the next reload; the count is of the list.
  return (
    <section>
      {leads.length > 0 && (
        <div className="leads" role="alert">
          {leads.map((n) => (
            <p key={n.id}>{n.message}</p>
          ))}
          <button type="button" className="quiet" onClick={() => void dismiss()}>
            Seen
          </button>
        </div>
      )}
      <h1>Today</h1>
      <p className="summary">
        {agenda.items.length === 0
          ? 'Nothing is due today.'
          : `${agenda.items.length} action${agenda.items.length === 1 ? '' : 's'}, ${minutes(agenda.totalMinutes)} of work; ${
              agenda.availableMinutes <= 0
                ? `no working time is left today (${user.timezone}).`
                : `${
                    agenda.fitting === agenda.items.length ? 'all fit' : `the first ${agenda.fitting} fit`
                  } in the ${minutes(agenda.availableMinutes)} of working time left (${user.timezone}).`
            }`}
      </p>
      <ol className="agenda">
        {agenda.items.map((item) => (
          <Item key={item.prospect.id} item={item} zone={user.timezone} now={Date.parse(agenda.now)} />
        ))}
      </ol>
    </section>
  );
}
