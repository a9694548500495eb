// The keyboard shortcuts of the whole app: "?" shows or hides the list on any page (Today's own keys
// are listed on Today), Escape hides it, and "g" then a letter goes to a page, as in Gmail or Linear.
// A button elsewhere opens the list by sending SHOW_SHORTCUTS.

import { useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../keyboard.js';

/** The window event a button sends to show or hide the list. */
export const SHOW_SHORTCUTS = 'pursuit:shortcuts';

/** "g" then one of these letters goes to the page. */
export const GO_TO: readonly (readonly [key: string, path: string, page: string])[] = [
  ['t', '/', 'Today'],
  ['p', '/pipeline', 'Pipeline'],
  ['m', '/team', 'Team'],
  ['b', '/playbook', 'Playbook'],
  ['i', '/import', 'Import'],
  ['s', '/settings', 'Settings'],
];

/** How long after "g" the letter still counts, in milliseconds. */
const SEQUENCE_MS = 1500;

const ON_TODAY: readonly (readonly [string, string])[] = [
  ['j / k', 'next / previous action'],
  ['Enter', 'open or close the action (compact)'],
  ['x', 'choose the action for a bulk action'],
  ['o', "open the action's prospect"],
];

export function Shortcuts({ path, go }: { path: string; go: (path: string) => void }) {
  const [shown, setShown] = useState(false);
  const gAt = useRef<number | null>(null);

  useEffect(() => {
    const toggle = () => setShown((s) => !s);
    window.addEventListener(SHOW_SHORTCUTS, toggle);
    return () => window.removeEventListener(SHOW_SHORTCUTS, toggle);
  }, []);

  useShortcuts((e) => {
    const after = gAt.current;
    gAt.current = null;
    if (after !== null && e.timeStamp - after <= SEQUENCE_MS) {
      const target = GO_TO.find(([key]) => key === e.key);
      if (target !== undefined) {
        go(target[1]);
        return true;
      }
    }
    if (e.key === 'g') gAt.current = e.timeStamp;
    else if (e.key === '?') setShown((s) => !s);
    else if (e.key === 'Escape' && shown) setShown(false);
    else return false;
    return true;
  });

  if (!shown) return null;
  const rows = (list: readonly (readonly [string, string])[]) =>
    list.map(([keys, what]) => [<dt key={`${keys}-k`}>{keys}</dt>, <dd key={`${keys}-d`}>{what}</dd>]);
  return (
    <div className="shortcuts" role="dialog" aria-label="Keyboard shortcuts">
      <div className="shortcuts-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="quiet" onClick={() => setShown(false)}>
          Close
        </button>
      </div>
      <dl>
        {rows([
          ['/', 'search prospects'],
          ...GO_TO.map(([key, , page]) => [`g ${key}`, `go to ${page}`] as const),
          ['?', 'show or hide these shortcuts'],
          ['Esc', 'hide them'],
        ])}
      </dl>
      {path === '/' && (
        <>
          <h3>On Today</h3>
          <dl>{rows(ON_TODAY)}</dl>
        </>
      )}
    </div>
  );
}
