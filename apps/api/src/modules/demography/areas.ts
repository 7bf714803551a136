import { readFileSync } from 'node:fs';
import { type DemographyArea, parseDemographyAreas } from '@lis/domain';
import shipped from '../../../../../reference/demography/areas.json' with { type: 'json' };

/**
 * The areas of the demographic pressure: the shipped reference/demography/areas.json, or the
 * municipality's own file named by LIS_DEMOGRAPHY_AREAS (reference/demography/README.md). The
 * configuration reads it at boot, so a wrong file stops the start with the area and field named.
 */
export function loadDemographyAreas(path: string | undefined): DemographyArea[] {
  if (!path) return parseDemographyAreas(shipped);
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return parseDemographyAreas(content);
}

let inUse: DemographyArea[] | null = null;

/** The areas in use, read once. */
export function demographyAreas(): DemographyArea[] {
  inUse ??= loadDemographyAreas(process.env.LIS_DEMOGRAPHY_AREAS?.trim() || undefined);
  return inUse;
}
