import type { UsageReport } from '@lis/contracts';
import { Fragment, useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { ErrorMessage, Loading } from '../../../components/ui/query-state';
import '../../../lib/echarts-detail';
import { formatCount, formatMonth } from '../../../lib/format';
import { useUsage } from '../api/usage-api';
import { buildActiveUsersOption } from '../charts/active-users';
import { USAGE_MEASURES, usageCsv, usageGroups } from '../lib/usage-table';
import './usage.css';

/** "Anvendelse": how much LIS is used, per forvaltning and month (admin and direktion). */
export default function UsagePage() {
  const usage = useUsage();
  if (usage.isPending) return <Loading label="Henter anvendelsen …" />;
  if (usage.isError) return <ErrorMessage error={usage.error} onRetry={() => usage.refetch()} />;
  return <UsageReportView report={usage.data} />;
}

function UsageReportView({ report }: { report: UsageReport }) {
  const option = useMemo(() => buildActiveUsersOption(report), [report]);
  const csvHref = useMemo(() => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${usageCsv(report)}`)}`, [report]);
  const groups = usageGroups(report);
  // newest month first: the month that matters is in view without scrolling sideways
  const columns = report.months.map((month, index) => ({ month, index })).reverse();
  return (
    <div className="usage">
      <section className="panel" aria-labelledby="usage-chart-title">
        <h2 id="usage-chart-title">Aktive brugere pr. måned</h2>
        <EChart option={option} height={320} testId="usage-chart" />
      </section>
      <section className="panel" aria-labelledby="usage-table-title">
        <div className="usage__heading">
          <h2 id="usage-table-title">
            Forvaltning og måned, {formatMonth(report.from)} – {formatMonth(report.to)}
          </h2>
          <a
            className="button button--small"
            href={csvHref}
            download={`anvendelse-${report.from}-${report.to}.csv`}
            data-testid="usage-csv"
          >
            Hent som CSV
          </a>
        </div>
        <div className="table-scroll">
          <table className="data-table usage-table" data-testid="usage-table">
            <thead>
              <tr>
                <th scope="col">Forvaltning</th>
                <th scope="col">Tal</th>
                {columns.map(({ month }) => (
                  <th scope="col" className="num" key={month}>
                    {formatMonth(month)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <Fragment key={group.id}>
                  {USAGE_MEASURES.map((measure, index) => (
                    <tr
                      key={measure.key}
                      className={index === 0 ? 'usage-table__first' : undefined}
                      data-testid={`usage-${group.id || 'tvaergaaende'}-${measure.key}`}
                    >
                      {index === 0 && (
                        <th scope="rowgroup" rowSpan={USAGE_MEASURES.length}>
                          {group.name}
                        </th>
                      )}
                      <th scope="row" className="usage-table__measure">
                        {measure.name}
                      </th>
                      {columns.map(({ month, index }) => (
                        <td className="num" key={month}>
                          {formatCount(group.months[index]?.[measure.key] ?? 0)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
        <p className="usage__note">
          En chef tælles i forvaltningen over hver af sine enheder (en chef med enheder i to forvaltninger i begge); andre roller
          under «Hele kommunen / tværgående». Hele kommunen i alt tæller hver person én gang. Sidevisninger tælles højst én gang i
          minuttet pr. person og sidetype. Forklaringer til tiden: forklaringer på månedens tal for forvaltningens enheder,
          skrevet første gang senest ved udgangen af måneden efter.
        </p>
      </section>
    </div>
  );
}
