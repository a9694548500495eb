// Keyboard shortcuts: one place says whether a key press belongs to a text field (where "j" or "/" is
// a character, not a shortcut), and one hook listens for the page's shortcuts.

import { useEffect, useRef } from 'react';

/** Whether a key press belongs to a text field or a control that takes keys of its own. */
export function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Calls `onKey` for each key pressed outside a text field and without Ctrl, Cmd or Alt; when it
 * answers true the key was a shortcut and does nothing else. The latest `onKey` is always the one called.
 */
export function useShortcuts(onKey: (e: KeyboardEvent) => boolean): void {
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (latest.current(e)) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
