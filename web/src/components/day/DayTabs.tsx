// The day's actions in tabs: everything due, the overdue ones, the rest of today, and what comes
// tomorrow (read when the tab is opened). Compact (one line an action, opened in place) or detailed,
// as the rep last chose. Actions can be chosen for a bulk action. j and k walk the actions, Enter
// opens or closes one, x chooses it, o opens its prospect (the app's list of shortcuts: Shortcuts.tsx).

import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.js';
import { useShortcuts } from '../../keyboard.js';
import { SHOW_SHORTCUTS } from '../Shortcuts.js';
import type { Agenda, AgendaItem } from '../../types.js';
import { Item } from './AgendaItem.js';
import type { Mail } from './AgendaItem.js';
import { BulkBar } from './BulkBar.js';

type Tab = 'all' | 'overdue' | 'today' | 'upcoming';
type Density = 'compact' | 'detailed';

/** Where the rep's choice of density is kept, in this browser. */
const DENSITY_KEY = 'pursuit.today.density';

function storedDensity(): Density {
  try {
    return localStorage.getItem(DENSITY_KEY) === 'detailed' ? 'detailed' : 'compact';
  } catch {
    return 'compact';
  }
}

interface Props {
  agenda: Agenda;
  now: number;
  zone: string;
  mail: Mail;
  /** Something changed many actions at once: read the day again. */
  onChanged: () => void;
}

export function DayTabs({ agenda, now, zone, mail, onChanged }: Props) {
  const [tab, setTab] = useState<Tab>('all');
  const [upcoming, setUpcoming] = useState<AgendaItem[] | null>(null);
  const [density, setDensity] = useState<Density>(storedDensity);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // The action something was last logged on from this page: its Undo takes it back.
  const [lastLogged, setLastLogged] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const overdue = agenda.items.filter((i) => Date.parse(i.due) < now);
  const later = agenda.items.filter((i) => Date.parse(i.due) >= now);
  const compact = density === 'compact';

  useEffect(() => {
    if (tab !== 'upcoming' || upcoming !== null) return;
    const today = new Set(agenda.items.map((i) => i.prospect.id));
    api<Agenda>('GET', '/api/agenda?date=tomorrow').then(
      (next) => setUpcoming(next.items.filter((i) => !today.has(i.prospect.id))),
      () => setUpcoming([]),
    );
  }, [tab, upcoming, agenda]);

  const shown =
    tab === 'overdue'
      ? overdue
      : tab === 'today'
        ? later
        : tab === 'upcoming'
          ? (upcoming ?? [])
          : agenda.items;
  // What is chosen and still shown (a reload or another tab drops the rest from the bulk action).
  const picked = shown.filter((i) => chosen.has(i.prospect.id));

  const toggle = (set: ReadonlySet<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const choose = (id: string, on: boolean) => setChosen((c) => toggle(c, id, on));
  const open = (id: string, on: boolean) => setOpened((o) => toggle(o, id, on));

  useShortcuts((e) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])];
    const at = items.findIndex((li) => li.contains(document.activeElement));
    const current = at >= 0 ? items[at] : undefined;
    const id = current?.dataset.prospect;
    if (e.key === 'j' || e.key === 'k') {
      const next = items[e.key === 'j' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1)];
      next?.focus();
      next?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'o' && current !== undefined) {
      current.querySelector<HTMLAnchorElement>('a.prospect')?.click();
    } else if (e.key === 'x' && id !== undefined) {
      choose(id, !chosen.has(id));
    } else if (e.key === 'Enter' && id !== undefined && e.target === current && compact) {
      open(id, !opened.has(id));
    } else return false;
    return true;
  });

  const tabs: [Tab, string][] = [
    ['all', `All due (${agenda.items.length})`],
    ['overdue', `Overdue (${overdue.length})`],
    ['today', `Later today (${later.length})`],
    ['upcoming', upcoming === null ? 'Tomorrow' : `Tomorrow (${upcoming.length})`],
  ];
  const changeDensity = (next: Density) => {
    setDensity(next);
    try {
      localStorage.setItem(DENSITY_KEY, next);
    } catch {
      // A browser that keeps nothing: the choice lasts as long as the page.
    }
  };
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
        <span className="density" role="group" aria-label="Density">
          {(['compact', 'detailed'] as const).map((d) => (
            <button
              key={d}
              type="button"
              className="quiet"
              aria-pressed={density === d}
              onClick={() => changeDensity(d)}
            >
              {d === 'compact' ? 'Compact' : 'Detailed'}
            </button>
          ))}
        </span>
        <button
          type="button"
          className="quiet keys"
          aria-haspopup="dialog"
          onClick={() => window.dispatchEvent(new Event(SHOW_SHORTCUTS))}
        >
          Shortcuts (?)
        </button>
      </div>
      {shown.length > 0 && (
        <BulkBar
          chosen={picked}
          zone={zone}
          all={picked.length === shown.length}
          onAll={(all) => setChosen(new Set(all ? shown.map((i) => i.prospect.id) : []))}
          onDone={() => {
            setChosen(new Set());
            setLastLogged(null);
            onChanged();
          }}
        />
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
      <ol
        className={`agenda${compact ? ' compact' : ''}`}
        id="agenda-list"
        ref={list}
        aria-labelledby={`tab-${tab}`}
      >
        {shown.map((item) => {
          const id = item.prospect.id;
          return (
            <Item
              key={id}
              item={item}
              zone={zone}
              now={now}
              mail={mail}
              compact={compact}
              open={opened.has(id)}
              onOpen={(on) => open(id, on)}
              selected={chosen.has(id)}
              onSelect={(on) => choose(id, on)}
              onLogged={(note) => setLastLogged(note === null ? null : id)}
              last={lastLogged === id}
            />
          );
        })}
      </ol>
    </>
  );
}
