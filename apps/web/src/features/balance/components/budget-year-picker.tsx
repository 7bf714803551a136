import { useId } from 'react';
import { navigate } from '../../../lib/navigation';
import type { BudgetYearOption } from '../lib/year-options';

/** A select of budget years; a year without a plan (only ever the one in the URL) is shown but cannot be chosen. */
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
          <option key={option.year} value={option.year} disabled={!option.hasPlan && option.year !== value}>
            Budget {option.year}
            {option.hasPlan ? '' : ' (ingen plan)'}
          </option>
        ))}
      </select>
    </div>
  );
}
