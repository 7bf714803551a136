/**
 * What kind of work an enhed does, and what follows from it: staff profile (care work has more
 * sick leave and work injuries than office work), whether it surveys its users, and which
 * functions of the municipal chart of accounts (h.hf.ff, the 2014–2016 chart) it books on.
 * Amounts are 2016 levels in DKK; the generator scales the service amounts so the whole comes to
 * Jammerbugt's ~2,3 mia. kr. and uses transfers, capital and financing amounts as they are.
 */

/** How amounts on a budget line fall over the year. */
export type SpendingPattern =
  /** flat budget; actuals dip in July and peak in December (year-end invoices) */
  | 'operating'
  /** income transfers and refunds: flat, little noise */
  | 'transfer'
  /** winter road service: budget and actuals in the winter months, severity varies by year */
  | 'winter'
  /** construction (dranst 3): back-loaded, lumpy, usually under budget */
  | 'capital'
  /** taxes and grants: paid in twelve equal instalments, actual = budget */
  | 'financing'
  /** utilities (hovedkonto 1): fees cover costs, the net swings around zero */
  | 'self_financing';

export interface BudgetLineSpec {
  /** function h.hf.ff */
  fn: string;
  /** 1 drift (default), 2 statsrefusion, 3 anlæg, 7 finansiering */
  dranst?: 1 | 2 | 3 | 7;
  /** DKK per employee per year */
  perHead?: number;
  /** DKK per year; negative = income */
  fixed?: number;
  /** capital projects: DKK in each year they run */
  byYear?: Readonly<Partial<Record<number, number>>>;
  pattern?: SpendingPattern;
  /** expected over- (+) or underspend (−) as a fraction of the budget, by year */
  pressure?: Readonly<Partial<Record<number, number>>>;
}

export interface RoleProfile {
  /** FTE per employee (part-time is common in care and daycare) */
  fteRatio: number;
  /** sick-leave level relative to the municipal average */
  sickness: number;
  /** work-injury frequency relative to the average */
  injury: number;
  /** parental leave and child sickness relative to the average (younger staff) */
  family: number;
  /** the unit takes part in the quarterly user-satisfaction survey */
  survey: boolean;
  budget: readonly BudgetLineSpec[];
}

type Staff = Pick<RoleProfile, 'fteRatio' | 'sickness' | 'injury' | 'family'>;
const OFFICE: Staff = { fteRatio: 0.94, sickness: 0.8, injury: 0.3, family: 1 };
const CARE: Staff = { fteRatio: 0.79, sickness: 1.35, injury: 2.2, family: 1 };
const CHILDCARE: Staff = { fteRatio: 0.86, sickness: 1.15, injury: 0.8, family: 1.6 };
const TEACHING: Staff = { fteRatio: 0.92, sickness: 0.95, injury: 0.6, family: 1.3 };
const SOCIAL: Staff = { fteRatio: 0.84, sickness: 1.25, injury: 2, family: 1 };
const MANUAL: Staff = { fteRatio: 0.96, sickness: 1.05, injury: 1.8, family: 0.6 };

const role = (staff: Staff, budget: BudgetLineSpec[], survey = false): RoleProfile => ({ ...staff, survey, budget });
const admin = (fn = '6.45.51', perHead = 640_000): BudgetLineSpec => ({ fn, perHead });

