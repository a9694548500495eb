// The app's frame: who is signed in (else the sign-in page), the header, and the page for the
// address: Today (the agenda), the pipeline, the team dashboard, the playbook, or a prospect.

import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { api, ApiError, setCsrf } from './api.js';
import { SignIn } from './pages/SignIn.js';
import { Today } from './pages/Today.js';
import { Search } from './components/Search.js';
import { Shortcuts } from './components/Shortcuts.js';
import { ProspectView } from './pages/ProspectView.js';
import { Pipeline } from './pages/Pipeline.js';
import { Playbook } from './pages/Playbook.js';
import { Import } from './pages/Import.js';
import { Settings } from './pages/Settings.js';
// The charts (ECharts) load only when the team page is opened.
const Team = lazy(() => import('./pages/Team.js').then((m) => ({ default: m.Team })));
import type { User } from './types.js';

const PAGES: [string, string][] = [
  ['/', 'Today'],
  ['/pipeline', 'Pipeline'],
  ['/team', 'Team'],
  ['/playbook', 'Playbook'],
  ['/import', 'Import'],
  ['/settings', 'Settings'],
];

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
          {PAGES.map(([href, label]) => (
            <a
              key={href}
              href={href}
              aria-current={path === href ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(href);
              }}
            >
              {label}
            </a>
          ))}
        </nav>
        <Search />
        <span className="who">
          {user.name} · {user.role}
        </span>
        <button type="button" className="quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <Shortcuts path={path} go={navigate} />
      <main>
        {prospect !== undefined ? (
          // Another prospect is another page: nothing said on one (an email just sent, a contact
          // just added, a form left open) carries over to the next.
          <ProspectView key={prospect} id={decodeURIComponent(prospect)} user={user} />
        ) : path === '/pipeline' ? (
          <Pipeline user={user} />
        ) : path === '/playbook' ? (
          <Playbook user={user} />
        ) : path === '/import' ? (
          <Import />
        ) : path === '/settings' ? (
          <Settings user={user} />
        ) : path === '/team' ? (
          <Suspense fallback={<p className="loading">Loading the team…</p>}>
            <Team user={user} />
          </Suspense>
        ) : (
          <Today user={user} />
        )}
      </main>
    </>
  );
}
