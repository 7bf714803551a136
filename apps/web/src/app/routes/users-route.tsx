import { lazy, Suspense } from 'react';
import { ErrorMessage, Loading } from '../../components/ui/query-state';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/me';
import { administersUsers } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

// For the administrators only: loads on first visit.
const UsersPage = lazy(() => import('../../features/users/components/users-page'));

export function UsersRoute() {
  const me = useMe().data;
  useDocumentTitle(null, 'Brugere');
  return (
    <div>
      <header className="page-header">
        <h1>Brugere</h1>
        <p className="page-header__sub">Hvem der har adgang til LIS, og hvilke grupper i kommunens login der giver adgang</p>
      </header>
      {me && !administersUsers(me.role) && <ErrorMessage error={new ApiError(403, 'users', { code: 'role_forbidden' })} />}
      {me && administersUsers(me.role) && (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <UsersPage me={me} />
        </Suspense>
      )}
    </div>
  );
}
