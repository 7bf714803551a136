import type { KpiDefinition } from '@lis/domain';
import { formatChange } from '../../lib/format';
import { compareWith } from '../../lib/kpi-change';

/** Shown in words beside the arrow, so better or worse never rests on colour alone. */
const VERDICT_WORDS = { better: 'bedre', worse: 'værre' } as const;
const ARROWS = { up: '▲', down: '▼', flat: '→' } as const;

/** 'ift. nov. 2016: ▲ +0,3 pct.-point (værre)': the arrow coloured and the word saying whether the change is good for this KPI. */
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
      {change.verdict !== 'unchanged' && <span className="change__verdict"> ({VERDICT_WORDS[change.verdict]})</span>}
    </span>
  );
}
