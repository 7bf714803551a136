import type { BenchmarkResult } from '@lis/contracts';
import { formatDkk, formatNumber } from '../../../lib/format';

/** The own unit cost, the benchmark, the gap per person and the potential in kroner. */
export function ResultFigures({ result }: { result: BenchmarkResult }) {
  const { own, benchmark, potential, needAdjusted } = result;
  const perPerson = own.unitCost === null || benchmark === null ? null : own.unitCost - benchmark;
  const unit = needAdjusted ? 'kr. pr. behovsvægtet person' : 'kr. pr. person i målgruppen';
  return (
    <dl className="figures benchmark-figures">
      <div className="figure">
        <dt>Enhedsudgift, {own.name}</dt>
        <dd className="figure__value">{formatDkk(own.unitCost)}</dd>
        <dd className="figure__note">{unit}</dd>
      </div>
      <div className="figure">
        <dt>Benchmark</dt>
        <dd className="figure__value" data-testid="benchmark-value" data-value={benchmark ?? undefined}>
          {formatDkk(benchmark)}
        </dd>
        <dd className="figure__note">{result.methodName}</dd>
      </div>
      <div className="figure">
        <dt>Forskel pr. person</dt>
        <dd className="figure__value">
          {perPerson === null ? formatDkk(null) : `${perPerson > 0 ? '+' : ''}${formatDkk(perPerson)}`}
        </dd>
        <dd className="figure__note">{perPerson !== null && perPerson < 0 ? 'under benchmark' : 'enhedsudgift − benchmark'}</dd>
      </div>
      <div className="figure figure--potential">
        <dt>Potentiale</dt>
        <dd className="figure__value" data-testid="benchmark-potential" data-value={potential}>
          {formatDkk(potential)}
        </dd>
        <dd className="figure__note">{potentialNote(result)}</dd>
      </div>
      <div className="figure">
        <dt>Placering, {own.name}</dt>
        <dd
          className="figure__value"
          data-testid="benchmark-rank"
          data-position={result.rank?.position}
          data-of={result.rank?.of}
        >
          {result.rank ? `nr. ${result.rank.position} af ${result.rank.of}` : formatDkk(null)}
        </dd>
        <dd className="figure__note">{rankNote(result)}</dd>
      </div>
      <div className="figure">
        <dt>Målgruppe, {own.name}</dt>
        <dd className="figure__value">{formatNumber(own.targetPopulation, 0)}</dd>
        <dd className="figure__note">udgiftsbehovsindeks {formatNumber(own.needIndex, 3)}</dd>
      </div>
    </dl>
  );
}

function potentialNote({ gap, own, needAdjusted }: BenchmarkResult): string {
  if (gap === null) return `Kan ikke beregnes: ${own.name} eller gruppen mangler tal for året.`;
  if (gap < 0)
    return `Under benchmark: ${formatDkk(-gap)} under benchmark-niveauet. Intet potentiale, og det modregnes ikke i andre områder.`;
  return needAdjusted ? '(enhedsudgift − benchmark) × målgruppe × udgiftsbehovsindeks' : '(enhedsudgift − benchmark) × målgruppe';
}

function rankNote({ rank, own }: BenchmarkResult): string {
  if (!rank) return `${own.name} mangler tal for året.`;
  const group = rank.ownInGroup
    ? `${own.name} er med i gruppen`
    : `${own.name} er ikke med i gruppen og er placeret blandt gruppens ${rank.of - 1} kommuner`;
  return `Laveste enhedsudgift = nr. 1, lige store deler placering. ${group}.`;
}
