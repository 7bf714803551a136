import type { Balance, KpiStatusValue } from '@lis/contracts';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatDkk } from '../../../lib/format';
import { yearLabel } from '../lib/plan-rows';

const KNOWN: readonly string[] = ['green', 'yellow', 'red', 'no_data', 'suppressed', 'no_target'];
const asStatus = (status: string): KpiStatusValue => (KNOWN.includes(status) ? (status as KpiStatusValue) : 'no_data');

/** Each policy target per plan year: the value and its light as colour, icon and word. */
export function PolicyTargets({ balance }: { balance: Balance }) {
  const { budgetYear, years, policyTargets } = balance;
  return (
    <section className="panel" aria-labelledby="targets-title">
      <h2 id="targets-title">Politiske mål</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="policy-targets">
          <caption>Kommunens økonomiske mål målt på planen for hvert år</caption>
          <thead>
            <tr>
              <th scope="col">Mål</th>
              {years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {yearLabel(y.year, budgetYear)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {policyTargets.map((target) => (
              <tr key={target.id} data-testid={`policy-target-${target.id}`}>
                <th scope="row">{target.name}</th>
                {years.map((y) => {
                  const result = target.results.find((r) => r.year === y.year);
                  return (
                    <td key={y.year} className="num">
                      {result ? (
                        <span className="target-cell">
                          {formatDkk(result.value)}
                          <StatusBadge status={asStatus(result.status)} />
                        </span>
                      ) : (
                        formatDkk(null)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note">
        Driftsoverskud: grøn når målet er nået, gul tæt under. Anlæg “omkring” målet: grøn inden for 10 %, gul inden for 20 %.
      </p>
    </section>
  );
}
