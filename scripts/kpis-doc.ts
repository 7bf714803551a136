// Renders docs/kpis.md from the KPI catalogue (packages/domain), so the document cannot drift from
// the code. `pnpm docs:kpis` writes it; a test checks it is current.
import { DEFAULT_TOLERANCE, familyOf, KPIS, type KpiMeasure, MIN_GROUP_SIZE, THEME_NAMES } from '../packages/domain/src/index.ts';

const UNITS: Record<string, string> = { pct: '%', days: 'dage', count: 'antal', dkk: 'kr.', score: 'point' };
const AGGREGATION: Record<string, string> = {
  ratio: 'Σ tæller / Σ nævner over hele undertræet',
  sum: 'sum over hele undertræet',
  quantile: 'fraktil af alle enkeltrækker i undertræet',
  difference: 'sum af forskelle over undertræet',
};

export function renderKpisDoc(): string {
  const parts = [
    '# KPI catalogue\n\n',
    'Generated from the KPI families in `packages/domain/src/kpi-families/` (`pnpm docs:kpis`). Each KPI is defined in\n',
    'the one file its row names, with its feed, numerator and denominator (or statistic), scale and rollup; every\n',
    'rule it uses is a named export of `packages/domain`. The ids are contracts: scripts, the `kpi` and `targets`\n',
    'feeds and exports use them. Every value is computed for an org unit from the facts of its whole subtree\n',
    "(never as an average of the children's values), compared with the target of the unit or its nearest ancestor\n",
    `(green when met, yellow within the tolerance, default ${DEFAULT_TOLERANCE * 100} % of the target, red beyond; the value is compared as\n`,
    'shown, rounded to the KPI\'s decimals), and suppressed ("diskretioneret") for personal data when the unit has\n',
    `fewer than ${MIN_GROUP_SIZE} employees, or a survey fewer than ${MIN_GROUP_SIZE} answers (docs/adr/0004-small-group-suppression.md).\n\n`,
    '| id | name | unit | decimals | better | aggregation | source | theme | personal | year to date | defined in |\n',
    '|---|---|---|---|---|---|---|---|---|---|---|\n',
  ];
  for (const k of KPIS) {
    parts.push(
      `| \`${k.id}\` | ${k.name} | ${UNITS[k.unit] ?? k.unit} | ${k.decimals} | ${k.direction === 'higher_is_better' ? 'higher' : 'lower'} | ${AGGREGATION[k.aggregation] ?? k.aggregation} | ${k.sourceFeed} | ${THEME_NAMES[k.theme]} | ${k.personalData ? 'yes' : 'no'} | ${k.flow ? 'yes' : 'no'} | \`${familyOf(k.id).definedIn}\` |\n`,
    );
  }
  parts.push('\n## Definitions\n\n');
  for (const k of KPIS) {
    const family = familyOf(k.id);
    parts.push(`### ${k.name} (\`${k.id}\`)\n\n${k.description}\n\n- Formula: ${k.formula}\n`);
    parts.push(`- ${measureText(k.measure, family.sums)}; scale ${k.scale}.\n`);
    parts.push(
      `- Family ${family.name} (feed \`${family.sourceFeed}\`), computed by ${family.rollup}; defined in \`${family.definedIn}\`.\n`,
    );
    if (k.levels === 'kommune') parts.push('- Shown at kommune level only.\n');
    if (k.carryForwardMonths > 0)
      parts.push(
        `- Measured less often than monthly: a value is shown for ${k.carryForwardMonths} months after it, marked with the month it is from.\n`,
      );
    if (k.showN) parts.push('- n (the number behind the value) is shown beside it.\n');
    parts.push('\n');
  }
  return parts.join('');
}

function measureText(measure: KpiMeasure, sums: Readonly<Record<string, string>>): string {
  if ('quantile' in measure) return `Statistic: the ${measure.quantile} quantile of ${sums[measure.of]}`;
  if (measure.denominator === null) return `Sum: ${sums[measure.numerator]}`;
  return `Numerator: ${sums[measure.numerator]}. Denominator: ${sums[measure.denominator]}`;
}

if (process.argv[2] === '--write') {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('../docs/kpis.md', import.meta.url), renderKpisDoc());
  console.log('wrote docs/kpis.md');
}
