import type { FollowUp } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, type AmountUnit } from '@lis/domain';
import { formatPct } from '../../../lib/format';
import { formatAmount } from '../lib/amounts';
import { Deviation } from './deviation';

type Figures = Pick<FollowUp, 'correctedBudget' | 'actualsYtd' | 'consumptionPct' | 'forecast' | 'deviation'>;

/**
 * The figure columns the unit and account tables share, so they read alike; each amount column
 * names the table's unit. `lastYear`: the same period last year's label ('jan.–okt. 2015'), for a
 * column of last year's actuals beside this year's.
 */
export function FigureHeaders({ unit, lastYear }: { unit: AmountUnit; lastYear?: string }) {
  const name = AMOUNT_UNIT_NAMES[unit];
  return (
    <>
      <th scope="col" className="num">
        Korrigeret budget, {name}
      </th>
      <th scope="col" className="num">
        Forbrug år til dato, {name}
      </th>
      {lastYear && (
        <th scope="col" className="num">
          Forbrug {lastYear}, {name}
        </th>
      )}
      <th scope="col" className="num">
        Forbrugs&shy;procent
      </th>
      <th scope="col" className="num">
        Forventet regnskab, {name}
      </th>
      <th scope="col">Afvigelse, {name}</th>
    </>
  );
}

export function FigureCells({
  figures,
  unit,
  lastYear,
}: {
  figures: Figures;
  unit: AmountUnit;
  /** last year's actuals to the same month, when the table has that column */
  lastYear?: { actualsYtdLastYear: number | null };
}) {
  return (
    <>
      <td className="num">{formatAmount(figures.correctedBudget, unit)}</td>
      <td className="num">{formatAmount(figures.actualsYtd, unit)}</td>
      {lastYear && (
        <td className="num" data-testid="last-year-actuals" data-value={lastYear.actualsYtdLastYear ?? undefined}>
          {formatAmount(lastYear.actualsYtdLastYear, unit)}
        </td>
      )}
      <td className="num">{formatPct(figures.consumptionPct, 1)}</td>
      <td className="num">{formatAmount(figures.forecast, unit)}</td>
      <td>
        <Deviation deviation={figures.deviation} correctedBudget={figures.correctedBudget} unit={unit} />
      </td>
    </>
  );
}
