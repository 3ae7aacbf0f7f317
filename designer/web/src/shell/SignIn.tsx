import { useState, type FormEvent } from 'react';
import { ApiClient } from '../api/client';
import { describeError } from '../api/errors';
import type { Session } from '../api/types';
import { apiKeyCredentials, storeApiKey, type Credentials } from '../auth/credentials';

/**
 * Sign-in with an API key. Other ways to sign in (OIDC) would be further sections of this form
 * that end in the same `onSignedIn(credentials, session)`.
 */
export function SignIn({ onSignedIn, reason }: { onSignedIn: (credentials: Credentials, session: Session) => void; reason: string | null }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(reason);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = key.trim();
    if (!trimmed) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    const credentials = apiKeyCredentials(trimmed);
    try {
      const session = await new ApiClient(credentials).session();
      storeApiKey(trimmed);
      onSignedIn(credentials, session);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">ServicesSync Designer</h1>
        <p>
          Sign in with an API key. On first start the designer prints one in its console and writes it to{' '}
          <code>DATA/initial-api-key.txt</code>; more keys come from <code>servicessync apikey create</code>.
        </p>
        <label htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="hint">The key is kept for this browser tab only.</p>
      </form>
    </main>
  );
}
