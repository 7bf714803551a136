import type { FollowUp } from '@lis/contracts';
import type { ReactNode } from 'react';
import { StatusBadge } from '../../../components/kpi/status-badge';
import { formatMonthLong, formatNumber, formatPct, samePeriodLastYear } from '../../../lib/format';
import { forecastMadeInText, formatAmountWithUnit, unitOfFigures } from '../lib/amounts';
import { Deviation } from './deviation';

/** Drift (service + overførsler) for the year up to the month: budget, actuals beside last year's, forecast, deviation. */
export function HeadlineFigures({ followUp }: { followUp: FollowUp }) {
  const f = followUp;
  // one unit for every figure: mio. kr., or 1.000 kr. for a small unit
  const unit = unitOfFigures([f]);
  const amount = (value: number | null) => formatAmountWithUnit(value, unit);
  const lastYearLabel = samePeriodLastYear(f.period);
  const againstPhased = f.phasedBudgetYtd === 0 ? null : (f.actualsYtd / f.phasedBudgetYtd) * 100;
  const pointsOverPhased =
    f.consumptionPct === null || f.phasedConsumptionPct === null ? null : f.consumptionPct - f.phasedConsumptionPct;
  return (
    <section className="panel" aria-labelledby="headline-title" data-testid="budget-headline">
      <h2 id="headline-title">
        Drift {f.year} til og med {formatMonthLong(f.period)}
      </h2>
      <p className="panel__note">
        Service og overførsler (dranst 1 og 2). Anlæg, forsyning og finansiering står for sig nedenfor.
      </p>
      <dl className="figures">
        <Figure term="Oprindeligt budget">{amount(f.originalBudget)}</Figure>
        <Figure term="Korrigeret budget">{amount(f.correctedBudget)}</Figure>
        <Figure term="Periodiseret budget år til dato">{amount(f.phasedBudgetYtd)}</Figure>
        <Figure term="Forbrug år til dato">{amount(f.actualsYtd)}</Figure>
        <Figure
          term={`Forbrug ${lastYearLabel}`}
          note={
            f.lastYear === null
              ? 'ingen forbrug bogført sidste år'
              : `samme periode sidste år; ${formatPct(f.lastYear.consumptionPct, 1)} af det års korrigerede budget (${amount(f.lastYear.correctedBudget)})`
          }
        >
          <span data-testid="budget-last-year" data-value={f.lastYear?.actualsYtd ?? undefined}>
            {amount(f.lastYear?.actualsYtd ?? null)}
          </span>
        </Figure>
        <Figure
          term="Forbrugsprocent"
          note={`af årets korrigerede budget; efter periodiseringen var ${formatPct(f.phasedConsumptionPct, 1)} ventet (${signed(pointsOverPhased)} pct.-point)`}
        >
          <span data-testid="budget-consumption-pct" data-value={f.consumptionPct ?? undefined}>
            {formatPct(f.consumptionPct, 1)}
          </span>{' '}
          <StatusBadge status={f.consumptionStatus} />
        </Figure>
        <Figure
          term="Forbrug mod periodiseret budget"
          note="forbrug år til dato i procent af det periodiserede budget år til dato"
        >
          {formatPct(againstPhased, 1)}
        </Figure>
        <Figure term="Forventet regnskab" note={forecastMadeInText(f.forecastMadeIn)}>
          {amount(f.forecast)}
        </Figure>
        <Figure term="Afvigelse" note="forventet regnskab − korrigeret budget; + er merforbrug">
          <Deviation deviation={f.deviation} correctedBudget={f.correctedBudget} unit={unit} withUnit />
        </Figure>
      </dl>
    </section>
  );
}

function Figure({ term, note, children }: { term: string; note?: string; children: ReactNode }) {
  return (
    <div className="figure">
      <dt>{term}</dt>
      <dd className="figure__value">{children}</dd>
      {note && <dd className="figure__note">{note}</dd>}
    </div>
  );
}

function signed(points: number | null): string {
  const text = formatNumber(points, 1);
  return points !== null && points > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}
