/** What a reader sees while waiting, when there is nothing, and when a request failed: always in words. */
import type { ReactNode } from 'react';
import { ApiError } from '../../lib/api-client';
import { Link } from '../../lib/navigation';
import './ui.css';

export function Loading({ label = 'Henter data …' }: { label?: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="state state--empty" aria-live="polite">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const status = error instanceof ApiError ? error.status : -1;
  const parameter = error instanceof ApiError ? error.parameter : null;
  if (status === 403) {
    return (
      <section className="state state--error" role="alert" data-testid="no-access">
        <h2>Ingen adgang</h2>
        <p>
          {parameter === 'org'
            ? 'Du har ikke adgang til denne enhed. Du kan se din egen enhed og dens underenheder samt kommunen som helhed.'
            : 'Din rolle giver ikke adgang til nøgletallene.'}
        </p>
        <p>
          <Link href="/">Gå til din egen oversigt</Link>
        </p>
      </section>
    );
  }
  const { title, text } = describe(status, parameter);
  return (
    <section className="state state--error" role="alert">
      <h2>{title}</h2>
      <p>{text}</p>
      {onRetry && status !== 404 && status !== 400 && (
        <button type="button" className="button" onClick={onRetry}>
          Prøv igen
        </button>
      )}
      {(status === 404 || status === 400) && (
        <p>
          <Link href="/">Gå til din egen oversigt</Link>
        </p>
      )}
    </section>
  );
}

/** A short name for what went wrong, for the browser tab. */
export function errorTitle(error: unknown): string {
  const status = error instanceof ApiError ? error.status : -1;
  if (status === 403) return 'Ingen adgang';
  if (status === 404) return 'Findes ikke';
  return 'Fejl';
}

const PARAMETER_WORDS: Readonly<Record<string, string>> = {
  org: 'enheden',
  period: 'måneden',
  kpiId: 'nøgletallet',
  from: 'perioden',
};

function describe(status: number, parameter: string | null): { title: string; text: string } {
  const what = (parameter && PARAMETER_WORDS[parameter]) ?? 'siden';
  if (status === 404) return { title: 'Findes ikke', text: `Vi kunne ikke finde ${what}. Linket kan være forældet.` };
  if (status === 400) return { title: 'Ugyldigt link', text: `Adressen indeholder en ugyldig værdi for ${what}.` };
  if (status === 0)
    return { title: 'Ingen forbindelse', text: 'Kunne ikke få forbindelse til serveren. Tjek netværket, og prøv igen.' };
  if (status >= 500) return { title: 'Fejl på serveren', text: 'Serveren kunne ikke svare lige nu. Prøv igen om lidt.' };
  return { title: 'Noget gik galt', text: 'Data kunne ikke hentes. Prøv igen.' };
}
