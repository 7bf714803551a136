import type { Balance } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, formatAmountIn } from '@lis/domain';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatNumber } from '../../../lib/format';
import { yearLabel } from '../lib/plan-rows';

type PolicyTarget = Balance['policyTargets'][number];

/** How the server judged a target, in words: its rule and its delivered tolerance. */
function ruleNote(target: PolicyTarget): string {
  const band = `${formatNumber(target.tolerance * 100, 0)} %`;
  const twice = `${formatNumber(target.tolerance * 200, 0)} %`;
  return target.rule === 'about'
    ? `${target.name}: grøn inden for ${band} af målet til begge sider, gul inden for ${twice}.`
    : `${target.name}: grøn når målet er nået, gul op til ${band} under.`;
}

/** Each policy target per plan year: the value and the server's light as colour, icon and word. */
export function PolicyTargets({ balance }: { balance: Balance }) {
  const { budgetYear, years, policyTargets } = balance;
  return (
    <section className="panel" aria-labelledby="targets-title">
      <h2 id="targets-title">Politiske mål</h2>
      {policyTargets.length === 0 ? (
        <p data-testid="policy-targets-none">
          Der er ikke leveret politiske mål for budget {budgetYear}. De leveres i leverancen Mål (targets) for kommunen og
          budgetåret: operating_surplus for driftsoverskuddet og capital_spending for anlæg.
        </p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid="policy-targets">
              <caption>Kommunens økonomiske mål målt på planen for hvert år, mio. kr.</caption>
              <thead>
                <tr>
                  <th scope="col">Mål ({AMOUNT_UNIT_NAMES.mio})</th>
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
                              {formatAmountIn(result.value, 'mio')}
                              <StatusBadge status={result.status} />
                            </span>
                          ) : (
                            formatAmountIn(null, 'mio')
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {policyTargets.map((target) => (
            <p key={target.id} className="table-note">
              {ruleNote(target)}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
