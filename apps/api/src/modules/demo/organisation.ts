/**
 * The demo organisation: Jammerbugt Kommune (849) as it looked around 2016 — four forvaltninger,
 * twenty afdelinger and about a hundred enheder in the real towns. Ids are cost-centre style
 * (forvaltning 1000, afdeling 1100, enhed 111010) and never change. The institution names are
 * illustrative, not the municipality's real register.
 */
import type { OrgLevel } from '@lis/contracts';
import { ROLES, type RoleProfile, type UnitRole } from './unit-roles.ts';

export interface DemoUnit {
  id: string;
  parentId: string | null;
  name: string;
  level: OrgLevel;
  /** ISO dates, null = open */
  validFrom: string | null;
  validTo: string | null;
  /** enheder only */
  role: UnitRole | null;
  /** typical number of monthly-paid employees; 0 for an accounting-only unit */
  staff: number;
  /** staff never exceed this (units kept under the anonymity limit of 5) */
  maxStaff: number | null;
}

type EnhedDef = [
  id: string,
  name: string,
  role: UnitRole,
  staff: number,
  extra?: Partial<Pick<DemoUnit, 'validFrom' | 'validTo' | 'maxStaff'>>,
];
interface AfdelingDef {
  id: string;
  name: string;
  enheder: EnhedDef[];
}
interface ForvaltningDef {
  id: string;
  name: string;
  afdelinger: AfdelingDef[];
}

export const ROOT_ID = '849';
const ROOT_NAME = 'Jammerbugt Kommune';
/** Jammerbugt Kommune was formed in the 2007 municipal reform */
const ROOT_VALID_FROM = '2007-01-01';
const SMALL = { maxStaff: 4 };

