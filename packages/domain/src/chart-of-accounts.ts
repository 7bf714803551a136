/**
 * The municipal chart of accounts (Budget- og regnskabssystem for kommuner, kapitel 3; mirrored
 * on kontoplanen.dk): names of the main accounts, main functions and the functions LIS shows,
 * and the classification used in budget follow-up. The product ships this as reference data;
 * docs/chart-of-accounts.md describes the rules and their sources.
 */

export type SpendingCategory = 'service' | 'overfoersler' | 'anlaeg' | 'forsyning' | 'finansiering';

export const CATEGORY_NAMES: Readonly<Record<SpendingCategory, string>> = {
  service: 'Service',
  overfoersler: 'Overførsler',
  anlaeg: 'Anlæg',
  forsyning: 'Forsyning',
  finansiering: 'Finansiering',
};

export const CATEGORIES = Object.keys(CATEGORY_NAMES) as SpendingCategory[];

export const HOVEDKONTI: Readonly<Record<string, string>> = {
  '0': 'Byudvikling, bolig- og miljøforanstaltninger',
  '1': 'Forsyningsvirksomheder m.v.',
  '2': 'Transport og infrastruktur',
  '3': 'Undervisning og kultur',
  '4': 'Sundhedsområdet',
  '5': 'Sociale opgaver og beskæftigelse m.v.',
  '6': 'Fællesudgifter og administration m.v.',
  '7': 'Renter, tilskud, udligning og skatter m.v.',
  '8': 'Balanceforskydninger',
  '9': 'Balancekonti',
};

export const HOVEDFUNKTIONER: Readonly<Record<string, string>> = {
  '0.22': 'Fælles formål',
  '0.25': 'Faste ejendomme',
  '0.28': 'Fritidsområder',
  '0.32': 'Fritidsfaciliteter',
  '0.38': 'Naturbeskyttelse',
  '0.48': 'Vandløbsvæsen',
  '0.52': 'Miljøbeskyttelse m.v.',
  '0.55': 'Diverse udgifter og indtægter',
  '0.58': 'Redningsberedskab',
  '1.05': 'Varmeforsyning',
  '1.07': 'Vandforsyning',
  '1.10': 'Spildevandsanlæg',
  '1.38': 'Affaldshåndtering',
  '2.22': 'Fælles funktioner',
  '2.28': 'Kommunale veje',
  '2.32': 'Kollektiv trafik',
  '2.35': 'Havne',
  '3.22': 'Folkeskolen m.m.',
  '3.30': 'Ungdomsuddannelser',
  '3.32': 'Folkebiblioteker',
  '3.35': 'Kulturel virksomhed',
  '3.38': 'Folkeoplysning og fritidsaktiviteter m.v.',
  '4.62': 'Sundhedsudgifter m.v.',
  '5.22': 'Central refusionsordning',
  '5.25': 'Dagtilbud til børn og unge',
  '5.28': 'Tilbud til børn og unge med særlige behov',
  '5.30': 'Tilbud til ældre',
  '5.32': 'Tilbud til ældre og handicappede',
  '5.35': 'Rådgivning',
  '5.38': 'Tilbud til voksne med særlige behov',
  '5.46': 'Tilbud til udlændinge',
  '5.48': 'Førtidspensioner og personlige tillæg',
  '5.57': 'Kontante ydelser',
  '5.58': 'Revalidering',
  '5.68': 'Arbejdsmarkedsforanstaltninger',
  '5.72': 'Støtte til frivilligt socialt arbejde og øvrige sociale formål',
  '6.42': 'Politisk organisation',
  '6.45': 'Administrativ organisation',
  '6.48': 'Erhvervsudvikling, turisme og landdistrikter',
  '6.52': 'Lønpuljer m.v.',
  '7.22': 'Renter af likvide aktiver',
  '7.55': 'Renter af langfristet gæld',
  '7.62': 'Tilskud og udligning',
  '7.65': 'Refusion af købsmoms',
  '7.68': 'Skatter',
  '8.22': 'Forskydninger i likvide aktiver',
  '8.32': 'Forskydninger i langfristede tilgodehavender',
  '8.52': 'Forskydninger i kortfristet gæld',
  '8.55': 'Forskydninger i langfristet gæld',
};

