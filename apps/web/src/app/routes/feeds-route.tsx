import { roleCan } from '@lis/contracts';
import { lazy, Suspense } from 'react';
import { ErrorMessage, Loading } from '../../components/ui/query-state';
import { ApiError } from '../../lib/api-client';
import { useMe } from '../../lib/me';
import { loadsFeeds } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';

// The upload form and the ledger are for a few users: they load on first visit.
const FeedsPage = lazy(() => import('../../features/feeds/components/feeds-page'));

export function FeedsRoute() {
  const me = useMe().data;
  useDocumentTitle(null, 'Leverancer');
  return (
    <div>
      <header className="page-header">
        <h1>Leverancer</h1>
        <p className="page-header__sub">
          Indlæs data til LIS{me && roleCan(me.role, 'batches:read') ? ', og se og genindsæt tidligere leverancer' : ''}
        </p>
      </header>
      {me && !loadsFeeds(me.role) && <ErrorMessage error={new ApiError(403, 'feeds', { code: 'role_forbidden' })} />}
      {me && loadsFeeds(me.role) && (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <FeedsPage me={me} />
        </Suspense>
      )}
    </div>
  );
}
