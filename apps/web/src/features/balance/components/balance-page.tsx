import type { Balance } from '@lis/contracts';
import { BalanceChartPanel } from './balance-chart-panel';
import { PlanTable } from './plan-table';
import { PolicyTargets } from './policy-targets';
import { Reconciliation } from './reconciliation';
import '../../../lib/echarts-detail';
import './balance.css';

const SIGN_NOTE = 'Indtægter og låneoptagelse med +, udgifter med −, så linjerne summerer til resultaterne.';

/** The plan of a budget year: policy targets, results and the resultatopgørelse, and what changed since last year's plan. Lazy-loaded. */
export default function BalancePage({ balance, updating }: { balance: Balance; updating: boolean }) {
  const { budgetYear, years, comparison } = balance;
  return (
    <div className="balance">
      <PolicyTargets balance={balance} />
      <BalanceChartPanel balance={balance} loading={updating} />
      <section className="panel" aria-labelledby="plan-title">
        <h2 id="plan-title">Resultatopgørelse B{budgetYear}</h2>
        <PlanTable
          columns={years}
          budgetYear={budgetYear}
          caption={`Budget ${budgetYear} og overslagsår, mio. kr. ${SIGN_NOTE}`}
          testId="balance-table"
        />
      </section>
      <Reconciliation reconciliation={balance.reconciliation} />
      <section className="panel" aria-labelledby="comparison-title">
        <h2 id="comparison-title">
          {comparison ? `Ændringer fra B${comparison.budgetYear} til B${budgetYear}` : 'Ændringer fra sidste års plan'}
        </h2>
        {comparison && comparison.changes.length > 0 ? (
          <PlanTable
            columns={comparison.changes}
            budgetYear={budgetYear}
            caption={`B${budgetYear} minus B${comparison.budgetYear} for de år, begge planer dækker, mio. kr. + forbedrer resultatet, − forværrer det.`}
            changes
            testId="balance-changes"
          />
        ) : (
          <p className="panel__note">Der er ingen plan for B{budgetYear - 1} at sammenligne med.</p>
        )}
      </section>
    </div>
  );
}
