import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, credential, getJson, whenUnauthenticated } from './api';
import { canRead, type Session } from './session';
import { useRoute } from './route';
import { SignIn } from './views/sign-in';
import { ProjectsPage } from './views/projects-page';
import { StatsPage } from './views/stats-page';
import { ProjectPage } from './views/project-page';

/** The shell: sign-in, then the pages the credential's roles open. */
export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [restoring, setRestoring] = useState(credential.get() !== null);
  const [notice, setNotice] = useState<string | null>(null);
  const route = useRoute();

  // Set once the ledger has accepted the credential in this page: a 401 after that means it expired or
  // was revoked (a refused sign-in is reported by the form itself).
  const accepted = useRef(false);
  const expired = () => {
    accepted.current = false;
    credential.clear();
    setSession(null);
    setNotice('Your key or token is no longer accepted (expired or revoked). Sign in again.');
  };

  useEffect(() => {
    whenUnauthenticated(() => accepted.current && expired());
    if (credential.get() === null) return;
    getJson<Session>('/session')
      .then((s) => {
        accepted.current = true;
        setSession(s);
      })
      .catch((error) => (error instanceof ApiError && error.status === 401 ? expired() : credential.clear()))
      .finally(() => setRestoring(false));
  }, []);

  // After moving to another page, start reading (and tabbing) at its content; not on the first load.
  const firstRoute = useRef(true);
  useEffect(() => {
    const page = route.projectId ?? (route.page === 'stats' ? 'Statistics' : 'Projects');
    document.title = `${session ? page : 'Sign in'} · Project Ledger console`;
    if (firstRoute.current) firstRoute.current = false;
    else document.getElementById('main')?.focus();
  }, [route.page, route.projectId, session]);

  const signOut = () => {
    accepted.current = false;
    credential.clear();
    setSession(null);
    setNotice('You are signed out.');
  };

  if (restoring) return <p class="loading">Loading…</p>;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Project Ledger</span>
        {session && canRead(session) && (
          <nav aria-label="Pages">
            <a href="#/projects" aria-current={route.page === 'projects' ? 'page' : undefined}>
              Projects
            </a>
            <a href="#/stats" aria-current={route.page === 'stats' ? 'page' : undefined}>
              Statistics
            </a>
          </nav>
        )}
        {session && (
          <div class="who">
            <span>
              {session.actor} <span class="roles">({session.roles.join(', ')})</span>
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {!session ? (
          <SignIn
            notice={notice}
            onSignedIn={(s) => {
              accepted.current = true;
              setNotice(null);
              setSession(s);
            }}
          />
        ) : !canRead(session) ? (
          <section>
            <h1>Nothing to read with this key</h1>
            <p>
              This key is for publishing commands ({session.roles.join(', ')}). The console reads the record:
              sign in with a reader, auditor or admin key.
            </p>
          </section>
        ) : route.page === 'project' && route.projectId ? (
          <ProjectPage session={session} projectId={route.projectId} />
        ) : route.page === 'stats' ? (
          <StatsPage />
        ) : (
          <ProjectsPage />
        )}
      </main>
    </>
  );
}
