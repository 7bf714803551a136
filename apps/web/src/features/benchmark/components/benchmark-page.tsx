import { useMemo, useState } from 'react';
import { EChart } from '../../../components/charts/echart';
import { ExportLinks } from '../../../components/ui/export-links';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/me';
import { navigate } from '../../../lib/navigation';
import { benchmarkHref, savedPeersName } from '../../../lib/url-state';
import type { BenchmarkArea } from '../api/get-areas';
import { type BenchmarkInput, benchmarkExportUrl, useBenchmark } from '../api/get-benchmark';
import { usePeerGroups } from '../api/peer-groups';
import { benchmarkBars, benchmarkChartHeight, buildBenchmarkOption } from '../charts/benchmark-bars';
import { savesPeerGroups } from '../lib/peer-group-rights';
import { AreaAccounts } from './area-accounts';
import { BenchmarkControls } from './benchmark-controls';
import { PeersTable } from './peers-table';
import { ResultFigures } from './result-figures';
import { StorePeersNote } from './store-peers';
import { SummaryPanel } from './summary-panel';
import { TrendPanel } from './trend-panel';
import '../../../lib/echarts-detail';
import './benchmark.css';

/** Until the first answer names it: only used to keep it off the own list. */
const UNKNOWN_OWN = { municipality: '', name: 'Egen kommune' };

/** One area against the chosen peers, and every area with the same choice. Lazy-loaded. */
export default function BenchmarkPage({ state, areas }: { state: BenchmarkInput; areas: BenchmarkArea[] }) {
  const benchmark = useBenchmark(state);
  const groups = usePeerGroups().data ?? [];
  const savesGroups = savesPeerGroups(useMe().data?.role);
  const own = useLast(benchmark.data?.own) ?? UNKNOWN_OWN;
  const result = benchmark.data;
  const change = (next: Partial<BenchmarkInput>) => navigate(benchmarkHref({ ...state, ...next }));
  const option = useMemo(() => (result ? buildBenchmarkOption(result) : null), [result]);
  // the summary would only repeat that the saved list is gone
  const savedMissing = isSavedMissing(benchmark.error, state.peers);

  return (
    <div className="benchmark">
      <section className="panel" aria-label="Valg">
        <BenchmarkControls state={state} areas={areas} groups={groups} own={own} savesGroups={savesGroups} onChange={change} />
      </section>
      {benchmark.isPending && <Loading label="Henter benchmark …" />}
      {benchmark.isError && <BenchmarkError error={benchmark.error} state={state} onRetry={() => benchmark.refetch()} />}
      {result && option && (
        <section
          className={`panel${benchmark.isPlaceholderData ? ' is-updating-table' : ''}`}
          aria-labelledby="benchmark-title"
          aria-busy={benchmark.isFetching}
        >
          <div className="panel__header">
            <h2 id="benchmark-title">
              {result.areaName}, {result.year}
            </h2>
            <ExportLinks
              what="benchmarkberegningen"
              urlFor={(format) => benchmarkExportUrl(state, format)}
              testIds={{ csv: 'export-csv', xlsx: 'export-xlsx' }}
            />
          </div>
          <p className="benchmark-basis" data-testid="benchmark-basis">
            Sammenlignet med {savedPeersName(result.peerGroup) === null ? '' : 'den gemte liste '}
            <strong>{result.peerGroupName}</strong> efter metoden <strong>{result.methodName.toLocaleLowerCase('da')}</strong>.{' '}
            <strong data-testid="own-in-group">
              {result.own.name} er {result.includeOwn ? 'med i gruppen' : 'ikke med i gruppen'}
            </strong>
            {result.includeOwn ? ' (som i KORA’s analyse).' : '.'}{' '}
            {result.needAdjusted
              ? 'Enhedsudgifterne er behovskorrigerede (divideret med udgiftsbehovsindekset).'
              : 'Ikke behovskorrigeret.'}
          </p>
          <p className="benchmark-basis">
            Nettodriftsudgifter (dranst 1+2).{' '}
            <span data-testid="benchmark-price" data-price-year={result.priceYear ?? undefined}>
              Prisår: <strong>{result.priceBasis}</strong>.
            </span>{' '}
            <span data-testid="benchmark-source" data-source={result.sourceKind}>
              Kilde: {result.source}.
            </span>
          </p>
          {result.storePeers && <StorePeersNote storePeers={result.storePeers} />}
          {result.methodNote && (
            <p className="benchmark-basis" role="note" data-testid="benchmark-method-note">
              {result.methodNote}
            </p>
          )}
          <p className="caveat" role="note" data-testid="benchmark-caveat">
            <strong>Forbehold:</strong> {result.caveat}
          </p>
          <ResultFigures result={result} />
          <EChart
            option={option}
            height={benchmarkChartHeight(benchmarkBars(result).length)}
            loading={benchmark.isPlaceholderData}
            testId="benchmark-chart"
          />
          <PeersTable result={result} />
          <TrendPanel result={result} />
        </section>
      )}
      {result && <AreaAccounts area={result.area} year={result.year} />}
      {!savedMissing && (
        <SummaryPanel input={state} area={state.area} hrefForArea={(area) => benchmarkHref({ ...state, area })} />
      )}
    </div>
  );
}

/**
 * A need adjustment over a peer without an index fails by design (ADR 0007), and a saved list can
 * have been deleted since the link was made: say so in words, next to the choices that mend it.
 */
function BenchmarkError({ error, state, onRetry }: { error: unknown; state: BenchmarkInput; onRetry: () => void }) {
  const { peers } = state;
  if (isSavedMissing(error, peers))
    return (
      <section className="state state--error" role="alert" data-testid="saved-group-missing">
        <h2>Den gemte liste “{savedPeersName(peers)}” findes ikke</h2>
        <p>Den kan være slettet eller omdøbt. Vælg en anden sammenligningsgruppe ovenfor.</p>
      </section>
    );
  if (isApiError(error, 'invalid_parameter') && error.parameter === 'needAdjusted')
    return (
      <section className="state state--error" role="alert">
        <h2>Behovskorrektion er ikke mulig for denne gruppe</h2>
        <p>En eller flere kommuner i gruppen mangler et udgiftsbehovsindeks for året ({error.message}).</p>
        <p>Slå behovskorrektionen fra, eller vælg en anden gruppe.</p>
      </section>
    );
  if (state.source === 'store' && isApiError(error, 'invalid_parameter') && ['year', 'peers'].includes(error.parameter ?? ''))
    return (
      <section className="state state--error" role="alert" data-testid="store-source-error">
        <h2>Egne tal i LIS kan ikke give benchmarket</h2>
        <p>
          {error.parameter === 'year'
            ? `${state.year} er ikke et afsluttet regnskabsår med befolkningstal for kommunen i LIS`
            : 'Ingen af kommunerne i gruppen har regnskab og befolkningstal for året i LIS'}{' '}
          ({error.message}).
        </p>
        <p>Vælg kilden Danmarks Statistik, et andet år eller en anden gruppe.</p>
      </section>
    );
  return <ErrorMessage error={error} onRetry={onRetry} />;
}

/** The API does not know the saved list the URL names. */
const isSavedMissing = (error: unknown, peers: string): boolean =>
  isApiError(error, 'invalid_parameter') && error.parameter === 'peers' && savedPeersName(peers) !== null;

/** The last value that was defined: the own municipality stays known while a choice fails. */
function useLast<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
