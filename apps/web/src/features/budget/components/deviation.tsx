import { AMOUNT_UNIT_NAMES, type AmountUnit } from '@lis/domain';
import { describeDeviation } from '../lib/amounts';

/**
 * '+14,1 (+0,6 %) merforbrug' in a table whose header gives the unit, '+14,1 mio. kr. (+0,6 %)
 * merforbrug' with `withUnit` outside one: sign, size and what it means, coloured as a help only.
 */
export function Deviation({
  deviation,
  correctedBudget,
  unit,
  withUnit = false,
}: {
  deviation: number | null;
  correctedBudget: number;
  unit: AmountUnit;
  withUnit?: boolean;
}) {
  const text = describeDeviation(deviation, correctedBudget, unit);
  return (
    <span className={`deviation deviation--${text.tone}`}>
      {deviation !== null && (
        <>
          <span className="deviation__amount">
            {text.amount}
            {withUnit ? ` ${AMOUNT_UNIT_NAMES[unit]}` : ''}
          </span>{' '}
          <span className="deviation__amount">({text.pct})</span>{' '}
        </>
      )}
      <span className="deviation__word">{text.word}</span>
    </span>
  );
}
