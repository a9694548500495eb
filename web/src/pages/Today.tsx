// Today: the rep's agenda in the order their time earns most (time-critical first), how much fits
// in the working time left, and each action with its reason, draft and one-click logging. An email
// goes from the rep's own mailbox with Send (or Send in their hours) when one is connected; the
// outbox strip on top holds the emails still on their way or waiting for the rep.

import { useCallback, useEffect, useRef, useState } from 'react';
import { api, problem } from '../api.js';
import { navigate } from '../App.js';
import { Draft } from '../components/Draft.js';
import { LogControls } from '../components/LogControls.js';
import { NextStep } from '../components/NextStep.js';
import { EmailResult } from '../components/mail/EmailResult.js';
import { OutboxStrip } from '../components/mail/OutboxStrip.js';
import { SendButtons } from '../components/mail/SendButtons.js';
import { sendHint } from '../components/mail/sendHint.js';
import { useDraftOpener } from '../components/mail/useDraftOpener.js';
import { OPEN, needingYou } from '../components/mail/words.js';
import { actionLabel, minutes, money, relative, when } from '../format.js';
import { EmailLink, PhoneLink } from '../components/ContactLinks.js';
import { typing } from '../components/Search.js';
import type { Agenda, AgendaItem, Decision, Email, MailSetup, Notification, User } from '../types.js';

interface Done {
  note: string;
  next: Decision | null;
  invite: boolean;
}

/** The email channel as every item sees it. */
interface Mail {
  setup: MailSetup | null;
  /** The rep's own outbox, newest first. */
  outbox: Email[];
  onEmail: (email: Email) => void;
}

function Item({ item, zone, now, mail }: { item: AgendaItem; zone: string; now: number; mail: Mail }) {
  const [done, setDone] = useState<Done | null>(null);
  // The email sent from this item, if any; else one already on its way to the prospect.
  const [sentId, setSentId] = useState<string | null>(null);
  const d = item.decision;
  const contact = item.contact;
  const byEmail = d.channel === 'email' && d.message !== undefined;
  const email =
    mail.outbox.find((o) => o.id === sentId) ??
    (byEmail ? mail.outbox.find((o) => o.prospectId === item.prospect.id && OPEN.has(o.status)) : undefined);
  const canSend = byEmail && mail.setup?.mailbox != null;
  // Sent, or on its way: the email stands for the logging buttons. Failed or cancelled: try again.
  const busy = email !== undefined && email.status !== 'failed' && email.status !== 'cancelled';
  const opener = useDraftOpener<HTMLLIElement>();
  return (
    <li
      ref={opener.holder}
      className={`item${item.fits ? '' : ' later'}`}
      data-testid="agenda-item"
      tabIndex={-1}
    >
      <div className="head">
        <a
          className="prospect"
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
            {(d.channel === 'call' || d.channel === 'sms') && contact.phone !== null && (
              <>
                {' · '}
                <PhoneLink value={contact.phone} quiet={contact.doNotContact} text={d.channel === 'sms'} />
              </>
            )}
            {d.channel === 'email' && contact.email !== null && (
              <>
                {' · '}
                <EmailLink value={contact.email} quiet={contact.doNotContact} />
              </>
            )}
          </span>
        )}
        <span className={`badge ${d.action}`}>{actionLabel(d.action, d.channel)}</span>
      </div>
      <p className="when">
        {when(item.due, zone)} · {relative(item.due, now)} · {item.minutes} min
        {item.prospect.dealValue !== null && <> · deal {money(item.prospect.dealValue)}</>}
      </p>
      <p className="reason">{d.reason}</p>
      {d.message !== undefined && (
        <Draft
          message={d.message}
          open={opener.open}
          onToggle={opener.setOpen}
          actions={
            canSend && !busy
              ? (draft) => (
                  <SendButtons
                    prospectId={item.prospect.id}
                    draft={draft}
                    onSent={(sent) => {
                      mail.onEmail(sent);
                      setSentId(sent.id);
                      opener.sent();
                    }}
                  />
                )
              : undefined
          }
          hint={byEmail && !busy ? sendHint(mail.setup) : undefined}
        />
      )}
      {email !== undefined && done === null && (
        <EmailResult email={email} zone={zone} now={now} onChange={mail.onEmail} />
      )}
      {done !== null ? (
        <div className="next" role="status">
          <p>
            Logged {done.note.toLowerCase()}. <NextStep next={done.next} now={now} />
          </p>
          {done.invite && (
            <a className="button" href={`/api/prospects/${item.prospect.id}/invite.ics`} download>
              Download the invite (.ics)
            </a>
          )}
        </div>
      ) : busy ? null : (
        <LogControls
          prospectId={item.prospect.id}
          decision={d}
          onLogged={(next, note) => {
            setDone({ note, next, invite: note === 'commitment' });
          }}
          sends={canSend}
          lead={
            canSend && !opener.open ? (
              <button type="button" onClick={opener.review}>
                Review and send
              </button>
            ) : undefined
          }
        />
      )}
    </li>
  );
}

