import { type AuthMethods, OIDC_SIGN_IN_FAILURES, type OidcSignInFailure } from '@lis/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { pageUrl } from '../../../lib/api-typed';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuthMethods } from '../api/get-auth-methods';
import { useLogin } from '../api/login';
import { useSignedOut } from '../api/logout';
import { chosenMunicipality } from '../lib/municipality-choice';
import './auth.css';

/** When the server cannot say (an older server, a network error): the password form, as before. */
const PASSWORD_ONLY: AuthMethods = { local: true, oidc: null, accessContact: 'LIS-administratoren', municipalities: [] };
/** The municipality chosen last on this browser, in a shared install. */
const CHOSEN_KEY = 'lis.municipality';

/** Shown in place of any page when nobody is signed in; the URL stays, so a shared link opens after sign-in. */
export function SignInPage() {
  useDocumentTitle('Log ind');
  const methods = useAuthMethods();
  const signedOut = useSignedOut();
  const [failure] = useState(signInFailure);
  // read once: a reload or the next sign-in starts without the old reason
  useEffect(() => {
    if (failure) window.history.replaceState(null, '', currentPath());
  }, [failure]);

  const [chosen, choose] = useState(() => localStorage.getItem(CHOSEN_KEY));
  if (methods.isPending) return <main className="sign-in" aria-busy="true" />;
  const { local, oidc, accessContact, municipalities } = methods.data ?? PASSWORD_ONLY;
  const municipality = chosenMunicipality(municipalities, chosen);
  const remember = (code: string) => {
    localStorage.setItem(CHOSEN_KEY, code);
    choose(code);
  };
  return (
    <main className="sign-in">
      <section className="sign-in__form" aria-labelledby="sign-in-title">
        <p className="sign-in__brand">LIS · Ledelsesinformation</p>
        <h1 id="sign-in-title">Log ind</h1>
        {signedOut && (
          <p className="sign-in__notice" role="status" data-testid="signed-out">
            Du er logget ud af LIS.
            {signedOut.providerLogoutUrl && oidc && (
              <>
                {' '}
                <a href={signedOut.providerLogoutUrl}>Log også ud af {oidc.label}</a>
              </>
            )}
          </p>
        )}
        {failure && (
          <p className="sign-in__error" role="alert" data-testid="sign-in-failure">
            {failureText(failure, oidc?.label ?? 'kommunens login', accessContact)}
          </p>
        )}
        {municipality && (
          <>
            <label htmlFor="municipality">Kommune</label>
            <select id="municipality" value={municipality.code} onChange={(event) => remember(event.target.value)}>
              {municipalities.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name} Kommune
                </option>
              ))}
            </select>
          </>
        )}
        {oidc && (
          <a
            className="button button--primary"
            href={pageUrl('/auth/oidc/login', { query: { returnTo: currentPath(), municipality: municipality?.code } })}
          >
            Log ind med {oidc.label}
          </a>
        )}
        {local && oidc && <p className="sign-in__or">eller med brugernavn og adgangskode</p>}
        {local && <PasswordForm municipality={municipality?.code} />}
      </section>
    </main>
  );
}

function PasswordForm({ municipality }: { municipality: string | undefined }) {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password, municipality });
  };

  return (
    <form className="sign-in__password" onSubmit={submit}>
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
  );
}

/** The reason a sign-in through the identity provider came back with (`?login=…`). */
function signInFailure(): OidcSignInFailure | null {
  const reason = new URLSearchParams(window.location.search).get('login');
  if (reason === null) return null;
  return (OIDC_SIGN_IN_FAILURES as readonly string[]).includes(reason) ? (reason as OidcSignInFailure) : 'failed';
}

/** This page's address without the sign-in reason: where the identity provider's sign-in returns to. */
function currentPath(): string {
  const url = new URL(window.location.href);
  url.searchParams.delete('login');
  return url.pathname + url.search;
}

function failureText(failure: OidcSignInFailure, label: string, accessContact: string): string {
  if (failure === 'no_access') return `Du har ikke adgang til LIS endnu. Kontakt ${accessContact} for at få adgang.`;
  if (failure === 'disabled') return `Din bruger i LIS er spærret. Kontakt ${accessContact}.`;
  return `Log ind med ${label} mislykkedes. Prøv igen; kontakt ${accessContact}, hvis det bliver ved.`;
}

function signInError(error: unknown): string {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'unauthenticated') return 'Forkert brugernavn eller adgangskode.';
  if (code === 'local_login_disabled') return 'Log ind med brugernavn og adgangskode er slået fra. Brug kommunens login.';
  // per address a minute, per user until 15 minutes after the first failed attempt
  if (code === 'too_many_requests') return 'For mange forsøg. Vent lidt (højst et kvarter), og prøv igen.';
  if (code === 'network') return 'Kunne ikke få forbindelse til serveren. Prøv igen.';
  return 'Log ind mislykkedes. Prøv igen.';
}
