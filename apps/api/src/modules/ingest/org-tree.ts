import { ORG_LEVELS, type OrgLevel } from '@lis/contracts';
import { addMonths } from '@lis/domain';
import type { RowError } from './errors.ts';
import { isEmptySpan, type MonthSpan, monthsOfVersion, spanText } from './unit-validity.ts';

/** A version of a unit: the organisation feed's row. */
export interface OrgRow {
  orgId: string;
  parentId: string | null;
  level: OrgLevel;
  validFrom: string | null;
  validTo: string | null;
  /** line in the delivered file, or null for a unit already in the store */
  line: number | null;
}

/**
 * Checks the organisation that results from a delivery: the store's units overlaid with the
 * file's (a unit in the file replaces all its stored versions). Today's tree (each unit's newest
 * version): exactly one kommune root; every parent known and one level up or more; no cycles.
 * Over time: a unit's versions do not overlap, and in every month a version holds (while the
 * kommune exists) its parent holds too, one level up or more.
 */
export function checkOrgTree(existing: readonly OrgRow[], delivered: readonly OrgRow[]): RowError[] {
  const versions = versionsByUnit(existing, delivered);
  const units = new Map([...versions].map(([id, list]) => [id, list[list.length - 1] as OrgRow]));
  const errors: RowError[] = [];
  const report = (unit: OrgRow, column: string, value: string | null, message: string) => {
    // Problems caused by units already in the store are reported on the first line of the file.
    errors.push({ line: unit.line ?? 2, column, value, message });
  };

  const roots = [...units.values()].filter((u) => u.parentId === null);
  for (const unit of units.values()) {
    if (unit.parentId === null) {
      if (unit.level !== 'kommune')
        report(unit, 'parent_id', null, `en ${unit.level} skal have en overordnet enhed; kun kommunen er rod`);
      else if (roots.length > 1 && unit !== roots.find((r) => r.level === 'kommune')) {
        report(unit, 'parent_id', null, 'endnu en rod: der skal være præcis én kommune');
      }
      continue;
    }
    if (unit.level === 'kommune') report(unit, 'level', unit.level, 'kommunen er roden og har ingen overordnet enhed');
    const parent = units.get(unit.parentId);
    if (!parent) report(unit, 'parent_id', unit.parentId, 'ukendt overordnet enhed');
    else if (depthOf(parent.level) >= depthOf(unit.level)) {
      report(
        unit,
        'parent_id',
        unit.parentId,
        `den overordnede enhed er en ${parent.level}, som ikke ligger over en ${unit.level}`,
      );
    }
  }
  if (roots.length === 0 && units.size > 0) {
    errors.push({
      line: delivered[0]?.line ?? 2,
      column: 'parent_id',
      value: null,
      message: 'ingen rod: præcis én enhed, kommunen, skal have tom parent_id',
    });
  }
  for (const unit of delivered) {
    if (units.get(unit.orgId) === unit && inCycle(unit, units))
      report(unit, 'parent_id', unit.parentId, 'enheden er sin egen overordnede (en løkke)');
  }
  errors.push(...overlappingVersions(delivered));
  const root = roots.length === 1 && roots[0]?.level === 'kommune' ? roots[0] : null;
  if (root) errors.push(...historyProblems(versions, units, root));
  return errors;
}

const depthOf = (level: OrgLevel) => ORG_LEVELS.indexOf(level);
const fromOrder = (v: OrgRow) => v.validFrom ?? '';

/** Each unit's versions, oldest first: the stored ones, or the delivered ones where the file names the unit. */
function versionsByUnit(existing: readonly OrgRow[], delivered: readonly OrgRow[]): Map<string, OrgRow[]> {
  const group = (rows: readonly OrgRow[]) => {
    const byUnit = new Map<string, OrgRow[]>();
    for (const row of rows) byUnit.set(row.orgId, [...(byUnit.get(row.orgId) ?? []), row]);
    return byUnit;
  };
  const versions = group(existing);
  for (const [id, list] of group(delivered)) versions.set(id, list);
  for (const list of versions.values()) list.sort((a, b) => fromOrder(a).localeCompare(fromOrder(b)));
  return versions;
}

/** Versions of a unit in the file whose validity overlaps an earlier one's (same valid_from is a duplicate key). */
function overlappingVersions(delivered: readonly OrgRow[]): RowError[] {
  const errors: RowError[] = [];
  for (const list of versionsByUnit([], delivered).values()) {
    for (let i = 1; i < list.length; i++) {
      const [earlier, later] = [list[i - 1] as OrgRow, list[i] as OrgRow];
      if (earlier.validFrom === later.validFrom) continue;
      if (earlier.validTo === null || (later.validFrom as string) <= earlier.validTo) {
        errors.push({
          line: later.line ?? 2,
          column: 'valid_from',
          value: later.validFrom,
          message: `overlapper enhedens version på linje ${earlier.line} (gyldig ${earlier.validFrom ?? 'altid'} – ${earlier.validTo ?? 'fremover'}); en enheds versioner må ikke overlappe`,
        });
      }
    }
  }
  return errors;
}

