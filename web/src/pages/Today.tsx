// Today: the rep's agenda in the order their time earns most (time-critical first), how much fits
// in the working time left, and each action with its reason, draft and one-click logging. An email
// goes from the rep's own mailbox with Send (or Send in their hours) when one is connected; the
// outbox strip on top holds the emails still on their way or waiting for the rep.

import { useCallback, useEffect, useState } from 'react';
import { api, problem } from '../api.js';
import { DayTabs } from '../components/day/DayTabs.js';
import { PAGE, readList } from '../components/day/pages.js';
import type { List } from '../components/day/pages.js';
import type { Mail } from '../components/day/AgendaItem.js';
import { OutboxStrip } from '../components/mail/OutboxStrip.js';
import { needingYou } from '../components/mail/words.js';
import { minutes } from '../format.js';
import type { Email, MailSetup, Notification, User } from '../types.js';

export function Today({ user }: { user: User }) {
  // The day's first actions (as many as the rep has asked to see), with the whole day's counts.
  const [agenda, setAgenda] = useState<List | null>(null);
  const [depth, setDepth] = useState(PAGE);
  // More of the day is being read (Show more): it is not asked for again until it has come.
  const [growing, setGrowing] = useState(false);
  const [leads, setLeads] = useState<Notification[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [setup, setSetup] = useState<MailSetup | null>(null);
  const [outbox, setOutbox] = useState<Email[]>([]);

  // The email channel is an extra: when it cannot be read, the agenda works as before.
  const loadOutbox = useCallback(
    () =>
      api<Email[]>('GET', '/api/outbox').then(
        (all) => setOutbox(all.filter((e) => e.userId === user.id)),
        () => undefined,
      ),
    [user.id],
  );

  const load = useCallback(async () => {
    try {
      const [day, unread] = await Promise.all([
        readList('all', depth),
        api<Notification[]>('GET', '/api/notifications?unread=true'),
        api<MailSetup>('GET', '/api/mailbox').then(setSetup, () => undefined),
        loadOutbox(),
      ]);
      setAgenda(day);
      setLeads(unread);
    } catch (e) {
      setError(problem(e));
    } finally {
      setGrowing(false);
    }
  }, [loadOutbox, depth]);

  /** An email's new state, from a send or a button: the items and the strip follow it. */
  const onEmail = useCallback((email: Email) => {
    setOutbox((all) =>
      all.some((e) => e.id === email.id) ? all.map((e) => (e.id === email.id ? email : e)) : [email, ...all],
    );
  }, []);

  // An email held back a minute (spacing, a retry) goes without the page: look again until it has.
  const waiting = outbox.some((e) => e.status === 'sending' || (e.status === 'queued' && e.mode === 'now'));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void loadOutbox(), 20_000);
    return () => clearInterval(timer);
  }, [waiting, loadOutbox]);

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
  const { day } = agenda;
  const now = Date.parse(day.now);
  const mail: Mail = { setup, outbox, onEmail };
  const names = new Map(agenda.items.map((i) => [i.prospect.id, i.prospect.name]));
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
      <header className="day-head">
        <h1>Today</h1>
        <p className="summary">
          {day.count === 0
            ? 'Nothing is due today.'
            : `${day.count} action${day.count === 1 ? '' : 's'}, ${minutes(day.totalMinutes)} of work; ${
                day.availableMinutes <= 0
                  ? `no working time is left today (${user.timezone}).`
                  : `${
                      day.fitting === day.count ? 'all fit' : `the first ${day.fitting} fit`
                    } in the ${minutes(day.availableMinutes)} of working time left (${user.timezone}).`
              }`}
        </p>
      </header>
      <OutboxStrip
        emails={needingYou(outbox, user.id, now)}
        names={names}
        zone={user.timezone}
        now={now}
        onChange={onEmail}
      />
      <DayTabs
        all={agenda}
        now={now}
        zone={user.timezone}
        mail={mail}
        growing={growing}
        onMore={() => {
          setGrowing(true);
          setDepth((d) => d + PAGE);
        }}
        onChanged={() => void load()}
      />
    </section>
  );
}
