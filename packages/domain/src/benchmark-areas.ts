import type { BenchmarkMethod } from './benchmark.ts';
import { municipalityCount } from './format.ts';
import { findMunicipality, MUNICIPALITIES, type Municipality } from './municipalities.gen.ts';

/** Areas of the B2017 benchmark with their target populations (domain.md §6). Unknown areas show their id. */
export const BENCHMARK_AREAS: Readonly<Record<string, { name: string; population: string }>> = {
  dagtilbud: { name: 'Dagtilbud', population: 'pr. 0–5-årig' },
  folkeskole: { name: 'Folkeskole', population: 'pr. 6–16-årig' },
  udsatte_boern: { name: 'Udsatte børn og unge', population: 'pr. 0–17-årig' },
  aeldre: { name: 'Ældre', population: 'pr. 65+-årig' },
  handicap_voksne: { name: 'Voksne med særlige behov', population: 'pr. 18–64-årig' },
  administration: { name: 'Administration', population: 'pr. indbygger' },
  veje: { name: 'Veje og trafik', population: 'pr. indbygger' },
  kultur: { name: 'Kultur og fritid', population: 'pr. indbygger' },
  sundhed: { name: 'Sundhed', population: 'pr. indbygger' },
};

export const areaName = (area: string) => {
  const known = BENCHMARK_AREAS[area];
  return known ? `${known.name} (${known.population})` : area;
};

export const METHOD_NAMES: Readonly<Record<BenchmarkMethod, string>> = {
  mean: 'Gennemsnit (uvægtet)',
  weighted: 'Vægtet gennemsnit (Σ udgift / Σ målgruppe)',
  median: 'Median',
  best_quartile: 'Bedste kvartil (25 %-fraktil af enhedsudgiften)',
  mean_5_cheapest: 'Gennemsnit af de 5 billigste',
  cheapest: 'Den billigste kommune',
};

/** The four neighbours Jammerbugt chose for the B2017 analysis (KORA 2016). */
/** A municipality's name by its DST code; the code itself when DST's list does not have it. */
export const municipalityName = (code: string) => findMunicipality(code)?.name ?? code;

export const KORA_NEIGHBOURS = ['787', '860', '810', '820'] as const;

export const BENCHMARK_CAVEAT =
  'Et gab er ikke en konkret besparelse: forskelle i kontering og opgaveløsning skal undersøges, før et potentiale kan realiseres (KORA).';

/** The peer groups every municipality has without saving one (peerCodes names their members). */
export const BUILT_IN_PEER_GROUPS = ['kora', 'kommunegruppe', 'region', 'all'] as const;
export type PeerGroupKind = (typeof BUILT_IN_PEER_GROUPS)[number];

/** Each built-in group's short name, for a picker before the API's list with members has come. */
export const PEER_GROUP_KIND_NAMES: Readonly<Record<PeerGroupKind, string>> = {
  kora: 'KORA-nabokommuner',
  kommunegruppe: 'DST-kommunegruppe',
  region: 'Regionen',
  all: 'Hele landet',
};

export const isBuiltInPeerGroup = (name: string): name is PeerGroupKind =>
  (BUILT_IN_PEER_GROUPS as readonly string[]).includes(name);

/** The municipalities of a built-in peer group of `own`, or of a list of codes; own included or not. */
export function peerCodes(own: string, peers: string, includeOwn: boolean): { codes: string[]; name: string } {
  const self = findMunicipality(own);
  let members: readonly Municipality[];
  let name: string;
  switch (peers) {
    case 'kora':
      members = KORA_NEIGHBOURS.flatMap((code) => findMunicipality(code) ?? []);
      name = `KORA-nabokommuner (${members.map((m) => m.name).join(', ')})`;
      break;
    case 'kommunegruppe':
      members = MUNICIPALITIES.filter((m) => m.group === self?.group);
      name = `DST-kommunegruppe ${self?.group ?? '?'}: ${self?.groupName ?? 'ukendt'}`;
      break;
    case 'region':
      members = MUNICIPALITIES.filter((m) => m.regionCode === self?.regionCode);
      name = self?.region ?? 'Regionen';
      break;
    case 'all':
      members = MUNICIPALITIES;
      name = 'Hele landet (98 kommuner)';
      break;
    default:
      members = peers.split(',').map((code) => {
        const m = findMunicipality(code.trim());
        if (!m) throw new RangeError(`"${code.trim()}" is not a municipality code`);
        return m;
      });
      name = `Egen liste (${municipalityCount(members.length)})`;
  }
  const codes = new Set(members.map((m) => m.code));
  if (includeOwn) codes.add(own);
  else codes.delete(own);
  return { codes: [...codes].sort(), name };
}
