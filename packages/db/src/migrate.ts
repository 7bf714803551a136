import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import * as foundation from './migrations/2026-11-27T1900-foundation.ts';
import * as indicatorsAndAccess from './migrations/2026-11-28T0900-indicators-and-access.ts';
import * as peerGroups from './migrations/2026-11-28T1200-peer-groups.ts';
import * as ingestThroughput from './migrations/2026-11-28T1500-ingest-throughput.ts';
import * as kpiPeriods from './migrations/2026-11-28T1800-kpi-periods.ts';
import * as demoMarks from './migrations/2026-12-04T1200-demo-marks.ts';
import * as loginThrottle from './migrations/2026-12-04T1300-login-throttle.ts';
import * as identityProvider from './migrations/2026-12-04T1400-identity-provider.ts';
import * as orgVersions from './migrations/2026-12-04T1500-org-versions.ts';
import * as rollupNow from './migrations/2026-12-04T1510-rollup-now.ts';
import * as explanations from './migrations/2026-12-04T1600-explanations.ts';
import * as notifications from './migrations/2026-12-04T1610-notifications.ts';
import * as usage from './migrations/2026-12-04T1620-usage.ts';
import * as population from './migrations/2026-12-04T1700-population.ts';
import * as economyReadModel from './migrations/2026-12-04T1710-economy-read-model.ts';
import * as economyReadModelOriginal from './migrations/2026-12-04T1715-economy-read-model-original.ts';
import * as benchmarkPriceYear from './migrations/2026-12-04T1720-benchmark-price-year.ts';
import * as economyFollowUpSums from './migrations/2026-12-04T1730-economy-followup-sums.ts';
import * as economyRollupByYear from './migrations/2026-12-04T1740-economy-rollup-by-year.ts';
import * as batchIdByDefault from './migrations/2026-12-04T1750-batch-id-by-default.ts';
import * as orgChildrenIndex from './migrations/2026-12-04T1800-org-children-index.ts';
import * as rowLevelSecurity from './migrations/2026-12-05T0900-row-level-security.ts';

// Listed explicitly (not read from the folder) so that a bundled server carries its migrations.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27T1900-foundation': foundation,
  '2026-11-28T0900-indicators-and-access': indicatorsAndAccess,
  '2026-11-28T1200-peer-groups': peerGroups,
  '2026-11-28T1500-ingest-throughput': ingestThroughput,
  '2026-11-28T1800-kpi-periods': kpiPeriods,
  '2026-12-04T1200-demo-marks': demoMarks,
  '2026-12-04T1300-login-throttle': loginThrottle,
  '2026-12-04T1400-identity-provider': identityProvider,
  '2026-12-04T1500-org-versions': orgVersions,
  '2026-12-04T1510-rollup-now': rollupNow,
  '2026-12-04T1600-explanations': explanations,
  '2026-12-04T1610-notifications': notifications,
  '2026-12-04T1620-usage': usage,
  '2026-12-04T1700-population': population,
  '2026-12-04T1710-economy-read-model': economyReadModel,
  '2026-12-04T1715-economy-read-model-original': economyReadModelOriginal,
  '2026-12-04T1720-benchmark-price-year': benchmarkPriceYear,
  '2026-12-04T1730-economy-followup-sums': economyFollowUpSums,
  '2026-12-04T1740-economy-rollup-by-year': economyRollupByYear,
  '2026-12-04T1750-batch-id-by-default': batchIdByDefault,
  '2026-12-04T1800-org-children-index': orgChildrenIndex,
  '2026-12-05T0900-row-level-security': rowLevelSecurity,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations run against every schema version, not the current types
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
