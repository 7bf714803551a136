import type { Balance } from '@lis/contracts';
import {
  AMOUNT_UNIT_NAMES,
  effectOnResult,
  formatAmountIn,
  PLAN_ROW_SIGNS,
  RECONCILIATION_STATUS_WORDS,
  reconciliationWithoutEconomyYear,
} from '@lis/domain';

const effect = (amount: number | null) => (amount === null ? null : effectOnResult(amount));

/**
 * What reconciles with what: the plan's budget year against the economy feed's original budget
 * for the same year, line by line, signed as the resultatopgørelse above, with the server's reason
 * where they differ.
 */
export function Reconciliation({ reconciliation }: { reconciliation: Balance['reconciliation'] }) {
  const { year, economyHasYear, lines } = reconciliation;
  const unit = AMOUNT_UNIT_NAMES.mio;
  return (
    <section className="panel" aria-labelledby="reconciliation-title" data-testid="reconciliation">
      <h2 id="reconciliation-title">Afstemning med økonomien {year}</h2>
      <p className="panel__note">
        Budgetplanens budgetår {year} (vedtaget budget for hele kommunen) mod økonomifeedets oprindelige budget for {year},
        summeret over alle omkostningssteder efter kontoplanen. Service og overførsler er budgetopfølgningens drift, så de samme
        tal står som oprindeligt budget der. Afdrag, lån og finansforskydninger følges ikke op og afstemmes ikke.
      </p>
      {!economyHasYear && (
        <p className="table-note" data-testid="reconciliation-no-year">
          {reconciliationWithoutEconomyYear(year)}
        </p>
      )}
      {economyHasYear && (
        <div className="table-scroll">
          <table className="data-table" data-testid="reconciliation-table">
            <caption>
              Budget {year}, {unit}; {PLAN_ROW_SIGNS}
            </caption>
            <thead>
              <tr>
                <th scope="col">Linje</th>
                <th scope="col" className="num">
                  Budgetplan, {unit}
                </th>
                <th scope="col" className="num">
                  Økonomifeed, oprindeligt budget, {unit}
                </th>
                <th scope="col" className="num">
                  Forskel, {unit}
                </th>
                <th scope="col">Afstemning</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.line} data-testid={`reconciliation-${line.line}`} data-status={line.status}>
                  <th scope="row">{line.name}</th>
                  <td className="num" data-value={effect(line.plan) ?? undefined}>
                    {formatAmountIn(effect(line.plan), 'mio')}
                  </td>
                  <td className="num" data-value={effect(line.economy) ?? undefined}>
                    {formatAmountIn(effect(line.economy), 'mio')}
                  </td>
                  <td className="num">{formatAmountIn(effect(line.difference), 'mio')}</td>
                  <td className="reconciliation__reason">
                    <strong>{RECONCILIATION_STATUS_WORDS[line.status]}</strong>
                    {line.reason && <span className="plan-table__sub">{line.reason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