export const ROLES = {
  office: role(OFFICE, [admin()]),
  politics: role(OFFICE, [admin(), { fn: '6.42.42', fixed: 9_500_000 }]),
  /**
   * taxes and grants sit on an accounting-only unit without staff; sized so that they cover the
   * drift of the cost centres (~2,33 mia. kr.) with a driftsoverskud of ~60 mio. kr., as the plan does
   */
  finance: role(OFFICE, [
    { fn: '7.68.90', dranst: 7, fixed: -1_589_000_000, pattern: 'financing' },
    { fn: '7.68.96', dranst: 7, fixed: -138_000_000, pattern: 'financing' },
    { fn: '7.68.92', dranst: 7, fixed: -19_000_000, pattern: 'financing' },
    { fn: '7.62.80', dranst: 7, fixed: -641_000_000, pattern: 'financing' },
  ]),
  it: role(OFFICE, [admin('6.45.52'), { fn: '6.45.52', fixed: 24_000_000 }]),
  citizen_service: role({ ...OFFICE, fteRatio: 0.9, sickness: 0.95 }, [admin('6.45.51', 560_000)], true),
  childminding: role({ ...CHILDCARE, fteRatio: 0.96, family: 0.8 }, [{ fn: '5.25.11', perHead: 430_000 }], true),
  daycare: role(CHILDCARE, [{ fn: '5.25.14', perHead: 450_000 }], true),
  daycare_development: role(OFFICE, [admin('5.25.10', 600_000), { fn: '5.25.10', fixed: 5_000_000 }]),
  school: role(
    TEACHING,
    [
      { fn: '3.22.01', perHead: 650_000 },
      { fn: '3.22.05', perHead: 45_000 },
    ],
    true,
  ),
  special_school: role({ ...TEACHING, sickness: 1.1, injury: 1.5 }, [{ fn: '3.22.08', perHead: 720_000 }], true),
  /** the family department's authority: placements are bought from foster families and institutions */
  family_authority: role({ ...OFFICE, sickness: 1.2, family: 1.4 }, [
    admin('6.45.51', 600_000),
    { fn: '5.28.20', fixed: 44_000_000, pressure: { 2015: 0.05, 2016: 0.08 } },
    { fn: '5.28.21', fixed: 18_000_000 },
    { fn: '5.28.23', fixed: 30_000_000, pressure: { 2016: 0.04 } },
  ]),
  family_service: role(SOCIAL, [{ fn: '5.28.21', perHead: 620_000 }]),
  ppr: role({ ...OFFICE, family: 1.3 }, [admin('3.22.02', 640_000)]),
  guidance: role(OFFICE, [admin('3.22.14', 600_000)]),
  health_visitor: role({ ...OFFICE, fteRatio: 0.85, sickness: 0.9 }, [{ fn: '4.62.89', perHead: 620_000 }], true),
  dental: role({ ...OFFICE, fteRatio: 0.87, sickness: 0.95, family: 1.3 }, [{ fn: '4.62.85', perHead: 680_000 }], true),
  care_home: role(CARE, [{ fn: '5.32.32', perHead: 500_000, pressure: { 2014: 0.01 } }], true),
  home_care: role(CARE, [{ fn: '5.32.32', perHead: 520_000, pressure: { 2015: 0.02, 2016: 0.035 } }], true),
  nursing: role({ ...CARE, fteRatio: 0.85, sickness: 1.1, injury: 1.2 }, [{ fn: '5.32.32', perHead: 600_000 }]),
  rehab: role(
    { ...CARE, fteRatio: 0.86, sickness: 1, injury: 1 },
    [
      { fn: '4.62.82', perHead: 600_000 },
      { fn: '5.32.33', fixed: 4_000_000 },
    ],
    true,
  ),
  /** activity-based co-financing of the regions' hospitals and other health schemes */
  health_finance: role(OFFICE, [
    admin('4.62.88', 600_000),
    { fn: '4.62.81', fixed: 108_000_000, pressure: { 2014: 0.02, 2015: 0.03, 2016: -0.01 } },
    { fn: '4.62.84', fixed: 14_000_000 },
    { fn: '4.62.88', fixed: 3_000_000 },
  ]),
  residential: role(SOCIAL, [{ fn: '5.38.50', perHead: 560_000 }]),
  supported_housing: role(SOCIAL, [{ fn: '5.38.52', perHead: 560_000 }]),
  sheltered_work: role({ ...SOCIAL, sickness: 1, injury: 1 }, [{ fn: '5.38.58', perHead: 520_000 }]),
  drop_in: role({ ...SOCIAL, sickness: 1 }, [{ fn: '5.38.59', perHead: 520_000 }]),
  disability_authority: role(OFFICE, [
    admin('6.45.51', 600_000),
    { fn: '5.38.50', fixed: 62_000_000, pressure: { 2015: 0.03, 2016: 0.05 } },
    { fn: '5.38.52', fixed: 24_000_000 },
  ]),
  jobcentre: role(
    OFFICE,
    [
      admin('6.45.53', 590_000),
      { fn: '5.57.78', fixed: 98_000_000, pattern: 'transfer', pressure: { 2015: -0.03, 2016: -0.06 } },
      { fn: '5.58.81', fixed: 82_000_000, pattern: 'transfer', pressure: { 2016: 0.03 } },
      { fn: '5.58.81', dranst: 2, fixed: -33_000_000, pattern: 'transfer' },
      { fn: '5.58.82', fixed: 16_000_000, pattern: 'transfer', pressure: { 2015: 0.06, 2016: 0.08 } },
      { fn: '5.58.82', dranst: 2, fixed: -6_000_000, pattern: 'transfer' },
      { fn: '5.68.90', fixed: 26_000_000 },
      { fn: '5.68.90', dranst: 2, fixed: -9_000_000, pattern: 'transfer' },
      { fn: '5.68.98', fixed: 12_000_000, pattern: 'transfer' },
    ],
    true,
  ),
  employer_service: role(OFFICE, [admin('6.45.53', 590_000)]),
  benefits: role(OFFICE, [
    admin('6.45.51', 580_000),
    { fn: '5.57.73', fixed: 120_000_000, pattern: 'transfer', pressure: { 2016: -0.02 } },
    { fn: '5.57.73', dranst: 2, fixed: -47_000_000, pattern: 'transfer' },
    { fn: '5.48.64', fixed: 125_000_000, pattern: 'transfer' },
    { fn: '5.48.68', fixed: 40_000_000, pattern: 'transfer', pressure: { 2015: 0.04, 2016: 0.06 } },
    { fn: '5.48.67', fixed: 9_000_000, pattern: 'transfer' },
    { fn: '5.48.67', dranst: 2, fixed: -4_500_000, pattern: 'transfer' },
    { fn: '5.57.76', fixed: 21_000_000, pattern: 'transfer' },
  ]),
  sickness_benefits: role(OFFICE, [
    admin('6.45.51', 580_000),
    { fn: '5.57.71', fixed: 96_000_000, pattern: 'transfer', pressure: { 2014: 0.04, 2016: -0.03 } },
    { fn: '5.57.71', dranst: 2, fixed: -41_000_000, pattern: 'transfer' },
  ]),
  visitation: role(OFFICE, [admin('6.45.51', 600_000)]),
  assistive_devices: role(
    { ...MANUAL, fteRatio: 0.92 },
    [
      { fn: '5.32.35', perHead: 560_000 },
      { fn: '5.32.35', fixed: 14_000_000, pressure: { 2016: 0.05 } },
    ],
    true,
  ),
  roads: role(MANUAL, [
    { fn: '2.22.05', perHead: 520_000 },
    { fn: '2.28.22', fixed: 24_000_000 },
    { fn: '2.28.24', fixed: 9_000_000, pattern: 'winter' },
    { fn: '0.28.20', fixed: 5_000_000 },
  ]),
  construction: role(OFFICE, [
    admin(),
    { fn: '2.28.23', dranst: 3, byYear: { 2014: 14_000_000, 2015: 18_000_000, 2016: 16_000_000 }, pattern: 'capital' },
    { fn: '0.28.20', dranst: 3, byYear: { 2014: 3_000_000, 2015: 5_000_000, 2016: 4_000_000 }, pattern: 'capital' },
  ]),
  transport: role(OFFICE, [admin('6.45.51', 620_000), { fn: '2.32.31', fixed: 22_000_000 }]),
  waste_collection: role(MANUAL, [{ fn: '1.38.61', fixed: -1_400_000, pattern: 'self_financing' }]),
  recycling: role(MANUAL, [{ fn: '1.38.65', fixed: 900_000, pattern: 'self_financing' }]),
  tourism: role(OFFICE, [admin(), { fn: '6.48.62', fixed: 4_500_000 }]),
  business: role(OFFICE, [admin(), { fn: '6.48.67', fixed: 6_000_000 }]),
  building: role(OFFICE, [admin('6.45.51', 620_000)]),
  environment: role(OFFICE, [admin('0.38.52', 620_000)]),
  nature: role({ ...MANUAL, sickness: 0.9 }, [
    { fn: '0.32.30', perHead: 600_000 },
    { fn: '0.48.72', fixed: 4_000_000 },
  ]),
  beaches: role(MANUAL, [
    { fn: '0.28.20', perHead: 480_000 },
    { fn: '0.28.20', fixed: 2_500_000 },
  ]),
  property: role(MANUAL, [
    admin('6.45.51', 560_000),
    { fn: '6.45.50', fixed: 14_000_000 },
    { fn: '0.25.13', fixed: 6_000_000 },
    { fn: '3.22.01', dranst: 3, byYear: { 2014: 12_000_000, 2015: 24_000_000, 2016: 28_000_000 }, pattern: 'capital' },
    { fn: '5.25.14', dranst: 3, byYear: { 2016: 7_000_000 }, pattern: 'capital' },
    { fn: '5.32.32', dranst: 3, byYear: { 2014: 9_000_000, 2015: 3_000_000 }, pattern: 'capital' },
  ]),
  cleaning: role({ ...CARE, fteRatio: 0.72, sickness: 1.3, injury: 1.6 }, [{ fn: '6.45.50', perHead: 420_000 }]),
  canteen: role({ ...MANUAL, fteRatio: 0.8 }, [{ fn: '6.45.50', perHead: 400_000 }]),
  library: role(
    { ...OFFICE, fteRatio: 0.88 },
    [
      { fn: '3.32.50', perHead: 560_000 },
      { fn: '3.32.50', fixed: 4_000_000 },
    ],
    true,
  ),
  culture: role(OFFICE, [
    admin('6.45.51', 600_000),
    { fn: '3.35.64', fixed: 5_000_000 },
    { fn: '3.38.76', fixed: 8_000_000 },
    { fn: '0.28.21', fixed: 7_000_000 },
  ]),
  music_school: role({ ...TEACHING, fteRatio: 0.7 }, [{ fn: '3.35.64', perHead: 560_000 }], true),
} satisfies Record<string, RoleProfile>;

export type UnitRole = keyof typeof ROLES;