export const FUNKTIONER: Readonly<Record<string, string>> = {
  '0.25.10': 'Fælles formål (faste ejendomme)',
  '0.25.11': 'Beboelse',
  '0.25.13': 'Andre faste ejendomme',
  '0.28.20': 'Grønne områder og naturpladser',
  '0.48.72': 'Vedligeholdelse af vandløb',
  '0.58.80': 'Redningsberedskab',
  '1.10.01': 'Spildevandsanlæg, fællesformål',
  '1.38.60': 'Ordninger for dagrenovation – restaffald',
  '2.22.01': 'Fælles formål (transport)',
  '2.28.20': 'Kommunale veje, fælles udgifter',
  '2.28.22': 'Vejvedligeholdelse m.v.',
  '2.28.23': 'Belægninger m.v.',
  '2.28.24': 'Vintertjeneste',
  '2.32.31': 'Busdrift',
  '3.22.01': 'Folkeskoler',
  '3.22.02': 'Fællesudgifter for kommunens samlede skolevæsen',
  '3.22.05': 'Skolefritidsordninger',
  '3.22.07': 'Indtægter fra den centrale refusionsordning',
  '3.22.08': 'Kommunale specialskoler',
  '3.22.10': 'Bidrag til statslige og private skoler',
  '3.22.14': 'Ungdommens Uddannelsesvejledning',
  '3.32.50': 'Folkebiblioteker',
  '3.35.64': 'Andre kulturelle opgaver',
  '3.38.72': 'Folkeoplysende voksenundervisning',
  '4.62.81': 'Aktivitetsbestemt medfinansiering af sundhedsvæsenet',
  '4.62.82': 'Kommunal genoptræning og vedligeholdelsestræning',
  '4.62.85': 'Kommunal tandpleje',
  '4.62.88': 'Sundhedsfremme og forebyggelse',
  '4.62.89': 'Kommunal sundhedstjeneste',
  '5.25.10': 'Fælles formål (dagtilbud)',
  '5.25.11': 'Dagpleje',
  '5.25.12': 'Vuggestuer',
  '5.25.13': 'Børnehaver',
  '5.25.14': 'Integrerede daginstitutioner',
  '5.25.15': 'Fritidshjem',
  '5.25.16': 'Klubber og andre socialpædagogiske fritidstilbud',
  '5.25.17': 'Særlige dagtilbud og særlige klubber',
  '5.28.20': 'Opholdssteder m.v. for børn og unge',
  '5.28.21': 'Forebyggende foranstaltninger for børn og unge',
  '5.28.22': 'Plejefamilier',
  '5.28.23': 'Døgninstitutioner for børn og unge',
  '5.28.24': 'Sikrede døgninstitutioner for børn og unge',
  '5.30.26': 'Personlig og praktisk hjælp og madservice (hjemmehjælp) til ældre',
  '5.30.27': 'Pleje og omsorg m.v. af ældre og handicappede (plejehjem)',
  '5.32.32': 'Pleje og omsorg m.v. af ældre og handicappede',
  '5.32.33': 'Forebyggende indsats for ældre og handicappede',
  '5.32.35': 'Hjælpemidler, forbrugsgoder, boligindretning og befordring',
  '5.35.40': 'Rådgivning og rådgivningsinstitutioner',
  '5.38.42': 'Botilbud for personer med særlige sociale problemer',
  '5.38.44': 'Alkoholbehandling og behandlingshjem for alkoholskadede',
  '5.38.45': 'Behandling af stofmisbrugere',
  '5.38.50': 'Botilbud til længerevarende ophold',
  '5.38.52': 'Botilbud til midlertidigt ophold',
  '5.38.58': 'Beskyttet beskæftigelse',
  '5.38.59': 'Aktivitets- og samværstilbud',
  '5.46.60': 'Integrationsprogram og introduktionsforløb m.v.',
  '5.46.61': 'Kontanthjælp til udlændinge omfattet af integrationsprogrammet',
  '5.48.64': 'Førtidspension med 50 pct. kommunal medfinansiering',
  '5.48.65': 'Førtidspension med 65 pct. kommunal medfinansiering',
  '5.48.67': 'Personlige tillæg m.v.',
  '5.48.68': 'Førtidspension med 80 pct. kommunal medfinansiering',
  '5.57.71': 'Sygedagpenge',
  '5.57.72': 'Sociale formål',
  '5.57.73': 'Kontant- og uddannelseshjælp',
  '5.57.76': 'Boligydelser til pensionister',
  '5.57.77': 'Boligsikring',
  '5.57.78': 'Dagpenge til forsikrede ledige',
  '5.57.79': 'Midlertidig arbejdsmarkedsydelse',
  '5.58.80': 'Revalidering',
  '5.58.81': 'Løntilskud m.v. til personer i fleksjob og personer i løntilskudsstillinger',
  '5.58.82': 'Ressourceforløb',
  '5.58.83': 'Ledighedsydelse',
  '5.68.90': 'Driftsudgifter til den kommunale beskæftigelsesindsats',
  '5.68.91': 'Beskæftigelsesindsats for forsikrede ledige',
  '5.68.95': 'Løn til forsikrede ledige ansat i kommuner',
  '5.68.96': 'Servicejob',
  '5.68.97': 'Seniorjob for personer over 55 år',
  '5.68.98': 'Beskæftigelsesordninger',
  '6.42.41': 'Fælles udgifter og indtægter (politisk organisation)',
  '6.42.42': 'Kommunalbestyrelsesmedlemmer',
  '6.45.50': 'Administrationsbygninger',
  '6.45.51': 'Sekretariat og forvaltninger',
  '6.45.52': 'Fælles IT og telefoni',
  '6.45.53': 'Jobcentre',
  '6.48.67': 'Erhvervsservice og iværksætteri',
  '6.52.72': 'Tjenestemandspension',
  '7.22.05': 'Renter af likvide aktiver',
  '7.55.79': 'Renter af langfristet gæld',
  '7.62.80': 'Udligning og generelle tilskud',
  '7.62.81': 'Udligning og tilskud vedrørende udlændinge',
  '7.62.86': 'Særlige tilskud',
  '7.68.90': 'Kommunal indkomstskat',
  '7.68.96': 'Grundskyld',
  '8.55.77': 'Afdrag på langfristet gæld',
};

