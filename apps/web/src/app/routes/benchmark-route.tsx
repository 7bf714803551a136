import { lazy, Suspense, useEffect } from 'react';
import { EmptyState, ErrorMessage, errorTitle, Loading } from '../../components/ui/query-state';
import { useBenchmarkAreas } from '../../features/benchmark/api/get-areas';
import { Link, navigate } from '../../lib/navigation';
import { type AppRoute, benchmarkHref } from '../../lib/url-state';
import { useDocumentTitle } from '../../lib/use-document-title';

// Controls, chart and tables load on first visit: the overview stays small.
const BenchmarkPage = lazy(() => import('../../features/benchmark/components/benchmark-page'));

type BenchmarkRouteProps = Extract<AppRoute, { page: 'benchmark' }>;

/** Unit costs against comparable municipalities. Without area or year: the first area and its latest year, then named in the URL. */
export function BenchmarkRoute({ page: _, ...state }: BenchmarkRouteProps) {
  const areas = useBenchmarkAreas();
  const area = areas.data?.find((a) => a.area === state.area) ?? (state.area === null ? areas.data?.[0] : undefined);
  const years = state.source === 'store' && area?.storeYears.length ? area.storeYears : area?.years;
  const year = state.year ?? (years ? Math.max(...years) : null);
  useDocumentTitle(areas.isError ? errorTitle(areas.error) : null, 'Benchmark', area?.name, year === null ? null : String(year));

  const resolved = area && year !== null ? { ...state, area: area.area, year } : null;
  useEffect(() => {
    if (resolved && (state.area === null || state.year === null)) navigate(benchmarkHref(resolved), { replace: true });
  }, [resolved, state.area, state.year]);

  if (areas.isPending) return <Loading label="Henter benchmark …" />;
  if (areas.isError) return <ErrorMessage error={areas.error} onRetry={() => areas.refetch()} />;
  return (
    <div>
      <header className="page-header">
        <h1>Benchmark</h1>
        <p className="page-header__sub">Enhedsudgifter sammenlignet med andre kommuner · hele kommunen</p>
      </header>
      {resolved ? (
        <Suspense fallback={<Loading label="Henter siden …" />}>
          <BenchmarkPage state={resolved} areas={areas.data} />
        </Suspense>
      ) : (
        <EmptyState title={areas.data.length === 0 ? 'Der er ingen benchmarkdata endnu' : `Området “${state.area}” findes ikke`}>
          {areas.data.length > 0 && (
            <ul aria-label="Vælg et af områderne">
              {areas.data.map((a) => (
                <li key={a.area}>
                  <Link href={benchmarkHref({ ...state, area: a.area, year: null })}>{a.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </EmptyState>
      )}
    </div>
  );
}
