import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { ExportLinks } from '../../../components/ui/export-links';
import { EmptyState, ErrorMessage, Loading } from '../../../components/ui/query-state';
import { pressureExportUrl, useDemography, useDemographyPressure } from '../api/demography-api';
import { buildBandChangesOption } from '../charts/band-changes';
import { PopulationTable } from './population-table';
import { PressureTables } from './pressure-tables';
import '../../../lib/echarts-detail';
import './demography.css';

/** Population by band, actual and forecast, and the demographic pressure per area. Lazy-loaded. */
export default function DemographyPage() {
  const population = useDemography();
  const pressure = useDemographyPressure();
  const option = useMemo(() => (population.data ? buildBandChangesOption(population.data) : null), [population.data]);
  if (population.isPending) return <Loading label="Henter befolkningen …" />;
  if (population.isError) return <ErrorMessage error={population.error} onRetry={() => population.refetch()} />;
  const data = population.data;
  if (data.currentYear === null)
    return (
      <EmptyState title="Der er ingen befolkningstal endnu">
        <p>Befolkningen leveres i leverancen population (eller importeres fra Danmarks Statistik, FOLK1A).</p>
      </EmptyState>
    );
  return (
    <div className="demography">
      <section className="panel" aria-labelledby="population-title">
        <h2 id="population-title">
          Befolkning {data.currentYear}–{data.toYear}
        </h2>
        <p className="demography-sub" data-testid="demography-basis">
          Faktisk til {data.currentYear}, derefter {data.vintage ? `“${data.vintage}”` : 'ingen prognose'}; budgetår{' '}
          {data.budgetYear ?? '–'} + 3.
        </p>
        {option && <EChart option={option} height={320} testId="population-chart" />}
        <PopulationTable data={data} />
      </section>
      <section className="panel" aria-labelledby="pressure-title">
        <div className="panel__header">
          <h2 id="pressure-title">Demografisk pres</h2>
          <ExportLinks what="det demografiske pres med grundlag" urlFor={pressureExportUrl} testIds={{ xlsx: 'pressure-xlsx' }} />
        </div>
        {pressure.isPending && <Loading label="Henter det demografiske pres …" />}
        {pressure.isError && <ErrorMessage error={pressure.error} onRetry={() => pressure.refetch()} />}
        {pressure.isSuccess && <PressureTables pressure={pressure.data} />}
      </section>
      <section className="panel" aria-labelledby="notes-title">
        <h2 id="notes-title">Sådan er tallene lavet</h2>
        <ul className="demography-notes" data-testid="demography-notes">
          {(pressure.data?.notes ?? data.notes).map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
