import { FEEDS } from '@lis/contracts';
import { DEFAULT_TOLERANCE, type KpiAggregation, type KpiDefinition, type KpiUnit, MIN_GROUP_SIZE } from '@lis/domain';
import { formatNumber } from '../../../lib/format';

const UNIT_WORDS: Readonly<Record<KpiUnit, string>> = {
  pct: 'procent',
  days: 'dage',
  count: 'antal',
  dkk: 'kroner',
  score: 'score (0–100)',
};

const AGGREGATION_WORDS: Readonly<Record<KpiAggregation, string>> = {
  ratio:
    'Tæller og nævner summeres for hele enheden med underenheder og deles derefter – aldrig et gennemsnit af underenhedernes procenter.',
  sum: 'Summen af enheden og alle dens underenheder.',
  quantile: 'Beregnes af alle sager i enheden og dens underenheder – ikke ud fra underenhedernes egne tal.',
  difference: 'Afvigelserne summeres for enheden og alle dens underenheder.',
};

/** What the number is, from the catalogue: formula, source, which way is good, how it rolls up. */
export function KpiDefinitionPanel({ kpi, tolerance }: { kpi: KpiDefinition; tolerance: number | null }) {
  const tolerancePct = formatNumber((tolerance ?? DEFAULT_TOLERANCE) * 100, 0);
  return (
    <section className="panel" aria-labelledby="definition-title">
      <h2 id="definition-title">Definition</h2>
      <p>{kpi.description}</p>
      <dl className="definition">
        <dt>Formel</dt>
        <dd>{kpi.formula}</dd>
        <dt>Kilde</dt>
        <dd>
          Leverancen “{FEEDS[kpi.sourceFeed].title}” ({kpi.sourceFeed})
        </dd>
        <dt>Retning</dt>
        <dd>{kpi.direction === 'lower_is_better' ? 'Lavere er bedre' : 'Højere er bedre'}</dd>
        <dt>Enhed</dt>
        <dd>
          {UNIT_WORDS[kpi.unit]}, vist med {kpi.decimals} {kpi.decimals === 1 ? 'decimal' : 'decimaler'}
        </dd>
        <dt>Opgørelse</dt>
        <dd>
          {kpi.flow ? 'For måneden.' : 'Ved månedens udgang.'} {AGGREGATION_WORDS[kpi.aggregation]}
          {kpi.levels === 'kommune' && ' Opgøres kun for kommunen som helhed.'}
        </dd>
        <dt>Status</dt>
        <dd>
          Grøn, når målet er nået. Gul, når værdien er på den forkerte side af målet, men højst {tolerancePct} % af målet derfra.
          Rød derudover. Målet gælder for året og arves fra den nærmeste overordnede enhed, hvis enheden ikke selv har et.
        </dd>
        {kpi.carryForwardMonths > 0 && (
          <>
            <dt>Hyppighed</dt>
            <dd>Måles sjældnere end hver måned; den seneste måling vises i op til {kpi.carryForwardMonths} måneder efter.</dd>
          </>
        )}
        {kpi.showN && (
          <>
            <dt>n</dt>
            <dd>Antallet af sager, besvarelser eller medarbejdere bag tallet. Et lille n giver et usikkert tal.</dd>
          </>
        )}
        {kpi.personalData && (
          <>
            <dt>Diskretionering</dt>
            <dd>
              Personoplysninger: tallet vises ikke for enheder med færre end {MIN_GROUP_SIZE} medarbejdere (“diskretioneret”). Er
              én søsterenhed skjult, skjules også den mindste af de andre, så det skjulte tal ikke kan regnes ud. Tal over flere
              måneder (år til dato, løbende 12 måneder) skjules, hvis enheden var skjult i én af månederne. Enheden tæller stadig
              med i den overordnede enheds tal.
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
