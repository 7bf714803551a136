import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore, readLiveLock, type Store } from '@lis/db';
import { withTestStore } from '@lis/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFromSession, signIn } from '../src/modules/auth/auth.service.ts';

const BIN = new URL('../bin/lis.mjs', import.meta.url).pathname;
// The command as `pnpm build` ships it, bundled once for this file: each of the forty-odd commands
// below then starts in about half the time that bin/lis.mjs takes through tsx on a fresh clone.
// One test runs bin/lis.mjs itself.
const BUNDLE_DIR = new URL('../node_modules/.cache/lis-cli-test/', import.meta.url).pathname;
const CLI = join(BUNDLE_DIR, 'cli.js');
const SERVER = new URL('../src/server.ts', import.meta.url).pathname;
const EXAMPLES = new URL('../../../examples/feeds/', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Plain output whatever the CI sets (picocolors colours when CI or FORCE_COLOR is set).
const { FORCE_COLOR: _forced, ...plainEnv } = process.env;

function lis(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return lisWithInput(env, null, ...args);
}

/** `lis` with `input` on stdin (a password, as `echo … | lis user add` gives it). */
function lisWithInput(env: Record<string, string>, input: string | null, ...args: string[]): Promise<Run> {
  return launch(CLI, env, input, args);
}

function launch(bin: string, env: Record<string, string>, input: string | null, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...plainEnv, LOG_LEVEL: 'silent', NO_COLOR: '1', ...env } });
    if (input !== null) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The process holding a data directory's lock file, or null before any has it. */
const readLockPid = (dataDir: string): number | null => {
  const file = join(dataDir, 'lis.lock.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid : null;
};

const badEconomy = join(mkdtempSync(join(tmpdir(), 'lis-cli-')), 'bad.csv');
writeFileSync(
  badEconomy,
  'period;org_id;function;dranst;amount_type;amount\n2016-01;221010;3.22.01;1;actual;5\n2016-13;221010;3.22.01;1;actual;5\n',
);

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

// The CLI opens the store itself: a data directory on PGlite, its own database on PostgreSQL.
let env: Record<string, string>;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const build = spawnSync(process.execPath, [new URL('../scripts/build.mjs', import.meta.url).pathname, '--outdir', BUNDLE_DIR]);
  if (build.status !== 0) throw new Error(`the CLI bundle failed to build: ${build.stderr}`);
  const test = await withTestStore();
  if (test.databaseUrl) {
    env = { DATABASE_URL: test.databaseUrl };
    cleanup = test.done;
  } else {
    await test.done();
    env = { LIS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lis-cli-data-')) };
    cleanup = async () => {};
  }
}, 60_000);
afterAll(() => cleanup());

