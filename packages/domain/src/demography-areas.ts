import { alignsWithBands } from './population-bands.ts';

/**
 * The demand-driven areas of the demographic pressure (docs/demography.md): data, shipped as
 * reference/demography/areas.json and replaceable by a municipality's own file. Validated here, so
 * a wrong file is refused with the area and field named, never half used.
 */
export interface DemographyArea {
  id: string;
  name: string;
  /** the target population's ages; `to` null = and over */
  ages: { from: number; to: number | null };
  /** functions h.hf.ff, hovedfunktioner h.hf or ranges a-b (the StatBank mapping's notation) */
  functions: string[];
  /** the benchmark feed's area with the same target population, or null */
  benchmarkArea: string | null;
  /** counted in the total pressure; false for an area that prices the same spending on other ages */
  inTotal: boolean;
}

const CODE = /^\d(\.\d\d){1,2}$/;

function validFunctionPattern(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const [from, to, ...rest] = pattern.split('-');
  if (rest.length > 0 || from === undefined || !CODE.test(from)) return false;
  // a range stays within one hovedfunktion, so the store can be asked by hovedfunktion
  return to === undefined || (CODE.test(to) && to.length === from.length && to >= from && to.slice(0, 4) === from.slice(0, 4));
}

/** Whether function `fn` (h.hf.ff) falls under a pattern of an area. */
export function functionInPattern(fn: string, pattern: string): boolean {
  const [from, to] = pattern.split('-') as [string, string | undefined];
  if (to !== undefined) {
    const own = fn.slice(0, from.length);
    return own >= from && own <= to;
  }
  return fn === from || fn.startsWith(`${from}.`);
}

export const functionInArea = (fn: string, area: Pick<DemographyArea, 'functions'>) =>
  area.functions.some((pattern) => functionInPattern(fn, pattern));

/** The hovedfunktioner (h.hf) the areas' functions lie in. */
export const areaMainFunctions = (areas: readonly Pick<DemographyArea, 'functions'>[]): string[] => [
  ...new Set(areas.flatMap((a) => a.functions.map((pattern) => pattern.slice(0, 4)))),
];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeAge = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 125;

/** Reads a mapping file's content; throws an Error naming the area and the field that is wrong. */
export function parseDemographyAreas(value: unknown): DemographyArea[] {
  const areas = isObject(value) ? value.areas : undefined;
  if (!Array.isArray(areas) || areas.length === 0) throw new Error('areas: skal være en liste med mindst ét område');
  const seen = new Set<string>();
  return areas.map((raw, i) => {
    const where = `areas[${i}]`;
    const fail = (field: string, problem: string): never => {
      throw new Error(`${where}.${field}: ${problem}`);
    };
    if (!isObject(raw)) return fail('', 'skal være et objekt');
    const { id, name, ages, functions, benchmarkArea, inTotal } = raw;
    if (typeof id !== 'string' || !/^[a-z0-9_]+$/.test(id)) fail('id', 'skal være a-z, 0-9 eller _');
    if (seen.has(id as string)) fail('id', `${String(id)} står to gange`);
    seen.add(id as string);
    if (typeof name !== 'string' || name.trim() === '') fail('name', 'skal udfyldes');
    if (!isObject(ages) || !wholeAge(ages.from) || !(ages.to === undefined || ages.to === null || wholeAge(ages.to)))
      return fail('ages', 'skal være { "from": alder, "to": alder } eller { "from": alder }');
    const range = { from: ages.from as number, to: (ages.to ?? null) as number | null };
    if (!alignsWithBands(range))
      fail('ages', 'skal begynde og slutte ved aldersbåndenes grænser (0-2, 3-5, 6-16, 17-24, 25-64, 65-79, 80+)');
    if (!Array.isArray(functions) || functions.length === 0 || !functions.every(validFunctionPattern))
      fail('functions', 'skal være en liste af funktioner h.hf.ff, hovedfunktioner h.hf eller intervaller a-b');
    if (!(benchmarkArea === undefined || benchmarkArea === null || typeof benchmarkArea === 'string'))
      fail('benchmarkArea', 'skal være et benchmarkområde eller null');
    if (typeof inTotal !== 'boolean') fail('inTotal', 'skal være true eller false');
    return {
      id: id as string,
      name: (name as string).trim(),
      ages: range,
      functions: functions as string[],
      benchmarkArea: (benchmarkArea ?? null) as string | null,
      inTotal: inTotal as boolean,
    };
  });
}

/** '0–5 år', '65+ år' */
export const agesText = (ages: DemographyArea['ages']) => (ages.to === null ? `${ages.from}+ år` : `${ages.from}–${ages.to} år`);
