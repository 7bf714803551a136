import { describeDeviation } from '../lib/amounts';

/** '+14,1 mio. kr. (+0,6 %) merforbrug': sign, size and what it means, coloured as a help only. */
export function Deviation({ deviation, correctedBudget }: { deviation: number | null; correctedBudget: number }) {
  const text = describeDeviation(deviation, correctedBudget);
  return (
    <span className={`deviation deviation--${text.tone}`}>
      {deviation !== null && (
        <>
          <span className="deviation__amount">{text.amount}</span> <span className="deviation__amount">({text.pct})</span>{' '}
        </>
      )}
      <span className="deviation__word">{text.word}</span>
    </span>
  );
}