/**
 * In every month a version holds while the kommune exists, its parent must hold too, one level up;
 * the newest versions' parents and levels are checked as today's tree above.
 */
function historyProblems(
  versions: ReadonlyMap<string, readonly OrgRow[]>,
  newest: ReadonlyMap<string, OrgRow>,
  root: OrgRow,
): RowError[] {
  const rootSpans = (versions.get(root.orgId) ?? []).map((v) => monthsOfVersion(v.validFrom, v.validTo));
  const kommune: MonthSpan = { from: rootSpans[0]?.from ?? null, to: rootSpans[rootSpans.length - 1]?.to ?? null };
  const errors: RowError[] = [];
  for (const list of versions.values()) {
    for (const version of list) {
      const span = clip(monthsOfVersion(version.validFrom, version.validTo), kommune);
      if (isEmptySpan(span)) continue;
      const at = (column: string, value: string | null, message: string) =>
        errors.push({ line: version.line ?? 2, column, value, message });
      if (version.parentId === null) {
        if (version !== newest.get(version.orgId) && version.orgId !== root.orgId)
          at('parent_id', null, `en ${version.level} skal have en overordnet enhed; kun kommunen er rod`);
        continue;
      }
      const parents = versions.get(version.parentId);
      if (!parents) continue; // an unknown parent is reported on the newest version
      const gap = firstMonthWithout(span, parents);
      if (gap) {
        at('parent_id', version.parentId, `den overordnede enhed findes ikke i ${gap} (versionen gælder ${spanText(span)})`);
        continue;
      }
      const lower = parents.find(
        (p) => depthOf(p.level) >= depthOf(version.level) && overlaps(monthsOfVersion(p.validFrom, p.validTo), span),
      );
      if (lower && version !== newest.get(version.orgId)) {
        at('parent_id', version.parentId, `den overordnede enhed er en ${lower.level}, som ikke ligger over en ${version.level}`);
      }
    }
  }
  return errors;
}

const clip = (span: MonthSpan, within: MonthSpan): MonthSpan => ({
  from: span.from === null ? within.from : within.from === null || span.from > within.from ? span.from : within.from,
  to: span.to === null ? within.to : within.to === null || span.to < within.to ? span.to : within.to,
});

const overlaps = (a: MonthSpan, b: MonthSpan) =>
  (a.to === null || b.from === null || b.from <= a.to) && (b.to === null || a.from === null || a.from <= b.to);

/** The first month of `span` in which none of the parent's versions holds, or null when they cover it. */
function firstMonthWithout(span: MonthSpan, parents: readonly OrgRow[]): string | null {
  const spans = parents
    .map((p) => monthsOfVersion(p.validFrom, p.validTo))
    .filter((s) => !isEmptySpan(s))
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
  let month = span.from; // null: since always
  for (const s of spans) {
    if (s.to !== null && month !== null && s.to < month) continue; // ended before
    if (s.from !== null && (month === null || s.from > month)) break; // a gap before it
    if (s.to === null || (span.to !== null && s.to >= span.to)) return null;
    month = addMonths(s.to, 1);
  }
  return month ?? `månederne før ${spans[0]?.from}`;
}

function inCycle(start: OrgRow, units: ReadonlyMap<string, OrgRow>): boolean {
  const seen = new Set<string>([start.orgId]);
  let current = start.parentId;
  while (current !== null) {
    if (seen.has(current)) return current === start.orgId;
    seen.add(current);
    current = units.get(current)?.parentId ?? null;
  }
  return false;
}

/** Units of the file placed under a parent they were not under in the store. */
function newLinks(existing: readonly OrgRow[], delivered: readonly OrgRow[]): OrgRow[] {
  const storedLinks = new Set(existing.map((u) => `${u.orgId}|${u.parentId}`));
  return delivered.filter((u) => u.parentId !== null && !storedLinks.has(`${u.orgId}|${u.parentId}`));
}

/** The parents that get a child they did not have before the delivery. */
export function parentsGainingChildren(existing: readonly OrgRow[], delivered: readonly OrgRow[]): Set<string> {
  return new Set(newLinks(existing, delivered).map((u) => u.parentId as string));
}

/**
 * Personal-data rows (sick leave, surveys) belong to lowest-level units (domain.md §4): a unit that
 * holds them cannot be given children, or its own rows would be a hidden small group beside them.
 * Each unit of the file placed under such a unit is an error on its line.
 */
export function checkNewParents(
  existing: readonly OrgRow[],
  delivered: readonly OrgRow[],
  withPersonalRows: ReadonlySet<string>,
): RowError[] {
  return newLinks(existing, delivered)
    .filter((u) => withPersonalRows.has(u.parentId as string))
    .map((u) => ({
      line: u.line ?? 2,
      column: 'parent_id',
      value: u.parentId,
      message: `enheden ${u.parentId} har rækker med sygefravær eller trivsel (personoplysninger, kun for enheder uden underenheder) og kan ikke få underenheder`,
    }));
}
