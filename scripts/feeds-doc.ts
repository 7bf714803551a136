// Renders docs/feeds.md from the contract (packages/contracts) and the files in examples/feeds,
// so the document cannot drift from the code. `pnpm docs:feeds` writes it; a test checks it is current.
import { readFileSync } from 'node:fs';
import { FEED_LOAD_ORDER, FEED_NAMES, FEEDS, type FeedName } from '../packages/contracts/src/index.ts';
import { KPIS } from '../packages/domain/src/index.ts';

const SURVEY_KPIS = KPIS.filter((k) => k.personalData && k.sourceFeed === 'kpi')
  .map((k) => `\`${k.id}\``)
  .join(', ');

const NOTES: Record<FeedName, string> = {
  organisation:
    "Key: org_id, valid_from. A row is a version of a unit: a unit may have several with non-overlapping validity (moved to another parent, renamed, merged or split on a date; a unit that ends gets a valid_to, its children move on in new versions). A file that names a unit replaces all its stored versions; one row per unit with empty validity means the unit as it always was. A month belongs to the tree of its first day (a version from the 15th holds from the next month); facts of other feeds must lie in a month their unit holds in (docs/adr/0011). Errors: a cycle, a second root (exactly one `kommune` has an empty parent), a parent at the same or a deeper level, an unknown parent, valid_to before valid_from, two versions of a unit that overlap, a version whose parent does not hold in one of its months (while the kommune exists), a unit placed under a unit that holds personal-data rows (sick leave or a survey KPI in effect: such a unit stays without children; deliver the rows for the new units instead). The tree is checked as it will be after the load: the units already stored overlaid with the file's.",
  economy:
    "Key: period, org_id, function, dranst, amount_type. Amount types also accept the Danish `oprindeligt_budget`, `korrigeret_budget`, `forbrug`, `forventet_regnskab`. Budgets and actuals are monthly amounts (the year's budget is their sum); a `forecast` row holds the expected full-year amount as estimated in that month (the latest forecast of a year wins). Sign: + expense, − income.",
  budget_plan: 'Key: budget_year, year, line. Errors: a year outside budget_year … budget_year + 3.',
  sickleave:
    'One row per lowest-level unit and month, monthly-paid staff. Key: period, org_id. Errors: long_term_hours greater than own_sickness_hours + work_injury_hours; negative hours; headcount 0 with hours; own_sickness_hours + work_injury_hours greater than planned_hours (or any such hours with planned_hours 0); a unit that has children (sick leave is personal data and is delivered for lowest-level units only: rows of the parent itself would be a hidden small group beside its children, docs/adr/0004).',
  case_types:
    'Key: case_type, valid_from (a changed deadline gets a new row with a later valid_from; an empty valid_from means since always).',
  cases:
    'Key: case_id (a case delivered again updates it, e.g. when it is decided). Errors: decided before received, complete before received, decided before complete, unknown case_type, unknown org_id.',
  benchmark:
    "Key: year, municipality, area. The municipality must be one of the 98 codes of Danmarks Statistik's classification (shipped in `reference/`). Errors: target_population 0 (the unit cost divides by it), need_index 0 (leave it empty when unknown).",
  kpi: `Key: period, org_id, kpi_id. The KPI must be in the catalogue (\`GET /api/v1/kpis\`) with source \`kpi\`; KPIs computed from other feeds (sick leave, cases, economy) cannot be delivered here. A ratio KPI needs its denominator. KPIs that are personal data (the surveys ${SURVEY_KPIS}) are delivered for units without children only: a row for a unit with children is an error.`,
  targets:
    "Key: kpi_id, org_id, year. The unit's descendants inherit the target unless they have their own. Tolerance is the yellow band as a fraction of the target (default 0.10). The budget balance's policy targets are rows for the kommune (the root unit) and the budget year, read against every year of that budget's plan: `operating_surplus` (driftsoverskud at least the target) and `capital_spending` (anlæg about the target: green within the tolerance either side, yellow within twice it), amounts in kr. A municipality without these rows sees no policy targets.",
  population:
    'Key: municipality, year, age, kind, vintage: an actual count and each named forecast (vintage) of a year and age are rows of their own, so a new forecast sits beside the earlier ones and a later delivery of the same vintage replaces it. `age` is a single year (`0`…`125`) or one of the bands `0-2`, `3-5`, `6-16`, `17-24`, `25-64`, `65-79`, `80+`; when a year has single years of age, the bands are summed from them and band rows of the same year, kind and vintage are not read (deliver a year one way). `lis import statbank` maps FOLK1A extracts (1st quarter, summed over sex and marital status) into actual rows. What the counts are used for (the demography page and the demographic pressure): docs/demography.md. Errors: an age that is neither, a forecast without vintage, an actual row with one.',
};

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

function typeText(type: (typeof FEEDS)[FeedName]['columns'][number]['type']): string {
  switch (type.kind) {
    case 'enum':
      return [...new Set(Object.values(type.values))].map((v) => `\`${v}\``).join(', ');
    case 'integer':
      return type.max !== undefined
        ? `whole number ${type.min ?? ''}–${type.max}`
        : type.min === 0
          ? 'whole number ≥ 0'
          : 'whole number';
    case 'number':
      return `${type.min === 0 ? 'number ≥ 0' : 'number'}, ≤ ${type.digits} digits before the decimal mark`;
    case 'function':
      return 'function `h.hf.ff`';
    case 'municipality':
      return '3-digit municipality code';
    default:
      return type.kind;
  }
}

/** The intro's place for the load order, which lives in the contract so that it is written once. */
const LOAD_ORDER_MARK = '<!-- FEED_LOAD_ORDER -->';

function loadOrderCommands(): string {
  const lines = FEED_LOAD_ORDER.map((feed) => `pnpm lis ingest ${feed} examples/feeds/${feed}.csv`);
  return `\`\`\`sh\n${lines.join('\n')}\n\`\`\``;
}

export function renderFeedsDoc(): string {
  const intro = read('docs/parts/feeds-intro.md');
  if (!intro.includes(LOAD_ORDER_MARK)) throw new Error(`docs/parts/feeds-intro.md has no ${LOAD_ORDER_MARK}`);
  const parts = [intro.replace(LOAD_ORDER_MARK, loadOrderCommands())];
  for (const name of FEED_NAMES) {
    const spec = FEEDS[name];
    parts.push(`## ${name} (${spec.title})\n\n| column | type | required | meaning |\n|---|---|---|---|\n`);
    for (const c of spec.columns)
      parts.push(`| ${c.name} | ${typeText(c.type)} | ${c.required ? 'yes' : 'no'} | ${c.description} |\n`);
    parts.push(
      `\n${NOTES[name]}\n\nExample (\`examples/feeds/${name}.csv\`):\n\n\`\`\`\n${read(`examples/feeds/${name}.csv`)}\`\`\`\n\n`,
    );
  }
  parts.push('`examples/feeds/kpi.json` holds the same kpi rows as JSON.\n');
  return parts.join('');
}

if (process.argv[2] === '--write') {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(new URL('docs/feeds.md', root), renderFeedsDoc());
  console.log('wrote docs/feeds.md');
}
