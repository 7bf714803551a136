import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FeedLoadResult, FeedName } from '@lis/contracts';
import { generateDemoFeeds } from './modules/demo/generate.ts';

export const DEMO_SEED = 849;

type Load = (feed: FeedName, path: string, fileName: string) => Promise<FeedLoadResult>;

/**
 * Generates the demo feeds and loads them one by one through the normal ingestion path
 * (`load` is the CLI backend or the ingestion service), so demo data passes the same checks.
 */
export async function loadDemoData(load: Load, options: { seed?: number; log?: (line: string) => void } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'lis-demo-'));
  try {
    const files = await generateDemoFeeds(dir, { seed: options.seed ?? DEMO_SEED });
    const results: FeedLoadResult[] = [];
    for (const file of files) {
      const result = await load(file.feed, file.path, `demo/${basename(file.path)}`);
      options.log?.(`  ${file.feed.padEnd(13)} ${String(result.rows).padStart(7)} rows  ${result.status}`);
      results.push(result);
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
