import type { FollowUp } from '@lis/contracts';
import { formatPct } from '../../../lib/format';
import { formatAmount } from '../lib/amounts';
import { Deviation } from './deviation';

type Figures = Pick<FollowUp, 'correctedBudget' | 'actualsYtd' | 'consumptionPct' | 'forecast' | 'deviation'>;

/** The figure columns the unit and account tables share, so they read alike. */
export function FigureHeaders() {
  return (
    <>
      <th scope="col" className="num">
        Korrigeret budget
      </th>
      <th scope="col" className="num">
        Forbrug år til dato
      </th>
      <th scope="col" className="num">
        Forbrugs&shy;procent
      </th>
      <th scope="col" className="num">
        Forventet regnskab
      </th>
      <th scope="col">Afvigelse</th>
    </>
  );
}

export function FigureCells({ figures }: { figures: Figures }) {
  return (
    <>
      <td className="num">{formatAmount(figures.correctedBudget)}</td>
      <td className="num">{formatAmount(figures.actualsYtd)}</td>
      <td className="num">{formatPct(figures.consumptionPct, 1)}</td>
      <td className="num">{formatAmount(figures.forecast)}</td>
      <td>
        <Deviation deviation={figures.deviation} correctedBudget={figures.correctedBudget} />
      </td>
    </>
  );
}
