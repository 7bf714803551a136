// Renders docs/kpis.md from the KPI catalogue (packages/domain), so the document cannot drift from
// the code. `pnpm docs:kpis` writes it; a test checks it is current.
import { KPIS, THEME_NAMES } from '../packages/domain/src/index.ts';

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
    'Generated from `packages/domain/src/kpis.ts` (`pnpm docs:kpis`). The ids are contracts: scripts, the `kpi` and `targets`\n',
    'feeds and exports use them. Every value is computed for an org unit from the facts of its whole subtree\n',
    "(never as an average of the children's values), compared with the target of the unit or its nearest ancestor\n",
    '(green when met, yellow within the tolerance, default 10 % of the target, red beyond; the value is compared as\n',
    'shown, rounded to the KPI\'s decimals), and suppressed ("diskretioneret") for personal data when the unit has\n',
    'fewer than 5 employees, or a survey fewer than 5 answers (docs/adr/0004-small-group-suppression.md).\n\n',
    '| id | name | unit | decimals | better | aggregation | source | theme | personal | year to date |\n',
    '|---|---|---|---|---|---|---|---|---|---|\n',
  ];
  for (const k of KPIS) {
    parts.push(
      `| \`${k.id}\` | ${k.name} | ${UNITS[k.unit] ?? k.unit} | ${k.decimals} | ${k.direction === 'higher_is_better' ? 'higher' : 'lower'} | ${AGGREGATION[k.aggregation] ?? k.aggregation} | ${k.sourceFeed} | ${THEME_NAMES[k.theme]} | ${k.personalData ? 'yes' : 'no'} | ${k.flow ? 'yes' : 'no'} |\n`,
    );
  }
  parts.push('\n## Definitions\n\n');
  for (const k of KPIS) {
    parts.push(`### ${k.name} (\`${k.id}\`)\n\n${k.description}\n\n- Formula: ${k.formula}\n`);
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

if (process.argv[2] === '--write') {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('../docs/kpis.md', import.meta.url), renderKpisDoc());
  console.log('wrote docs/kpis.md');
}
