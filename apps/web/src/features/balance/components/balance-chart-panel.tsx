import type { Balance } from '@lis/contracts';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/echart';
import { buildBalanceOption } from '../charts/balance';

/** Results, anlæg and the policy targets per plan year. */
export function BalanceChartPanel({ balance, loading }: { balance: Balance; loading: boolean }) {
  const option = useMemo(() => buildBalanceOption(balance), [balance]);
  return (
    <section className="panel" aria-labelledby="balance-chart-title">
      <h2 id="balance-chart-title">Resultater og mål år for år</h2>
      <EChart option={option} height={380} loading={loading} testId="balance-chart" />
    </section>
  );
}
