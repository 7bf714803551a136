import { type KpiDefinition, roundToDecimals } from '@lis/domain';

type ChangeVerdict = 'better' | 'worse' | 'unchanged';

export interface Change {
  delta: number;
  arrow: 'up' | 'down' | 'flat';
  /** judged by the KPI's direction: more sick leave is worse, more cases within deadline is better */
  verdict: ChangeVerdict;
}

/** The change from an earlier value; null when either is missing. A change too small to print is 'unchanged'. */
export function compareWith(
  current: number | null,
  earlier: number | null,
  kpi: Pick<KpiDefinition, 'direction' | 'decimals'>,
): Change | null {
  if (current === null || earlier === null) return null;
  const delta = current - earlier;
  if (roundToDecimals(delta, kpi.decimals) === 0) return { delta, arrow: 'flat', verdict: 'unchanged' };
  const up = delta > 0;
  const better = kpi.direction === 'higher_is_better' ? up : !up;
  return { delta, arrow: up ? 'up' : 'down', verdict: better ? 'better' : 'worse' };
}
