import type { KpiDefinition } from '@lis/domain';
import { formatChange } from '../../lib/format';
import { compareWith } from '../../lib/kpi-change';

const VERDICT_WORDS = { better: 'en forbedring', worse: 'en forværring', unchanged: 'uændret' } as const;
const ARROWS = { up: '▲', down: '▼', flat: '→' } as const;

/** '▲ +0,3 pct.-point ift. nov. 2016', the arrow coloured by whether the change is good for this KPI. */
export function ChangeIndicator({
  current,
  earlier,
  kpi,
  against,
}: {
  current: number | null;
  earlier: number | null;
  kpi: KpiDefinition;
  /** what is compared with, e.g. 'nov. 2016' */
  against: string;
}) {
  const change = compareWith(current, earlier, kpi);
  if (!change) {
    return (
      <span className="change change--none">
        <span className="change__label">ift. {against}:</span> ingen sammenligning
      </span>
    );
  }
  return (
    <span className={`change change--${change.verdict}`} data-verdict={change.verdict}>
      <span className="change__label">ift. {against}:</span>{' '}
      <span className="change__arrow" aria-hidden="true">
        {ARROWS[change.arrow]}
      </span>{' '}
      {change.verdict === 'unchanged' ? 'uændret' : formatChange(change.delta, kpi)}
      {change.verdict !== 'unchanged' && <span className="visually-hidden"> ({VERDICT_WORDS[change.verdict]})</span>}
    </span>
  );
}
