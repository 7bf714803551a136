import type { FollowUp } from '@lis/contracts';
import { ExportLinks } from '../../../components/ui/export-links';
import { samePeriodLastYear } from '../../../lib/format';
import { followUpExportUrl } from '../api/get-follow-up';
import { AccountsPanel } from './accounts-panel';
import { CategoryCards } from './category-cards';
import { ChildrenTable } from './children-table';
import { CumulativePanel } from './cumulative-panel';
import { DeviationPanel } from './deviation-panel';
import { HeadlineFigures } from './headline-figures';
import '../../../lib/echarts-detail';
import './budget.css';

interface BudgetPageProps {
  followUp: FollowUp;
  /** the chart-of-accounts level shown ('' = hovedkonti) */
  account: string;
  /** the previous unit or month is shown while this one loads */
  updating: boolean;
}

/** Budget follow-up of a unit for a month: drift, the year so far and its deviation, categories, units and accounts. Lazy-loaded. */
export default function BudgetPage({ followUp, account, updating }: BudgetPageProps) {
  const { org, period } = followUp;
  return (
    <div className="budget">
      <div className="toolbar no-print">
        <ExportLinks what="budgetopfølgningen" urlFor={(format) => followUpExportUrl(org.id, period, format)} />
      </div>
      <HeadlineFigures followUp={followUp} />
      <CumulativePanel followUp={followUp} loading={updating} />
      <DeviationPanel followUp={followUp} loading={updating} />
      <CategoryCards
        categories={followUp.byCategory}
        ownUnits={followUp.breakdown === 'own_units'}
        lastYear={samePeriodLastYear(period)}
      />
      <ChildrenTable followUp={followUp} account={account} />
      <AccountsPanel org={org} period={period} account={account} />
    </div>
  );
}
