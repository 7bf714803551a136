import { lazy, Suspense } from 'react';
import { Loading } from '../../components/ui/query-state';
import { useDocumentTitle } from '../../lib/use-document-title';

// Tables and chart load on first visit: the overview stays small.
const DemographyPage = lazy(() => import('../../features/demography/components/demography-page'));

/** Population by age band and the demographic pressure on the core tasks (kommune totals). */
export function DemographyRoute() {
  useDocumentTitle(null, 'Demografi');
  return (
    <div>
      <header className="page-header">
        <h1>Demografi</h1>
        <p className="page-header__sub">
          Befolkning efter alder, faktisk og prognose, og hvad ændringen i målgrupperne koster · hele kommunen
        </p>
      </header>
      <Suspense fallback={<Loading label="Henter siden …" />}>
        <DemographyPage />
      </Suspense>
    </div>
  );
}
