import type { Indicator, OrgUnit, RollupView } from '@lis/contracts';
import type { KpiDefinition } from '@lis/domain';
import { useState } from 'react';
import { ExplanationPanel } from '../../../components/explanations/explanation-panel';
import { BreakdownPanel } from './breakdown-panel';
import { KpiDefinitionPanel } from './kpi-definition-panel';
import { KpiSummary } from './kpi-summary';
import { TrendPanel } from './trend-panel';
import { ViewChoice } from './view-choice';
import '../../../lib/echarts-detail';
import './kpi-detail.css';

interface KpiDetailPageProps {
  kpi: KpiDefinition;
  indicator: Indicator;
  org: OrgUnit;
  period: string;
}

/** One KPI for one unit: the month, the trend, the children and what the number means. Lazy-loaded. */
export default function KpiDetailPage({ kpi, indicator, org, period }: KpiDetailPageProps) {
  const [view, setView] = useState<RollupView>('then');
  return (
    <div className="kpi-detail">
      <KpiSummary kpi={kpi} indicator={indicator} period={period} />
      <ExplanationPanel explanationKey={{ kpiId: kpi.id, orgId: org.id, period }} orgName={org.name} />
      <ViewChoice view={view} onChange={setView} />
      <TrendPanel kpi={kpi} org={org} period={period} tolerance={indicator.tolerance} view={view} />
      <BreakdownPanel kpi={kpi} org={org} period={period} view={view} />
      <KpiDefinitionPanel kpi={kpi} tolerance={indicator.tolerance} />
    </div>
  );
}