describe('lis ingest, batches, restore', () => {
  it('loads a file and prints a summary', async () => {
    const run = await lis(env, 'ingest', 'organisation', join(EXAMPLES, 'organisation.csv'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Loaded organisation: 17 rows .* as batch 1/);
  });

  it('answers a file already loaded as unchanged', async () => {
    const run = await lis(env, 'ingest', 'organisation', join(EXAMPLES, 'organisation.csv'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('already loaded as batch 1: unchanged');
  });

  it('exits non-zero on a rejected file and prints each error with line and column', async () => {
    const run = await lis(env, 'ingest', 'economy', badEconomy);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.csv blev afvist: 1 fejl. Intet er gemt.');
    expect(run.stderr).toContain('linje 3, kolonne period (værdi "2016-13"): er ikke en måned');
  });

  it('lists the ledger and restores a replaced batch', async () => {
    const restated = join(mkdtempSync(join(tmpdir(), 'lis-cli-')), 'org.csv');
    writeFileSync(restated, 'org_id;parent_id;name;level\n221010;2200;Aabybro Skole og SFO;enhed\n');
    expect((await lis(env, 'ingest', 'organisation', restated)).code).toBe(0);
    const batches = await lis(env, 'batches');
    expect(batches.code).toBe(0);
    expect(batches.stdout).toMatch(/^3\s+organisation\s+loaded\s+1\s+1/m);
    expect(batches.stdout).toMatch(/^2\s+economy\s+rejected/m);
    expect(batches.stdout).toMatch(/^1\s+organisation\s+loaded\s+17\s+16/m);
    const restore = await lis(env, 'restore', '1');
    expect(restore.stdout).toContain('Restored batch 1 (organisation, 17 rows from organisation.csv)');
    expect((await lis(env, 'batches', '--feed', 'organisation')).stdout).toMatch(/^3\s+organisation\s+replaced\s+1\s+0/m);
  });

  it('explains a wrong feed name or argument (through bin/lis.mjs, the sources through tsx)', async () => {
    const wrong = await launch(BIN, env, null, ['ingest', 'salaries', badEconomy]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('feeds are organisation, economy');
    expect((await lis(env, 'restore', 'x')).stderr).toContain('positive whole number');
  });
});

describe('lis import statbank', () => {
  const FIXTURES = new URL('./fixtures/statbank/', import.meta.url).pathname;
  const benchmark = (rows: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'lis-cli-')), 'benchmark.csv');
    writeFileSync(path, `year;municipality;area;net_expenditure;target_population;need_index\n${rows}`);
    return path;
  };

  it('completes accounts with the stored population, or refuses when a row stays half', async () => {
    expect(
      (await lis(env, 'ingest', 'benchmark', benchmark('2023;849;folkeskole;1;4.000;1,05\n2023;787;folkeskole;1;4.500;\n'))).code,
    ).toBe(0);
    const half = await lis(env, 'import', 'statbank', join(FIXTURES, 'regk31-folkeskole.csv'));
    expect(half.code).toBe(1);
    expect(half.stderr).toContain('2023 860 folkeskole: no target population');
    expect((await lis(env, 'ingest', 'benchmark', benchmark('2023;860;folkeskole;1;6.000;\n'))).code).toBe(0);
    const run = await lis(env, 'import', 'statbank', join(FIXTURES, 'regk31-folkeskole.csv'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('regk31-folkeskole.csv: accounts');
    expect(run.stdout).toMatch(/Benchmark: 3 rows loaded as batch \d+\. Kilde: Danmarks Statistik\./);
    const batches = await lis(env, 'batches', '--feed', 'benchmark', '--limit', '1');
    expect(batches.stdout).toContain('statbank/regk31-folkeskole.csv');
    const store = await createStore(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.LIS_DATA_DIR as string, 'pglite') },
    );
    try {
      const row = await store.db
        .selectFrom('benchmark')
        .select(['net_expenditure', 'target_population', 'need_index', 'price_year'])
        .where('active', '=', true)
        .where('subject_municipality', '=', '849')
        .executeTakeFirst();
      // 180.000 − 1.500 + 21.000 (the `..` refund left out) thousand kr.; population and need index kept from the store;
      // REGK31's current prices are the prices of the year itself
      expect(row).toEqual({ net_expenditure: 199_500_000, target_population: 4000, need_index: 1.05, price_year: 2023 });
    } finally {
      await store.close();
    }
  });

  it('loads a FOLK1A extract into the population feed, summed over sex and marital status', async () => {
    const run = await lis(env, 'import', 'statbank', join(FIXTURES, 'folk1a-by-sex.jsonstat1.json'));
    // statbank-population.test.ts: age 0 = 390, age 70 = 205 in 2016
    expect(run.stdout).toMatch(/Befolkning: 2 rows loaded as batch \d+\. Kilde: Danmarks Statistik\./);
    // its sex and marital status are parts only (no TOT), so it gives no benchmark target populations
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Benchmark: no rows in these extracts (nothing loaded).');
    expect(run.code).toBe(0);
    const batches = await lis(env, 'batches', '--feed', 'population', '--limit', '1');
    expect(batches.stdout).toContain('statbank/folk1a-by-sex.jsonstat1.json');
  });
});

describe('lis user', () => {
  /** The store the CLI used, opened after the command has ended. */
  async function withStore<T>(run: (ctx: { db: Store['db']; municipality: string }) => Promise<T>): Promise<T> {
    const store = await createStore(
      env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(env.LIS_DATA_DIR as string, 'pglite') },
    );
    try {
      return await run({ db: store.db, municipality: '849' });
    } finally {
      await store.close();
    }
  }
  const PASSWORD = 'en lang adgangskode';
  const sessionFor = async (password: string) => {
    const result = await withStore((ctx) => signIn(ctx, 'ida', password));
    return result.outcome === 'ok' ? result.sessionId : result.outcome;
  };
  const isLive = (sessionId: string) => withStore(async (ctx) => (await principalFromSession(ctx, sessionId)) !== null);

  it('refuses a short or blank password and adds a user with a good one (as before)', async () => {
    const short = await lisWithInput(env, 'elleve tegn\n', 'user', 'add', 'ida', '--role', 'oekonom');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('A password needs at least 12 characters');
    const blank = await lisWithInput(env, `${' '.repeat(14)}\n`, 'user', 'add', 'ida', '--role', 'oekonom');
    expect(blank.stderr).toContain('A password cannot be only spaces');
    const add = await lisWithInput(env, `${PASSWORD}\n`, 'user', 'add', 'ida', '--role', 'oekonom');
    expect(add.stderr).toBe('');
    expect(add.stdout).toContain('Added ida as oekonom.');
  }, 180_000);

  // The user and access-rule commands below run the same Kysely code on both stores (the HTTP user
  // and access-rule administration is tested on both in users-admin.test.ts), so they run on
  // PostgreSQL only: on the embedded store their 18 commands and 14 checks each open PGlite anew,
  // about 80 s of the CI's embedded run.
  it.runIf(onPostgres)(
    'ends sessions, disables, enables and resets the password, each in the audit log',
    async () => {
      const first = await sessionFor(PASSWORD);
      expect(await isLive(first)).toBe(true);
      const ended = await lis(env, 'user', 'end-sessions', 'ida');
      expect(ended.stdout).toContain('Ended 1 open session of ida.');
      expect(await isLive(first)).toBe(false);

      const second = await sessionFor(PASSWORD);
      const disabled = await lis(env, 'user', 'disable', 'ida');
      expect(disabled.stdout).toContain('Disabled ida and ended 1 open session.');
      expect(await isLive(second)).toBe(false);
      expect(await sessionFor(PASSWORD)).toBe('wrong');

      expect((await lis(env, 'user', 'enable', 'ida')).stdout).toContain('Enabled ida.');
      const third = await sessionFor(PASSWORD);
      expect(await isLive(third)).toBe(true);

      const weak = await lisWithInput(env, 'kort\n', 'user', 'reset-password', 'ida');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('at least 12 characters');
      const reset = await lisWithInput(env, 'et helt nyt kodeord\n', 'user', 'reset-password', 'ida');
      expect(reset.stdout).toContain('Set a new password for ida and ended 1 open session.');
      expect(await isLive(third)).toBe(false);
      expect(await sessionFor(PASSWORD)).toBe('wrong');
      expect(await isLive(await sessionFor('et helt nyt kodeord'))).toBe(true);

      const unknown = await lis(env, 'user', 'disable', 'nobody');
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('There is no user named nobody');

      const audit = await withStore((ctx) =>
        ctx.db
          .selectFrom('audit_log')
          .select(['action', 'actor', 'outcome'])
          .where('target', '=', 'user:ida')
          .orderBy('id')
          .execute(),
      );
      expect(audit.map((a) => a.action)).toEqual(['user_sessions_end', 'user_disable', 'user_enable', 'user_password_reset']);
      expect(audit.every((a) => a.actor.startsWith('cli:') && a.outcome === 'ok')).toBe(true);
    },
    300_000,
  );

  it.runIf(onPostgres)(
    'lists users with role, units, source, disabled, last sign-in and active sessions',
    async () => {
      const chef = await lisWithInput(
        env,
        `${PASSWORD}\n`,
        'user',
        'add',
        'jens',
        '--role',
        'chef',
        '--org',
        '221010',
        '--name',
        'Jens Holm',
      );
      expect(chef.code).toBe(0);
      await lis(env, 'user', 'disable', 'jens');
      const list = await lis(env, 'user', 'list');
      expect(list.code).toBe(0);
      const lines = list.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^username\s+name\s+role\s+units\s+source\s+disabled\s+last sign-in \(UTC\)\s+active sessions$/);
      // ida signed in with her new password in the test above; jens never has
      expect(lines.find((l) => l.startsWith('ida '))).toMatch(
        /^ida\s+ida\s+oekonom\s+local\s+no\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+1$/,
      );
      expect(lines.find((l) => l.startsWith('jens '))).toMatch(/^jens\s+Jens Holm\s+chef\s+221010\s+local\s+yes\s+0$/);
    },
    120_000,
  );

  it.runIf(onPostgres)(
    'adds, lists and removes access rules, refuses bad ones, and audits each change',
    async () => {
      const chef = await lis(
        env,
        'access-rule',
        'add',
        '--value',
        'lis-chefer-aaby',
        '--role',
        'chef',
        '--org',
        '221010',
        '--note',
        'Chefer i Aaby',
      );
      expect(chef.stderr).toBe('');
      expect(chef.stdout).toMatch(/Added rule (\d+): groups = lis-chefer-aaby gives chef for 221010\./);
      const admin = await lis(env, 'access-rule', 'add', '--claim', 'roles', '--value', 'LIS.Admin', '--role', 'admin');
      expect(admin.stdout).toContain('roles = LIS.Admin gives admin.');

      const duplicate = await lis(env, 'access-rule', 'add', '--value', 'lis-chefer-aaby', '--role', 'direktion');
      expect([duplicate.code, duplicate.stderr]).toEqual([
        1,
        expect.stringContaining('There is already a rule for groups = lis-chefer-aaby'),
      ]);
      const unknown = await lis(env, 'access-rule', 'add', '--value', 'x', '--role', 'chef', '--org', 'NOPE');
      expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('Unknown org unit(s): NOPE')]);
      const badClaim = await lis(env, 'access-rule', 'add', '--claim', 'to ord', '--value', 'x', '--role', 'direktion');
      expect([badClaim.code, badClaim.stderr]).toEqual([1, expect.stringContaining('A claim is a claim name')]);

      const list = await lis(env, 'access-rule', 'list');
      expect(list.stdout).toMatch(/^id\s+claim\s+value\s+role\s+units\s+note$/m);
      expect(list.stdout).toMatch(/^\d+\s+groups\s+lis-chefer-aaby\s+chef\s+221010\s+Chefer i Aaby$/m);
      const adminId = /^(\d+)\s+roles\s+LIS\.Admin\s+admin$/m.exec(list.stdout)?.[1] as string;
      expect((await lis(env, 'access-rule', 'remove', adminId)).stdout).toContain(`Removed rule ${adminId} (roles = LIS.Admin).`);
      expect((await lis(env, 'access-rule', 'list')).stdout).not.toContain('LIS.Admin');
      const again = await lis(env, 'access-rule', 'remove', adminId);
      expect([again.code, again.stderr]).toEqual([1, expect.stringContaining(`There is no access rule ${adminId}`)]);

      const audit = await withStore((ctx) =>
        ctx.db
          .selectFrom('audit_log')
          .select(['action', 'actor'])
          .where('action', 'like', 'access_rule_%')
          .orderBy('id')
          .execute(),
      );
      expect(audit.map((a) => a.action)).toEqual(['access_rule_add', 'access_rule_add', 'access_rule_remove']);
      expect(audit.every((a) => a.actor.startsWith('cli:'))).toBe(true);
    },
    180_000,
  );
});

