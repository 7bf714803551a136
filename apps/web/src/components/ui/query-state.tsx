/** What a reader sees while waiting, when there is nothing, and when a request failed: always in words. */
import type { ReactNode } from 'react';
import { ApiError, type ApiErrorCode, isApiError } from '../../lib/api-client';
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
  const code = error instanceof ApiError ? error.code : null;
  const parameter = error instanceof ApiError ? error.parameter : null;
  if (code === 'org_forbidden' || code === 'role_forbidden') {
    return (
      <section className="state state--error" role="alert" data-testid="no-access" data-code={code}>
        <h2>Ingen adgang</h2>
        <p>
          {code === 'org_forbidden'
            ? 'Du har ikke adgang til denne enhed. Du kan se din egen enhed og dens underenheder samt kommunen som helhed.'
            : 'Din rolle giver ikke adgang til disse oplysninger. Kontakt LIS-administratoren, hvis du skal bruge dem.'}
        </p>
        <p>
          <Link href="/">Gå til din egen oversigt</Link>
        </p>
      </section>
    );
  }
  const { title, text } = describeError(code, parameter);
  const wrongLink = code === 'not_found' || code === 'invalid_parameter';
  return (
    <section className="state state--error" role="alert">
      <h2>{title}</h2>
      <p>{text}</p>
      {onRetry && !wrongLink && (
        <button type="button" className="button" onClick={onRetry}>
          Prøv igen
        </button>
      )}
      {wrongLink && (
        <p>
          <Link href="/">Gå til din egen oversigt</Link>
        </p>
      )}
    </section>
  );
}

/** A short name for what went wrong, for the browser tab. */
export function errorTitle(error: unknown): string {
  if (isApiError(error, 'org_forbidden', 'role_forbidden')) return 'Ingen adgang';
  if (isApiError(error, 'not_found')) return 'Findes ikke';
  if (isApiError(error, 'load_in_progress')) return 'Indlæsning i gang';
  return 'Fejl';
}

const PARAMETER_WORDS: Readonly<Record<string, string>> = {
  org: 'enheden',
  period: 'måneden',
  kpiId: 'nøgletallet',
  from: 'perioden',
  budgetYear: 'budgetåret',
  area: 'området',
  year: 'året',
  peers: 'sammenligningsgruppen',
};

/** The heading and sentence a reader sees for an error (exported for tests). */
export function describeError(code: ApiErrorCode | null, parameter: string | null): { title: string; text: string } {
  const what = (parameter && PARAMETER_WORDS[parameter]) ?? 'siden';
  switch (code) {
    case 'not_found':
      return { title: 'Findes ikke', text: `Vi kunne ikke finde ${what}. Linket kan være forældet.` };
    case 'invalid_parameter':
      return { title: 'Ugyldigt link', text: `Adressen indeholder en ugyldig værdi for ${what}.` };
    case 'network':
      return { title: 'Ingen forbindelse', text: 'Kunne ikke få forbindelse til serveren. Tjek netværket, og prøv igen.' };
    case 'too_large':
      return {
        title: 'Filen er for stor',
        text: 'Filen er større, end serveren tager imod (LIS_MAX_UPLOAD_MB, 200 MB som standard).',
      };
    case 'unsupported_media_type':
      return { title: 'Filtypen kan ikke læses', text: 'Send filen som CSV, XLSX eller JSON.' };
    case 'too_many_requests':
      return { title: 'For mange forespørgsler', text: 'Serveren får for mange forespørgsler lige nu. Vent lidt, og prøv igen.' };
    case 'load_in_progress':
      // The embedded store answers nothing else while it loads a delivery (docs/architecture.md).
      return { title: 'Indlæsning i gang', text: 'Indlæsning i gang – prøv igen om lidt.' };
    case 'store_unavailable':
      return { title: 'Databasen svarer ikke', text: 'Serveren kan ikke nå databasen lige nu. Prøv igen om lidt.' };
    case 'read_only':
      // Only the read replica answers (docs/deployment.md): figures can be read, nothing saved.
      return { title: 'Kun læsning lige nu', text: 'Databasen tager ikke imod ændringer lige nu. Prøv igen om lidt.' };
    case 'internal':
      return { title: 'Fejl på serveren', text: 'Serveren kunne ikke svare lige nu. Prøv igen om lidt.' };
    default:
      return { title: 'Noget gik galt', text: 'Data kunne ikke hentes. Prøv igen.' };
  }
}
