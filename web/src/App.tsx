// The app's frame: who is signed in (else the sign-in page), the header, and the page for the
// address: Today (the agenda) or a prospect.

import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrf } from './api.js';
import { SignIn } from './pages/SignIn.js';
import { Today } from './pages/Today.js';
import { ProspectView } from './pages/ProspectView.js';
import type { User } from './types.js';

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const path = usePath();

  const load = useCallback(async () => {
    try {
      const session = await api<{ user: User; csrf: string | null }>('GET', '/api/session');
      setCsrf(session.csrf);
      setUser(session.user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setUser(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (user === undefined) return <p className="loading">Loading…</p>;
  if (user === null) return <SignIn onSignedIn={load} />;

  const prospect = /^\/prospects\/([^/]+)$/.exec(path)?.[1];
  const signOut = async () => {
    await api('DELETE', '/api/session');
    setCsrf(null);
    setUser(null);
    navigate('/');
  };
  return (
    <>
      <header className="bar">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          Pursuit
        </a>
        <nav aria-label="Main">
          <a
            href="/"
            aria-current={prospect === undefined ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate('/');
            }}
          >
            Today
          </a>
        </nav>
        <span className="who">
          {user.name} · {user.role}
        </span>
        <button type="button" className="quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main>
        {prospect === undefined ? (
          <Today user={user} />
        ) : (
          <ProspectView id={decodeURIComponent(prospect)} user={user} />
        )}
      </main>
    </>
  );
}
