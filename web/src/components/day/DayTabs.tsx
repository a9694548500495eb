// The day's actions in tabs: everything due, the overdue ones, the rest of today, and what comes
// tomorrow, each read a page at a time (a tab when it is opened; more with "Show more", or j past the
// last). Compact (one line an action, opened in place) or detailed, as the rep last chose. Actions
// can be chosen for a bulk action. j and k walk the actions, Enter opens or closes one, x chooses it,
// o opens its prospect (the app's list of shortcuts: Shortcuts.tsx).

import { useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../../keyboard.js';
import { SHOW_SHORTCUTS } from '../Shortcuts.js';
import type { AgendaShow } from '../../types.js';
import { Item } from './AgendaItem.js';
import type { Mail } from './AgendaItem.js';
import { BulkBar } from './BulkBar.js';
import { PAGE, readList } from './pages.js';
import type { List } from './pages.js';

type Tab = 'all' | 'overdue' | 'today' | 'upcoming';
type Other = Exclude<Tab, 'all'>;

/** Which list of which day each tab other than "All due" reads. */
const LISTS: Record<Other, [AgendaShow, 'tomorrow' | undefined]> = {
  overdue: ['overdue', undefined],
  today: ['later', undefined],
  // What tomorrow adds: the actions due on the day itself (today's are on today's tabs).
  upcoming: ['day', 'tomorrow'],
};
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
  /** The first actions of the day, as many as the rep has asked to see, with the day's counts. */
  all: List;
  now: number;
  zone: string;
  mail: Mail;
  /** Show more of the day's actions; `growing` while they are being read. */
  onMore: () => void;
  growing: boolean;
  /** Something changed many actions at once: read the day again. */
  onChanged: () => void;
}

export function DayTabs({ all, now, zone, mail, onMore, growing, onChanged }: Props) {
  const [tab, setTab] = useState<Tab>('all');
  // The other tabs' lists as last read, with the day they were read for (a new day reads them again)
  // and how many actions the rep has asked to see on each.
  const [lists, setLists] = useState<Partial<Record<Other, List & { of: List }>>>({});
  const [depth, setDepth] = useState<Record<Other, number>>({ overdue: PAGE, today: PAGE, upcoming: PAGE });
  const [reading, setReading] = useState(false);
  const [density, setDensity] = useState<Density>(storedDensity);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // The action something was last logged on from this page: its Undo takes it back.
  const [lastLogged, setLastLogged] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const compact = density === 'compact';
  const { day } = all;

  // A tab is read when it is opened, when the day was read again (a change, the clock) and when
  // the rep asks to see more; what it showed stays on screen until the new list comes.
  useEffect(() => {
    if (tab === 'all') return;
    const kept = lists[tab];
    if (kept !== undefined && kept.of === all && kept.items.length >= Math.min(depth[tab], kept.total))
      return;
    let gone = false;
    const [show, date] = LISTS[tab];
    setReading(true);
    const done = (read: List) => {
      if (gone) return;
      setLists((l) => ({ ...l, [tab]: { ...read, of: all } }));
      setReading(false);
    };
    // A tab that cannot be read shows nothing rather than stale actions.
    readList(show, depth[tab], date).then(done, () => done({ day, items: [], total: 0 }));
    return () => {
      gone = true;
      setReading(false);
    };
  }, [tab, lists, depth, all, day]);

  const current = tab === 'all' ? all : lists[tab];
  const shown = current?.items ?? [];
  const more = current === undefined ? 0 : Math.min(PAGE, current.total - shown.length);
  const busy = tab === 'all' ? growing : reading;
  // The list more was last asked for: the end in view and j past the last may both ask before the
  // page shows that the next actions are being read, and that is one page, not two.
  const asked = useRef<List | undefined>(undefined);
  useEffect(() => {
    // A read that failed leaves the same list: it may be asked for again.
    if (!busy) asked.current = undefined;
  }, [busy]);
  const showMore = () => {
    if (more <= 0 || busy || asked.current === current) return;
    asked.current = current;
    if (tab === 'all') onMore();
    else setDepth((d) => ({ ...d, [tab]: d[tab] + PAGE }));
  };
  // Scrolling to the end of what is read reads more, as "Show more" does.
  const latest = useRef(showMore);
  latest.current = showMore;
  useEffect(() => {
    const target = end.current;
    if (target === null || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) latest.current();
    });
    seen.observe(target);
    return () => seen.disconnect();
  }, [more, busy, tab]);
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
    if (e.key === 'j' && at === items.length - 1 && more > 0) {
      // Past the last action read: read the next ones.
      showMore();
    } else if (e.key === 'j' || e.key === 'k') {
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

  const tomorrow = lists.upcoming;
  const tabs: [Tab, string][] = [
    ['all', `All due (${day.count})`],
    ['overdue', `Overdue (${day.overdue})`],
    ['today', `Later today (${day.count - day.overdue})`],
    ['upcoming', tomorrow === undefined ? 'Tomorrow' : `Tomorrow (${tomorrow.total})`],
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
      {current === undefined && (
        <p className="loading">{tab === 'upcoming' ? 'Reading tomorrow…' : 'Reading…'}</p>
      )}
      {shown.length === 0 && current !== undefined && (
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
      {more > 0 && (
        <p className="more" ref={end}>
          <button type="button" className="quiet" disabled={busy} onClick={showMore}>
            Show {more} more
          </button>{' '}
          <span className="hint">
            {shown.length} of {current?.total} shown
          </span>
        </p>
      )}
    </>
  );
}
