import { FEEDS } from '@lis/contracts';
import type { KpiDefinition } from '@lis/domain';
import { formatMonth, formatTimestampDate } from '../../lib/format';

/** 'data pr. 27. nov. 2026 · kilde Sygefravær', and the month the figure is from when carried forward. */
export function Provenance({
  kpi,
  asOf,
  dataPeriod,
  period,
}: {
  kpi: KpiDefinition;
  asOf: string | null;
  dataPeriod: string | null;
  period: string;
}) {
  const carried = dataPeriod !== null && dataPeriod !== period;
  return (
    <p className="provenance">
      {asOf ? `data pr. ${formatTimestampDate(asOf)}` : 'ingen levering'} · kilde {FEEDS[kpi.sourceFeed].title}
      {carried && <> · tal fra {formatMonth(dataPeriod)}</>}
    </p>
  );
}
