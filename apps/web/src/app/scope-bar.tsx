import type { KpiStatusValue } from '@lis/contracts';
import { MonthPicker } from '../components/ui/month-picker';
import { ChildUnitsNav } from '../features/org/components/child-units-nav';
import { OrgBreadcrumb } from '../features/org/components/org-breadcrumb';
import { OrgPicker } from '../features/org/components/org-picker';
import { useOrgTree } from '../lib/org-units';

interface Scope {
  orgId: string;
  period: string;
  latestPeriod: string | null;
  /** the same page for another unit or month */
  hrefFor: (scope: { org?: string; period?: string }) => string;
}

/** Breadcrumb above the title: where in the organisation the page is. */
export function ScopeBreadcrumb({ orgId, hrefFor }: Pick<Scope, 'orgId' | 'hrefFor'>) {
  const tree = useOrgTree().data;
  if (!tree) return null;
  return <OrgBreadcrumb tree={tree} currentId={orgId} hrefFor={(org) => hrefFor({ org })} />;
}

/** Unit and month pickers; with the units one level down (the drill-down) when asked. */
export function ScopeBar({
  orgId,
  period,
  latestPeriod,
  hrefFor,
  showChildren = false,
  childStatuses,
}: Scope & { showChildren?: boolean; childStatuses?: ReadonlyMap<string, KpiStatusValue> }) {
  const tree = useOrgTree().data;
  return (
    <>
      <div className="scope-bar">
        {tree && <OrgPicker tree={tree} currentId={orgId} hrefFor={(org) => hrefFor({ org })} />}
        <MonthPicker value={period} latest={latestPeriod ?? period} hrefFor={(month) => hrefFor({ period: month })} />
      </div>
      {showChildren && tree && (
        <ChildUnitsNav tree={tree} currentId={orgId} hrefFor={(org) => hrefFor({ org })} worstStatuses={childStatuses} />
      )}
    </>
  );
}
