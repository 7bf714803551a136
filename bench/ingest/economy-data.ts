// The synthetic municipality of the benchmark: an org tree and economy rows shaped like a real
// chart-of-accounts export (all keys unique, so the whole file is one valid delivery).

export const MUNICIPALITY = '849';

export interface OrgUnit {
  orgId: string;
  parentId: string | null;
  name: string;
  level: 'kommune' | 'forvaltning' | 'afdeling' | 'enhed';
}

export interface EconomyRow {
  period: string; // 'YYYY-MM'
  orgId: string;
  functionCode: string;
  dranst: 1 | 2;
  amountType: AmountType;
  amount: number; // DKK with øre
}

const AMOUNT_TYPES = ['original_budget', 'corrected_budget', 'actual', 'forecast'] as const;
type AmountType = (typeof AMOUNT_TYPES)[number];

// Functions of the municipal chart of accounts (h.hf.ff) that schools, day care, elderly care and administration book on.
const FUNCTIONS = [
  '0.25.18',
  '0.28.20',
  '2.22.01',
  '3.22.01',
  '3.22.05',
  '3.22.07',
  '3.22.08',
  '3.22.14',
  '3.22.18',
  '3.35.64',
  '5.25.10',
  '5.25.11',
  '5.25.13',
  '5.25.14',
  '5.25.15',
  '5.28.20',
  '5.28.21',
  '5.30.26',
  '5.30.27',
  '5.32.32',
  '5.32.33',
  '5.32.35',
  '5.38.42',
  '6.45.50',
  '6.45.51',
] as const;

const DRANST = [1, 2] as const; // 1 drift (expense), 2 statsrefusion (income)
const FIRST_MONTH = { year: 2016, month: 1 };

const DIRECTORATES = [
  ['F-BFF', 'Børne- og Familieforvaltningen'],
  ['F-SSA', 'Social-, Sundheds- og Arbejdsmarkedsforvaltningen'],
  ['F-VU', 'Vækst- og Udviklingsforvaltningen'],
  ['F-OEK', 'Økonomi- og Personaleforvaltningen'],
] as const;
const DEPARTMENTS_PER_DIRECTORATE = 5;
const UNITS_PER_DEPARTMENT = 10;

/** 1 kommune, 4 forvaltninger, 20 afdelinger and 200 enheder; the economy rows are booked on the enheder. */
export function orgUnits(): OrgUnit[] {
  const units: OrgUnit[] = [{ orgId: MUNICIPALITY, parentId: null, name: 'Jammerbugt Kommune', level: 'kommune' }];
  let unitNumber = 0;
  for (const [directorateId, directorateName] of DIRECTORATES) {
    units.push({ orgId: directorateId, parentId: MUNICIPALITY, name: directorateName, level: 'forvaltning' });
    for (let d = 1; d <= DEPARTMENTS_PER_DIRECTORATE; d++) {
      const departmentId = `A-${directorateId.slice(2)}-${d}`;
      units.push({ orgId: departmentId, parentId: directorateId, name: `Afdeling ${d}, ${directorateName}`, level: 'afdeling' });
      for (let u = 1; u <= UNITS_PER_DEPARTMENT; u++) {
        unitNumber++;
        const id = String(unitNumber).padStart(4, '0');
        units.push({
          orgId: `E-${id}`,
          parentId: departmentId,
          name: `Omkostningssted ${id} (Åbybro/Brovst/Fjerritslev)`,
          level: 'enhed',
        });
      }
    }
  }
  return units;
}

export const leafUnits = (units: readonly OrgUnit[]) => units.filter((u) => u.level === 'enhed').map((u) => u.orgId);

/** Deterministic PRNG (mulberry32): the same file on every run and machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Months needed so that units × functions × dranst × amount types × months reaches `rows`. */
function monthsFor(rows: number, unitCount: number): number {
  return Math.ceil(rows / (unitCount * FUNCTIONS.length * DRANST.length * AMOUNT_TYPES.length));
}

export function monthAt(index: number): string {
  const zeroBased = FIRST_MONTH.year * 12 + FIRST_MONTH.month - 1 + index;
  return `${Math.floor(zeroBased / 12)}-${String((zeroBased % 12) + 1).padStart(2, '0')}`;
}

/**
 * Exactly `rows` rows, month by month as a finance system exports them. Each account
 * (unit × function × dranst) has a monthly budget; actuals scatter around it, a forecast holds
 * the expected full-year amount, income (dranst 2) is negative.
 */
export function* economyRows(rows: number, units: readonly string[], seed = 849): Generator<EconomyRow> {
  const random = seededRandom(seed);
  const accounts = units.length * FUNCTIONS.length * DRANST.length;
  const monthlyBudget = Array.from({ length: accounts }, (_, i) => {
    const expense = 20_000 + random() * 1_980_000;
    return DRANST[i % DRANST.length] === 1 ? expense : -expense * (0.05 + random() * 0.25);
  });
  const months = monthsFor(rows, units.length);
  const ore = (n: number) => Math.round(n * 100) / 100;
  let emitted = 0;
  for (let m = 0; m < months; m++) {
    const period = monthAt(m);
    let account = 0;
    for (const orgId of units) {
      for (const functionCode of FUNCTIONS) {
        for (const dranst of DRANST) {
          const budget = monthlyBudget[account++] ?? 0;
          const corrected = budget * (1 + (m >= 12 ? 0.02 : 0) + (random() - 0.5) * 0.02);
          const amounts: Record<AmountType, number> = {
            original_budget: budget,
            corrected_budget: corrected,
            actual: corrected * (0.85 + random() * 0.3),
            forecast: corrected * 12 * (0.95 + random() * 0.1),
          };
          for (const amountType of AMOUNT_TYPES) {
            if (emitted++ === rows) return;
            yield { period, orgId, functionCode, dranst, amountType, amount: ore(amounts[amountType]) };
          }
        }
      }
    }
  }
}
