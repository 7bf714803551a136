import type { FollowUp } from '@lis/contracts';
import { AMOUNT_UNIT_NAMES, type AmountUnit, OPERATING_CATEGORIES } from '@lis/domain';
import type { ReactNode } from 'react';
import { formatPct } from '../../../lib/format';
import { formatAmountWithUnit, isIncome, unitOfFigures } from '../lib/amounts';
import { Deviation } from './deviation';
import { OwnUnitsNote } from './own-units-note';

type Category = FollowUp['byCategory'][number];

/**
 * Service, overførsler, anlæg, forsyning and finansiering side by side, never added up.
 * `ownUnits`: a chef at the kommune, whose categories cover their own units only (ADR 0003).
 */
export function CategoryCards({
  categories,
  ownUnits,
  lastYear,
}: {
  categories: Category[];
  ownUnits: boolean;
  /** the same period last year, 'jan.–okt. 2015' */
  lastYear: string;
}) {
  // one unit on every card, so the cards can be read side by side
  const unit = unitOfFigures(categories);
  return (
    <section className="panel" aria-labelledby="categories-title">
      <h2 id="categories-title">Fordelt på kategorier{ownUnits ? ': din del af kommunen' : ''}</h2>
      {ownUnits && <OwnUnitsNote />}
      <p className="panel__note">
        Kategorierne vises hver for sig og lægges ikke sammen til ét forbrug. Indtægter står som “indtægt”. Beløb i{' '}
        {AMOUNT_UNIT_NAMES[unit]}.
      </p>
      <ul className="category-cards" data-testid="budget-categories">
        {categories.map((category) => (
          <li key={category.category}>
            <CategoryCard category={category} unit={unit} lastYear={lastYear} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CategoryCard({ category: c, unit, lastYear }: { category: Category; unit: AmountUnit; lastYear: string }) {
  const income = isIncome(c.correctedBudget);
  return (
    <article className="category-card" aria-labelledby={`category-${c.category}`} data-testid={`budget-category-${c.category}`}>
      <h3 id={`category-${c.category}`}>
        {c.name}
        {OPERATING_CATEGORIES.includes(c.category) && <span className="category-card__tag">drift</span>}
      </h3>
      <dl>
        <Row term="Korrigeret budget">{formatAmountWithUnit(c.correctedBudget, unit)}</Row>
        <Row term={income ? 'Indtægt år til dato' : 'Forbrug år til dato'}>{formatAmountWithUnit(c.actualsYtd, unit)}</Row>
        <Row term={`${income ? 'Indtægt' : 'Forbrug'} ${lastYear}`}>
          <span data-testid="last-year-actuals" data-value={c.actualsYtdLastYear ?? undefined}>
            {formatAmountWithUnit(c.actualsYtdLastYear, unit)}
          </span>
        </Row>
        <Row term={income ? 'I procent af budgetteret indtægt' : 'Forbrugsprocent'}>{formatPct(c.consumptionPct, 1)}</Row>
        <Row term="Forventet regnskab">{formatAmountWithUnit(c.forecast, unit)}</Row>
        <Row term="Afvigelse">
          <Deviation deviation={c.deviation} correctedBudget={c.correctedBudget} unit={unit} withUnit />
        </Row>
      </dl>
    </article>
  );
}

/** Term and figure on one line when they fit, the figure under the term when not. */
function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="category-card__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
