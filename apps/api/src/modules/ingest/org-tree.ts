import { ORG_LEVELS, type OrgLevel } from '@lis/contracts';
import type { RowError } from './errors.ts';

export interface OrgRow {
  orgId: string;
  parentId: string | null;
  level: OrgLevel;
  /** line in the delivered file, or null for a unit already in the store */
  line: number | null;
}

/**
 * Checks the tree that results from a delivery: the store's units overlaid with the file's.
 * Exactly one kommune root; every parent known and one level up or more; no cycles.
 */
export function checkOrgTree(existing: readonly OrgRow[], delivered: readonly OrgRow[]): RowError[] {
  const units = new Map<string, OrgRow>();
  for (const unit of existing) units.set(unit.orgId, unit);
  for (const unit of delivered) units.set(unit.orgId, unit);
  const errors: RowError[] = [];
  const report = (unit: OrgRow, column: string, value: string | null, message: string) => {
    // Problems caused by units already in the store are reported on the first line of the file.
    errors.push({ line: unit.line ?? 2, column, value, message });
  };

  const roots = [...units.values()].filter((u) => u.parentId === null);
  const depthOf = (level: OrgLevel) => ORG_LEVELS.indexOf(level);
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
    if (inCycle(unit, units)) report(unit, 'parent_id', unit.parentId, 'enheden er sin egen overordnede (en løkke)');
  }
  return errors;
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
  const storedParent = new Map(existing.map((u) => [u.orgId, u.parentId]));
  return delivered.filter((u) => u.parentId !== null && storedParent.get(u.orgId) !== u.parentId);
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