const TREE: ForvaltningDef[] = [
  {
    id: '1000',
    name: 'Økonomi og Personale',
    afdelinger: [
      {
        id: '1100',
        name: 'Økonomi',
        enheder: [
          ['111010', 'Budget og Analyse', 'office', 16],
          ['111020', 'Regnskab og Indkøb', 'office', 14],
          ['111030', 'Direktion og Politisk Sekretariat', 'politics', 11],
          ['111040', 'Finansiering', 'finance', 0],
        ],
      },
      {
        id: '1200',
        name: 'Løn og Personale',
        enheder: [
          ['121010', 'Løn og Pension', 'office', 11],
          ['121020', 'HR og Arbejdsmiljø', 'office', 9],
        ],
      },
      {
        id: '1300',
        name: 'IT og Digitalisering',
        enheder: [
          ['131010', 'IT-drift og Support', 'it', 25],
          // small, and its only sibling is larger: complementary suppression hides both
          ['131020', 'Digitaliseringsenheden', 'it', 4, { validFrom: '2015-01-01', ...SMALL }],
        ],
      },
      {
        id: '1400',
        name: 'Borgerservice',
        enheder: [
          ['141010', 'Borgerservice Aabybro', 'citizen_service', 19],
          ['141020', 'Borgerservice Fjerritslev', 'citizen_service', 8],
          ['141030', 'Borgerservice Brovst', 'citizen_service', 3, SMALL],
        ],
      },
    ],
  },
  {
    id: '2000',
    name: 'Børne- og Familieforvaltningen',
    afdelinger: [
      {
        id: '2100',
        name: 'Dagtilbud',
        enheder: [
          ['211010', 'Dagplejen Jammerbugt', 'childminding', 108],
          ['211020', 'Børnehuset Aabybro', 'daycare', 34],
          ['211030', 'Børnehaven Spiloppen, Biersted', 'daycare', 17],
          ['211040', 'Børnehuset Brovst', 'daycare', 29],
          ['211050', 'Dagtilbud Fjerritslev', 'daycare', 36],
          ['211060', 'Børnehaven Regnbuen, Pandrup', 'daycare', 27],
          ['211070', 'Børnehuset Kaas', 'daycare', 18],
          ['211080', 'Børnehaven Saltum', 'daycare', 13],
          ['211090', 'Børnehuset Nørhalne', 'daycare', 11],
          ['211100', 'Børnehaven Vedsted', 'daycare', 9],
          ['211110', 'Børnehuset Tranum', 'daycare', 8],
          ['211120', 'Børnehaven Gjøl', 'daycare', 10],
          ['211130', 'Børnehuset Halvrimmen', 'daycare', 7],
          ['211140', 'Skovbørnehaven Blokhus', 'daycare', 6],
          ['211150', 'Børnehaven Hune', 'daycare', 9],
          ['211160', 'Børnehuset Ingstrup', 'daycare', 7],
          // hovers around the anonymity limit: shown in some months, suppressed in others
          ['211170', 'Pædagogisk Udvikling, Dagtilbud', 'daycare_development', 5],
        ],
      },
      {
        id: '2200',
        name: 'Skole',
        enheder: [
          ['221010', 'Aabybro Skole', 'school', 78],
          ['221020', 'Biersted Skole', 'school', 34],
          ['221030', 'Brovst Skole', 'school', 68],
          ['221040', 'Fjerritslev Skole', 'school', 74],
          ['221050', 'Pandrup Skole', 'school', 64],
          ['221060', 'Kaas Skole', 'school', 36],
          ['221070', 'Saltum Skole', 'school', 33],
          ['221080', 'Nørhalne Skole', 'school', 26],
          ['221090', 'Vedsted Skole', 'school', 22],
          ['221100', 'Tranum Skole', 'school', 17],
          ['221110', 'Gjøl Skole', 'school', 21],
          ['221120', 'Halvrimmen Skole', 'school', 19],
          ['221130', 'Skovsgård Skole', 'school', 18],
          ['221140', 'Hune Skole', 'school', 26],
          ['221150', 'Ingstrup Skole', 'school', 16],
          // closed in the summer of 2015; the pupils moved to Fjerritslev
          ['221160', 'Hjortdal Skole', 'school', 10, { validTo: '2015-07-31' }],
          ['221170', 'Specialskolen Jammerbugt', 'special_school', 30],
          ['221180', '10. klasse Jammerbugt', 'school', 9],
        ],
      },
      {
        id: '2300',
        name: 'Familie og Forebyggelse',
        enheder: [
          ['231010', 'Familieafdelingen, Myndighed', 'family_authority', 34],
          ['231020', 'Familiehuset', 'family_service', 17],
          ['231030', 'PPR', 'ppr', 19],
          ['231040', 'Ungdommens Uddannelsesvejledning', 'guidance', 7],
        ],
      },
      {
        id: '2400',
        name: 'Sundhedspleje og Tandpleje',
        enheder: [
          ['241010', 'Sundhedsplejen', 'health_visitor', 15],
          ['241020', 'Tandplejen Aabybro', 'dental', 18],
          ['241030', 'Tandplejen Fjerritslev', 'dental', 9],
          ['241040', 'Tandreguleringen', 'dental', 4, SMALL],
        ],
      },
    ],
  },
  {
    id: '3000',
    name: 'Social-, Sundheds- og Arbejdsmarkedsforvaltningen',
    afdelinger: [
      {
        id: '3100',
        name: 'Ældre og Sundhed',
        enheder: [
          ['311010', 'Plejecenter Birkelund, Aabybro', 'care_home', 70],
          ['311020', 'Plejecenter Solsiden, Brovst', 'care_home', 62],
          ['311030', 'Plejecenter Kærvang, Fjerritslev', 'care_home', 66],
          ['311040', 'Plejecenter Pandrup', 'care_home', 55],
          ['311050', 'Plejecenter Kaas', 'care_home', 35],
          ['311060', 'Plejecenter Saltum', 'care_home', 30],
          ['311070', 'Plejecenter Vedsted', 'care_home', 26],
          ['311080', 'Plejecenter Nørhalne', 'care_home', 23],
          ['311110', 'Hjemmeplejen Syd (Aabybro, Biersted, Nørhalne)', 'home_care', 102],
          ['311120', 'Hjemmeplejen Øst (Brovst, Halvrimmen, Skovsgård, Gjøl)', 'home_care', 84],
          ['311130', 'Hjemmeplejen Vest (Fjerritslev, Hjortdal, Tranum)', 'home_care', 80],
          ['311140', 'Hjemmeplejen Nord (Pandrup, Blokhus, Hune, Saltum, Ingstrup)', 'home_care', 92],
          ['311150', 'Sygeplejen', 'nursing', 55],
          ['311160', 'Træning og Rehabilitering', 'rehab', 38],
          ['311170', 'Sundhedsfremme og Medfinansiering', 'health_finance', 8],
        ],
      },
      {
        id: '3200',
        name: 'Handicap og Psykiatri',
        enheder: [
          ['321010', 'Bo- og Aktivitetscenter Brovst', 'residential', 68],
          ['321020', 'Botilbuddet Pandrup', 'supported_housing', 46],
          ['321030', 'Socialpsykiatrien', 'supported_housing', 31],
          ['321040', 'Værkstedet Aabybro', 'sheltered_work', 12],
          ['321050', 'Værestedet Fjerritslev', 'drop_in', 4, SMALL],
          ['321060', 'Myndighed Voksen', 'disability_authority', 12],
        ],
      },
      {
        id: '3300',
        name: 'Jobcenter',
        enheder: [
          ['331010', 'Jobcenter Jammerbugt', 'jobcentre', 52],
          ['331020', 'Virksomhedsservice', 'employer_service', 9],
        ],
      },
      {
        id: '3400',
        name: 'Ydelsescenter',
        enheder: [
          ['341010', 'Ydelser og Kontanthjælp', 'benefits', 28],
          ['341020', 'Sygedagpenge', 'sickness_benefits', 17],
        ],
      },
      {
        id: '3500',
        name: 'Visitation og Hjælpemidler',
        enheder: [
          ['351010', 'Visitation Øst', 'visitation', 13],
          ['351020', 'Visitation Vest', 'visitation', 9],
          ['351030', 'Hjælpemidler og Boligindretning', 'assistive_devices', 13],
          ['351040', 'Hjælpemiddeldepotet', 'assistive_devices', 8],
        ],
      },
    ],
  },
  {
    id: '4000',
    name: 'Vækst- og Udviklingsforvaltningen',
    afdelinger: [
      {
        id: '4100',
        name: 'Teknik & Anlæg',
        enheder: [
          ['411010', 'Vej og Park', 'roads', 52],
          ['411020', 'Anlæg og Projekter', 'construction', 8],
          ['411030', 'Trafik og Kollektiv Trafik', 'transport', 4, SMALL],
        ],
      },
      {
        id: '4200',
        name: 'Forsyning',
        enheder: [
          ['421010', 'Affald og Genbrug', 'waste_collection', 14],
          ['421020', 'Genbrugspladserne', 'recycling', 10],
        ],
      },
      {
        id: '4300',
        name: 'By & Land',
        enheder: [
          ['431010', 'Plan og Udvikling', 'office', 14],
          ['431020', 'Landdistrikter og Turisme', 'tourism', 6],
          ['431030', 'Erhverv og Vækst', 'business', 5],
        ],
      },
      {
        id: '4400',
        name: 'Byg og Industri',
        enheder: [
          ['441010', 'Byggesager, Bolig og Sommerhuse', 'building', 12],
          ['441020', 'Byggesager, Erhverv', 'building', 6],
          ['441030', 'Miljø og Industri', 'environment', 9],
        ],
      },
      {
        id: '4500',
        name: 'Natur og Vandløb',
        enheder: [
          ['451010', 'Natur og Vandløb', 'nature', 11],
          ['451020', 'Strandene', 'beaches', 6],
        ],
      },
      {
        id: '4600',
        name: 'Ejendomscenter',
        enheder: [
          ['461010', 'Ejendomsdrift', 'property', 22],
          ['461020', 'Rengøring', 'cleaning', 78],
          ['461030', 'Kantine og Mødeservice', 'canteen', 6],
        ],
      },
      {
        id: '4700',
        name: 'Kultur og Fritid',
        enheder: [
          ['471010', 'Jammerbugt Bibliotekerne', 'library', 27],
          ['471020', 'Kultur, Idræt og Fritid', 'culture', 6],
          ['471030', 'Musikskolen Jammerbugt', 'music_school', 16],
        ],
      },
    ],
  },
];

