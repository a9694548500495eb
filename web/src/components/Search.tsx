// Search everywhere: the prospects the user may see, by name (or a contact's name or email), from the
// header of every page. "/" puts the focus in it from anywhere but a text field; the arrow keys walk
// the results, Enter opens one, Escape leaves it.

import { useEffect, useRef, useState } from 'react';
import { api, problem } from '../api.js';
import { navigate } from '../App.js';
import { actionLabel } from '../format.js';
import { useShortcuts } from '../keyboard.js';
import type { Decision } from '../types.js';

interface Found {
  id: string;
  name: string;
  decision: Decision | null;
}

export function Search() {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);

  useShortcuts((e) => {
    if (e.key !== '/') return false;
    input.current?.focus();
    return true;
  });

  useEffect(() => {
    const q = text.trim();
    if (q === '') {
      setFound(null);
      return;
    }
    // Asked once typing pauses; an answer to an older text is dropped.
    let current = true;
    const timer = setTimeout(() => {
      api<{ items: Found[] }>('GET', `/api/prospects?search=${encodeURIComponent(q)}&limit=8`).then(
        (r) => {
          if (!current) return;
          setFound(r.items);
          setActive(0);
          setError(null);
        },
        (e: unknown) => current && setError(problem(e)),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const open = (p: Found) => {
    setText('');
    setFound(null);
    input.current?.blur();
    navigate(`/prospects/${encodeURIComponent(p.id)}`);
  };

  return (
    <div className="search" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Search prospects"
        placeholder="Search (/)"
        value={text}
        role="combobox"
        aria-expanded={found !== null}
        aria-controls="search-results"
        aria-activedescendant={found?.[active] === undefined ? undefined : `search-${active}`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText('');
            setFound(null);
            input.current?.blur();
          } else if (found !== null && found.length > 0 && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : found.length - 1)) % found.length);
          } else if (e.key === 'Enter' && found?.[active] !== undefined) {
            e.preventDefault();
            open(found[active]);
          }
        }}
      />
      {found !== null && (
        <ul id="search-results" role="listbox" aria-label="Prospects found">
          {found.length === 0 && <li className="none">No prospect matches “{text.trim()}”.</li>}
          {found.map((p, i) => (
            <li
              key={p.id}
              id={`search-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                // Before the input loses the focus (and the list with it).
                e.preventDefault();
                open(p);
              }}
            >
              <span>{p.name}</span>
              {p.decision !== null && (
                <span className={`badge ${p.decision.action}`}>
                  {actionLabel(p.decision.action, p.decision.channel)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
