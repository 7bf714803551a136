import { readFileSync } from 'node:fs';
import { FEEDS, type FeedName } from '@lis/contracts';
import type { Role, Store } from '@lis/db';
import { withTestStore } from '@lis/db/testing';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createToken } from '../src/modules/auth/auth.service.ts';

export const EXAMPLES = new URL('../../../examples/feeds/', import.meta.url);
export const example = (file: string) => readFileSync(new URL(file, EXAMPLES));

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  databaseUrl: string | null;
  /** an API token of the role (a chef's is limited to `orgIds`), created on first use */
  token: (role: Role, orgIds?: string[]) => Promise<string>;
  done: () => Promise<void>;
}

/** The real app on a fresh store (PGlite in memory, or its own database on TEST_DATABASE_URL). */
export async function createTestApp(env: Record<string, string> = {}, municipalities?: string[]): Promise<TestApp> {
  const { store, databaseUrl, done } = await withTestStore();
  const loaded = loadConfig({ LIS_DEMO: '0', LOG_LEVEL: 'silent', ...env });
  // a shared install (LIS_MUNICIPALITIES) also on the embedded store of the tests, which the configuration would refuse
  const config = municipalities ? { ...loaded, municipalities } : loaded;
  const app = await buildApp({ config, store, logger: false, checkResponses: true });
  const tokens = new Map<string, string>();
  const token = async (role: Role, orgIds: string[] = []) => {
    const name = `${role}:${orgIds.join(',')}`;
    if (!tokens.has(name))
      tokens.set(name, await createToken({ db: store.db, municipality: config.municipality }, { name, role, orgIds }));
    return tokens.get(name) as string;
  };
  adminTokens.set(app, await token('admin'));
  return {
    app,
    store,
    databaseUrl,
    token,
    done: async () => {
      await app.close();
      await done();
    },
  };
}

const adminTokens = new WeakMap<FastifyInstance, string>();
const adminToken = (app: FastifyInstance) => adminTokens.get(app) ?? '';
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Posts a feed file as admin. */
export function postFeed(app: FastifyInstance, feed: string, body: string | Buffer, contentType = 'text/csv') {
  return app.inject({
    method: 'POST',
    url: `/api/v1/feeds/${feed}`,
    headers: { 'content-type': contentType, ...bearer(adminToken(app)) },
    payload: body,
  });
}

/** A GET or POST as admin. */
export function asAdmin(app: FastifyInstance, method: 'GET' | 'POST', url: string) {
  return app.inject({ method, url, headers: bearer(adminToken(app)) });
}

/** Loads the example files a feed depends on (organisation, case types) and then the feed itself. */
export async function loadExamples(app: FastifyInstance, feeds: FeedName[]) {
  for (const feed of feeds) {
    const response = await postFeed(app, feed, example(`${feed}.csv`));
    if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body}`);
  }
}

/** The test app with the example organisation loaded, whose units the rows of the other feeds name. */
export async function createAppWithOrganisation(): Promise<TestApp> {
  const t = await createTestApp();
  await loadExamples(t.app, ['organisation']);
  return t;
}

/** An economy file (CSV) of these rows, each `period;org_id;function;dranst;amount_type;amount`. */
export const economyCsv = (...rows: string[]) => `period;org_id;function;dranst;amount_type;amount\n${rows.join('\n')}\n`;

/** A fingerprint of every fact table and the closure, to prove that a rejected file changed nothing. */
export async function factFingerprint(store: Store): Promise<Record<string, string>> {
  const tables = [...new Set(Object.values(FEEDS).map((f) => f.table)), 'org_closure'];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await sql<{ fp: string | null; n: number }>`
      select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as fp, count(*)::int as n from ${sql.id(table)} t`.execute(
      store.db,
    );
    result[table] = `${rows[0]?.n}:${rows[0]?.fp}`;
  }
  return result;
}
