import { useId } from 'react';
import { navigate } from '../../../lib/navigation';

export interface BudgetYearOption {
  year: number;
  /** null while not known */
  hasPlan: boolean | null;
}

/** A select of budget years; years known to have no plan are shown but cannot be chosen. */
export function BudgetYearPicker({
  value,
  options,
  hrefFor,
}: {
  value: number;
  options: BudgetYearOption[];
  hrefFor: (year: number) => string;
}) {
  const id = useId();
  return (
    <div className="month-picker" data-testid="budget-year-picker">
      <label htmlFor={id}>Budgetår</label>
      <select id={id} value={value} onChange={(event) => navigate(hrefFor(Number(event.target.value)))}>
        {options.map((option) => (
          <option key={option.year} value={option.year} disabled={option.hasPlan === false && option.year !== value}>
            Budget {option.year}
            {option.hasPlan === false ? ' (ingen plan)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
