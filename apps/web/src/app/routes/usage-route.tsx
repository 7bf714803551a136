import { lazy, Suspense } from 'react';
import { ErrorMessage, Loading } from '../../components/ui/query-state';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/me';
import { readsUsage } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

// For the administrators and the direktion only: loads on first visit.
const UsagePage = lazy(() => import('../../features/usage/components/usage-page'));

export function UsageRoute() {
  const me = useMe().data;
  useDocumentTitle(null, 'Anvendelse');
  return (
    <div>
      <header className="page-header">
        <h1>Anvendelse</h1>
        <p className="page-header__sub">
          Hvor meget LIS bruges i organisationen: aktive brugere, log-ind, sidevisninger og forklaringer skrevet til tiden pr.
          forvaltning og måned, fra LIS' egne registreringer
        </p>
      </header>
      {me && !readsUsage(me.role) && <ErrorMessage error={new ApiError(403, 'usage', { code: 'role_forbidden' })} />}
      {me && readsUsage(me.role) && (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <UsagePage />
        </Suspense>
      )}
    </div>
  );
}