/**
 * Income-transfer functions (overførselsudgifter): pensions and personal allowances (5.48),
 * cash benefits (5.57), revalidation and flexjob subsidies (5.58), and the wage-subsidy schemes
 * 5.68.95–98, plus the cash benefit to refugees 5.46.61 (KL's definition, inside the domain's
 * range 5.46.60–5.68.98). The rest of that range is service (e.g. 5.46.60, 5.68.90–91).
 */
const TRANSFER_MAIN_FUNCTIONS = new Set(['5.48', '5.57', '5.58']);
const TRANSFER_FUNCTIONS = new Set(['5.46.61', '5.68.95', '5.68.96', '5.68.97', '5.68.98']);

export function isTransferFunction(fn: string): boolean {
  return TRANSFER_MAIN_FUNCTIONS.has(fn.slice(0, 4)) || TRANSFER_FUNCTIONS.has(fn);
}

/**
 * The budget follow-up category of an amount. Utilities (main account 1) are followed as their
 * own area whatever the dranst; capital (dranst 3) elsewhere is anlæg; interest, balance shifts,
 * repayments, financing and main accounts 7–9 are finansiering; operating amounts (dranst 1–2)
 * are overførsler or service.
 */
export function classifyAccount(fn: string, dranst: number): SpendingCategory {
  if (isOperatingSpending(fn, dranst)) return isTransferFunction(fn) ? 'overfoersler' : 'service';
  const main = fn.slice(0, 1);
  if (main === '1') return 'forsyning';
  if (main === '7' || main === '8' || main === '9' || dranst >= 4) return 'finansiering';
  return 'anlaeg';
}

/**
 * Operating spending ("drift") of the tax-financed area: dranst 1 drift and 2 statsrefusion on
 * main accounts 0 and 2–6 (1 forsyning and 7–9 financing are followed separately). The overview's
 * consumption KPI, the budget follow-up's headline and the demo generator's size all count this.
 */
export const OPERATING_SPENDING = {
  dranst: [1, 2],
  mainAccounts: ['0', '2', '3', '4', '5', '6'],
} as const satisfies { dranst: readonly number[]; mainAccounts: readonly string[] };

export const OPERATING_SPENDING_WORDS = 'service og overførsler: dranst 1+2 på hovedkonto 0 og 2–6';

export function isOperatingSpending(fn: string, dranst: number): boolean {
  return (
    (OPERATING_SPENDING.dranst as readonly number[]).includes(dranst) &&
    (OPERATING_SPENDING.mainAccounts as readonly string[]).includes(fn.slice(0, 1))
  );
}

/** The name of an account at any level: '5', '5.32' or '5.32.32'. */
export function accountName(code: string): string | null {
  return FUNKTIONER[code] ?? HOVEDFUNKTIONER[code] ?? HOVEDKONTI[code] ?? null;
}