describe.runIf(!onPostgres)('the embedded store belongs to one process', () => {
  let server: ChildProcess | null = null;
  afterAll(() => server?.kill('SIGKILL'));

  it('sends commands through the running server instead of opening the directory twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lis-cli-server-'));
    server = spawn(process.execPath, ['--import', 'tsx', SERVER], {
      env: { ...process.env, LIS_DATA_DIR: dataDir, PORT: '0', LIS_DEMO: '0', LOG_LEVEL: 'silent' },
      cwd: new URL('..', import.meta.url).pathname,
    });
    // creating the embedded store takes seconds, tens of them on a busy machine
    for (let i = 0; i < 1200 && !(await readLiveLock(dataDir))?.url; i++) await new Promise((r) => setTimeout(r, 100));
    const holder = await readLiveLock(dataDir);
    expect(holder?.pid).toBe(server.pid);
    const run = await lis({ LIS_DATA_DIR: dataDir }, 'ingest', 'organisation', join(EXAMPLES, 'organisation.csv'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`into the LIS server at ${holder?.url} (process ${server.pid})`);
    const batches = (
      await fetch(`${holder?.url}/api/v1/batches`, { headers: { authorization: `Bearer ${holder?.cliToken}` } })
    ).json();
    expect(await batches).toMatchObject([{ feed: 'organisation', rows: 17, status: 'loaded' }]);

    // the rest of the commands go the same way, with the local backend's answers
    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, 'period;org_id;function;dranst;amount_type;amount\n2016-13;221010;3.22.01;1;actual;1\n');
    const rejected = await lis({ LIS_DATA_DIR: dataDir }, 'ingest', 'economy', bad);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('linje 2, kolonne period (værdi "2016-13"): er ikke en måned');
    const listed = await lis({ LIS_DATA_DIR: dataDir }, 'batches', '--feed', 'organisation');
    expect(listed.stdout).toMatch(/^1\s+organisation\s+loaded\s+17/m);
    const unknown = await lis({ LIS_DATA_DIR: dataDir }, 'restore', '99');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('The server answered 404');
  }, 180_000);
});

