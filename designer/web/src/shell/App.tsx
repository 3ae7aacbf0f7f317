import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client';
import { describeError } from '../api/errors';
import type { Session } from '../api/types';
import { forgetCredentials, loadStoredCredentials, type Credentials } from '../auth/credentials';
import { indexDescriptors, type ActivityDescriptor } from '../model/descriptors';
import { ConnectionsPage } from '../pages/ConnectionsPage';
import { DeadLettersPage } from '../pages/DeadLettersPage';
import { EditorPage } from '../pages/EditorPage';
import { RunPage } from '../pages/RunPage';
import { RunsPage } from '../pages/RunsPage';
import { SchedulesPage } from '../pages/SchedulesPage';
import { WorkflowsPage } from '../pages/WorkflowsPage';
import { AppContext, type AppServices } from './AppContext';
import { Link } from './Link';
import { parseRoute, useLocation } from './router';
import { SignIn } from './SignIn';
import { Toasts, type Toast } from './Toasts';

interface Signed {
  credentials: Credentials;
  session: Session;
  descriptors: ActivityDescriptor[];
}

export function App() {
  const [signed, setSigned] = useState<Signed | null>(null);
  const [loading, setLoading] = useState(() => loadStoredCredentials() !== null);
  const [reason, setReason] = useState<string | null>(null);
  const [toasts, setToasts] = useState<Toast[]>([]);

  const notify = useCallback((message: string, tone: 'info' | 'error' = 'info') => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t.slice(-3), { id, message, tone }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), tone === 'error' ? 8000 : 4000);
  }, []);

  const signOut = useCallback((why: string | null) => {
    forgetCredentials();
    setSigned(null);
    setReason(why);
  }, []);

  const start = useCallback(
    async (credentials: Credentials, session?: Session) => {
      const api = new ApiClient(credentials);
      try {
        const [s, descriptors] = await Promise.all([session ?? api.session(), api.activityTypes()]);
        setSigned({ credentials, session: s, descriptors });
      } catch (e) {
        signOut(describeError(e));
      } finally {
        setLoading(false);
      }
    },
    [signOut],
  );

  useEffect(() => {
    const stored = loadStoredCredentials();
    if (stored) void start(stored);
  }, [start]);

  const services = useMemo<AppServices | null>(() => {
    if (!signed) return null;
    const api = new ApiClient(signed.credentials, () => signOut('Your key is no longer accepted; sign in again.'));
    return {
      api,
      session: signed.session,
      allDescriptors: signed.descriptors,
      descriptors: indexDescriptors(signed.descriptors),
      hidden: new Set(signed.session.hiddenActivityTypes),
      notify,
    };
  }, [signed, notify, signOut]);

  if (loading) return <main className="centered">Loading…</main>;
  if (!services || !signed) return <SignIn reason={reason} onSignedIn={(c, s) => void start(c, s)} />;

  return (
    <AppContext.Provider value={services}>
      <Shell onSignOut={() => signOut(null)} name={signed.session.name} />
      <Toasts toasts={toasts} />
    </AppContext.Provider>
  );
}

function Shell({ onSignOut, name }: { onSignOut: () => void; name: string }) {
  const location = useLocation();
  const route = parseRoute(location);
  const current = route.page === 'editor' ? 'workflows' : route.page === 'run' ? 'runs' : route.page;
  const item = (page: string, href: string, label: string) => (
    <li>
      <Link href={href} aria-current={current === page ? 'page' : undefined}>
        {label}
      </Link>
    </li>
  );
  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand">ServicesSync</span>
        <nav aria-label="Main">
          <ul>
            {item('workflows', '/', 'Workflows')}
            {item('runs', '/runs', 'Runs')}
            {item('deadLetters', '/dead-letters', 'Dead letters')}
            {item('schedules', '/schedules', 'Schedules')}
            {item('connections', '/connections', 'Connections')}
          </ul>
        </nav>
        <span className="who" title="Signed in">
          {name}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <div className="page">
        {route.page === 'workflows' && <WorkflowsPage />}
        {route.page === 'editor' && <EditorPage key={route.id} id={route.id} />}
        {route.page === 'runs' && <RunsPage initialWorkflow={route.workflow} />}
        {route.page === 'run' && <RunPage key={route.id} id={route.id} />}
        {route.page === 'deadLetters' && <DeadLettersPage />}
        {route.page === 'schedules' && <SchedulesPage />}
        {route.page === 'connections' && <ConnectionsPage />}
        {route.page === 'notFound' && (
          <main className="centered">
            <h1>Page not found</h1>
            <Link href="/">Back to workflows</Link>
          </main>
        )}
      </div>
    </div>
  );
}