export function Today({ user }: { user: User }) {
  const [agenda, setAgenda] = useState<Agenda | null>(null);
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
        api<Agenda>('GET', '/api/agenda'),
        api<Notification[]>('GET', '/api/notifications?unread=true'),
        api<MailSetup>('GET', '/api/mailbox').then(setSetup, () => undefined),
        loadOutbox(),
      ]);
      setAgenda(day);
      setLeads(unread);
    } catch (e) {
      setError(problem(e));
    }
  }, [loadOutbox]);

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
  const now = Date.parse(agenda.now);
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
      <h1>Today</h1>
      <OutboxStrip
        emails={needingYou(outbox, user.id, now)}
        names={names}
        zone={user.timezone}
        now={now}
        onChange={onEmail}
      />
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
      <DayTabs agenda={agenda} now={now} zone={user.timezone} mail={mail} />
    </section>
  );
}

type Tab = 'all' | 'overdue' | 'today' | 'upcoming';

/**
 * The day's items in tabs: everything due, the overdue ones, the rest of today, and what comes
 * tomorrow (read when the tab is opened). j and k walk the items, o opens the current one's prospect,
 * ? lists the shortcuts.
 */
function DayTabs({ agenda, now, zone, mail }: { agenda: Agenda; now: number; zone: string; mail: Mail }) {
  const [tab, setTab] = useState<Tab>('all');
  const [upcoming, setUpcoming] = useState<AgendaItem[] | null>(null);
  const [help, setHelp] = useState(false);
  const list = useRef<HTMLOListElement>(null);
  const overdue = agenda.items.filter((i) => Date.parse(i.due) < now);
  const later = agenda.items.filter((i) => Date.parse(i.due) >= now);
  useEffect(() => {
    if (tab !== 'upcoming' || upcoming !== null) return;
    const today = new Set(agenda.items.map((i) => i.prospect.id));
    api<Agenda>('GET', '/api/agenda?date=tomorrow').then(
      (next) => setUpcoming(next.items.filter((i) => !today.has(i.prospect.id))),
      () => setUpcoming([]),
    );
  }, [tab, upcoming, agenda]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
      const at = items.findIndex((li) => li.contains(document.activeElement));
      if (e.key === 'j' || e.key === 'k') {
        const next = items[e.key === 'j' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)];
        next?.focus();
        next?.scrollIntoView({ block: 'nearest' });
      } else if (e.key === 'o' && at >= 0) {
        items[at]?.querySelector<HTMLAnchorElement>('a.prospect')?.click();
      } else if (e.key === '?') {
        setHelp((h) => !h);
      } else if (e.key === 'Escape') {
        setHelp(false);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const shown =
    tab === 'overdue'
      ? overdue
      : tab === 'today'
        ? later
        : tab === 'upcoming'
          ? (upcoming ?? [])
          : agenda.items;
  const tabs: [Tab, string][] = [
    ['all', `All due (${agenda.items.length})`],
    ['overdue', `Overdue (${overdue.length})`],
    ['today', `Later today (${later.length})`],
    ['upcoming', upcoming === null ? 'Tomorrow' : `Tomorrow (${upcoming.length})`],
  ];
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Which actions">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls="agenda-list"
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
        <button type="button" className="quiet keys" aria-expanded={help} onClick={() => setHelp((h) => !h)}>
          Shortcuts (?)
        </button>
      </div>
      {help && (
        <div className="shortcuts" role="dialog" aria-label="Keyboard shortcuts">
          <dl>
            <dt>/</dt>
            <dd>search prospects</dd>
            <dt>j / k</dt>
            <dd>next / previous action</dd>
            <dt>o</dt>
            <dd>open the action's prospect</dd>
            <dt>?</dt>
            <dd>show or hide these shortcuts</dd>
          </dl>
        </div>
      )}
      {tab === 'upcoming' && upcoming === null && <p className="loading">Reading tomorrow…</p>}
      {shown.length === 0 && (tab !== 'upcoming' || upcoming !== null) && (
        <p className="hint">
          {tab === 'overdue'
            ? 'Nothing is overdue.'
            : tab === 'upcoming'
              ? 'Nothing more is due tomorrow.'
              : 'Nothing here.'}
        </p>
      )}
      <ol className="agenda" id="agenda-list" ref={list} aria-labelledby={`tab-${tab}`}>
        {shown.map((item) => (
          <Item key={item.prospect.id} item={item} zone={zone} now={now} mail={mail} />
        ))}
      </ol>
    </>
  );
}
