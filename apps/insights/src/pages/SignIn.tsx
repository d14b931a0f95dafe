import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { BackendError } from '../backend.js';
import { Page } from '../components/Page.js';
import { useSession } from '../session.js';

/**
 * Demo sign-in by business name: the backend finds the business (also one that started at Copay) or creates it,
 * and gives this browser a token scoped to that business only.
 */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }): ReactNode {
  const { signIn } = useSession();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('Enter your business name.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(name);
      onSignedIn();
    } catch (err) {
      const detail =
        err instanceof BackendError
          ? (err.body?.validation?.errors?.[0]?.message ?? err.message)
          : 'Sign-in failed. Try again.';
      setError(detail);
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page
      title="Your business at a glance"
      intro={
        <p>
          Insights turns your accounting and bank data into a simple dashboard: revenue trend, cash balance
          and your top customers.
        </p>
      }
    >
      <div className="sign-in">
        <form className="card" onSubmit={submit} noValidate aria-labelledby={`${hintId}-title`}>
          <h2 id={`${hintId}-title`}>Sign in</h2>
          <div className="field">
            <label htmlFor={`${hintId}-name`}>Business name</label>
            <span id={hintId} className="field__hint">
              Demo sign-in: no password. Use the same name as at Copay to see one business across both
              products.
            </span>
            <input
              ref={input}
              id={`${hintId}-name`}
              name="businessName"
              type="text"
              autoComplete="organization"
              maxLength={200}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            />
            {error && (
              <span id={errorId} className="field__error" role="alert">
                {error}
              </span>
            )}
          </div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? 'Signing in…' : 'Continue'}
          </button>
        </form>
        <section className="sign-in__pitch" aria-labelledby={`${hintId}-how`}>
          <h2 id={`${hintId}-how`}>How Insights uses your data</h2>
          <ul>
            <li>
              You choose what to connect, and you see exactly which data Insights reads before you agree.
            </li>
            <li>Insights reads only the data it needs for the dashboard — nothing for other products.</li>
            <li>You can withdraw your consent at any time under “Data &amp; privacy”.</li>
          </ul>
        </section>
      </div>
    </Page>
  );
}
