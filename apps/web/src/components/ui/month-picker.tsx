import { addMonths } from '@lis/domain';
import { formatMonth, formatMonthLong } from '../../lib/format';
import { monthOptions } from '../../lib/months';
import { Link, navigate } from '../../lib/navigation';
import './ui.css';

/** A select (keyboard operable as is) with previous/next links; each choice is a navigation. */
export function MonthPicker({ value, latest, hrefFor }: { value: string; latest: string; hrefFor: (period: string) => string }) {
  const previous = addMonths(value, -1);
  const next = addMonths(value, 1);
  return (
    <div className="month-picker" data-testid="month-picker">
      <label htmlFor="month-picker-select">Måned</label>
      <div className="month-picker__controls">
        <Link
          className="button button--icon"
          href={hrefFor(previous)}
          aria-label={`Forrige måned (${formatMonthLong(previous)})`}
        >
          ‹
        </Link>
        <select id="month-picker-select" value={value} onChange={(event) => navigate(hrefFor(event.target.value))}>
          {monthOptions(latest, value).map((month) => (
            <option key={month} value={month}>
              {formatMonthLong(month)}
            </option>
          ))}
        </select>
        {next <= latest ? (
          <Link className="button button--icon" href={hrefFor(next)} aria-label={`Næste måned (${formatMonthLong(next)})`}>
            ›
          </Link>
        ) : (
          <span
            className="button button--icon is-disabled"
            aria-hidden="true"
            title={`Der er ingen data efter ${formatMonth(latest)}`}
          >
            ›
          </span>
        )}
      </div>
    </div>
  );
}