const unit = (u: Omit<DemoUnit, 'validFrom' | 'validTo' | 'role' | 'staff' | 'maxStaff'> & Partial<DemoUnit>): DemoUnit => ({
  validFrom: null,
  validTo: null,
  role: null,
  staff: 0,
  maxStaff: null,
  ...u,
});

/**
 * The reorganisation of 1 January 2016 (docs/demo-data.md): Sundhedspleje og Tandpleje moves to
 * the Social-, Sundheds- og Arbejdsmarkedsforvaltning, the Jobcenter to Vækst og Udvikling, and
 * Natur og Vandløb is merged into Teknik & Anlæg (its enheder move there, the afdeling ends).
 */
const REORGANISED_ON = '2016-01-01';
const MOVED_TO: Readonly<Record<string, string>> = { '2400': '3000', '3300': '4000', '451010': '4100', '451020': '4100' };
const MERGED = { id: '4500', validTo: '2015-12-31' };

/**
 * The tree in load order (every parent before its children), each unit where it stood before the
 * reorganisation; organisationVersions gives the feed's versions.
 */
export function demoOrganisation(): DemoUnit[] {
  const units: DemoUnit[] = [
    unit({ id: ROOT_ID, parentId: null, name: ROOT_NAME, level: 'kommune', validFrom: ROOT_VALID_FROM }),
  ];
  for (const f of TREE) {
    units.push(unit({ id: f.id, parentId: ROOT_ID, name: f.name, level: 'forvaltning' }));
    for (const a of f.afdelinger) {
      const ends = a.id === MERGED.id ? { validTo: MERGED.validTo } : {};
      units.push(unit({ id: a.id, parentId: f.id, name: a.name, level: 'afdeling', ...ends }));
      for (const [id, name, role, staff, extra] of a.enheder) {
        units.push(unit({ id, parentId: a.id, name, level: 'enhed', role, staff, ...extra }));
      }
    }
  }
  return units;
}

