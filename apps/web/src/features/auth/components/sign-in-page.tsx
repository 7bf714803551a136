import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useLogin } from '../api/login';
import './auth.css';

/** Shown in place of any page when nobody is signed in; the URL stays, so a shared link opens after sign-in. */
export function SignInPage() {
  useDocumentTitle('Log ind');
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password });
  };

  return (
    <main className="sign-in">
      <form className="sign-in__form" onSubmit={submit} aria-labelledby="sign-in-title">
        <p className="sign-in__brand">LIS · Ledelsesinformation</p>
        <h1 id="sign-in-title">Log ind</h1>
        <label htmlFor="username">Brugernavn</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor="password">Adgangskode</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {login.isError && (
          <p className="sign-in__error" role="alert">
            {signInError(login.error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={login.isPending}>
          {login.isPending ? 'Logger ind …' : 'Log ind'}
        </button>
      </form>
    </main>
  );
}

function signInError(error: unknown): string {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'unauthenticated') return 'Forkert brugernavn eller adgangskode.';
  // per address a minute, per user until 15 minutes after the first failed attempt
  if (code === 'too_many_requests') return 'For mange forsøg. Vent lidt (højst et kvarter), og prøv igen.';
  if (code === 'network') return 'Kunne ikke få forbindelse til serveren. Prøv igen.';
  return 'Log ind mislykkedes. Prøv igen.';
}
