import { useState } from 'preact/hooks';
import { type Session, signIn, signInMessage } from '../session';

/** One field: an API key, or a JWT where the ledger accepts them. Kept in this tab's sessionStorage only. */
export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (s: Session) => void }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(value.trim()));
    } catch (failure) {
      setError(signInMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sign-in">
      <h1>Sign in to the ledger console</h1>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={submit}>
        <label for="credential">API key or token</label>
        <input
          id="credential"
          type="password"
          autoComplete="off"
          required
          value={value}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          aria-describedby="credential-help"
          aria-invalid={error ? 'true' : undefined}
        />
        <p id="credential-help" class="help">
          The key printed when the ledger first started, or a token from your identity provider. It stays in
          this browser tab only and is forgotten when the tab closes.
        </p>
        <button type="submit" disabled={busy || value.trim() === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