describe.runIf(!onPostgres)('a crash during a load', () => {
  it('leaves the embedded store readable and without a partial batch', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lis-crash-'));
    expect((await lis({ LIS_DATA_DIR: dataDir }, 'ingest', 'organisation', join(EXAMPLES, 'organisation.csv'))).code).toBe(0);
    const big = join(dataDir, 'big.csv');
    const lines = ['period;org_id;function;dranst;amount_type;amount'];
    for (let i = 0; i < 600_000; i++)
      lines.push(
        `20${10 + (i % 7)}-${String(1 + (i % 12)).padStart(2, '0')};221010;3.22.${String(i % 100).padStart(2, '0')};1;actual;${i},5`,
      );
    writeFileSync(big, `${[...new Set(lines)].join('\n')}\n`);

    const child = spawn(process.execPath, [CLI, 'ingest', 'economy', big], { env: { ...process.env, LIS_DATA_DIR: dataDir } });
    // Kill it once it is inside the load transaction (the staging rows are being copied): it holds
    // the lock first, which takes long on a busy machine, then parses for seconds.
    for (let i = 0; i < 600 && readLockPid(dataDir) !== child.pid; i++) await new Promise((r) => setTimeout(r, 100));
    expect(readLockPid(dataDir)).toBe(child.pid);
    await new Promise((r) => setTimeout(r, 4000));
    child.kill('SIGKILL');
    const signal = await new Promise((r) => child.on('close', (_code, sig) => r(sig)));
    expect(signal).toBe('SIGKILL'); // it was still loading, not finished

    const store = await createStore({ dataDir: join(dataDir, 'pglite') });
    try {
      const batches = await store.db.selectFrom('batches').select(['feed', 'status']).execute();
      expect(batches).toEqual([{ feed: 'organisation', status: 'loaded' }]);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from economy`.execute(store.db);
      expect(rows[0]?.n).toBe(0);
      expect(readFileSync(join(dataDir, 'lis.lock.json'), 'utf8')).toContain(String(child.pid));
    } finally {
      await store.close();
    }
    // The lock left by the killed process is stale, so the next command takes over.
    expect((await lis({ LIS_DATA_DIR: dataDir }, 'batches')).stdout).toMatch(/^1\s+organisation\s+loaded/m);
  }, 120_000);
});