/** The organisation feed's rows: a unit moved on the reorganisation has a version before and one after it. */
export function organisationVersions(units: readonly DemoUnit[]): DemoUnit[] {
  return units.flatMap((u) => {
    const movedTo = MOVED_TO[u.id];
    if (!movedTo) return [u];
    const dayBefore = new Date(Date.parse(REORGANISED_ON) - 86_400_000).toISOString().slice(0, 10);
    return [
      { ...u, validTo: dayBefore },
      { ...u, parentId: movedTo, validFrom: REORGANISED_ON },
    ];
  });
}

export function roleOf(u: DemoUnit): RoleProfile {
  if (!u.role) throw new Error(`${u.id} is not an enhed`);
  return ROLES[u.role];
}

/** Whether the unit exists on any day of the month. */
export function existsIn(u: DemoUnit, year: number, month: number): boolean {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const last = `${year}-${String(month).padStart(2, '0')}-31`; // string compare: the 31st is never too early
  return (u.validFrom === null || u.validFrom <= last) && (u.validTo === null || u.validTo >= first);
}

/** the afdeling or forvaltning with this name (targets and kpi rows sit on such units) */
export function unitNamed(units: readonly DemoUnit[], name: string, level: OrgLevel): DemoUnit {
  const found = units.find((u) => u.name === name && u.level === level);
  if (!found) throw new Error(`no ${level} named ${name}`);
  return found;
}
