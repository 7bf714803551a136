// The production image without Docker: the Dockerfile's properties read from the file, and the
// directory its build stage deploys (`pnpm deploy --prod` + the web app) run from elsewhere.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const API = new URL('../', import.meta.url).pathname;
const FIXTURES = new URL('./fixtures/statbank/', import.meta.url).pathname;

/** The Dockerfile's stages, each as its lines without comments. */
function dockerStages(): string[][] {
  const lines = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: string[][] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  return stages;
}

/** The workspace's packages (pnpm-workspace.yaml's `packages:` list: `apps/*`, `packages/*`, `bench`, `e2e`). */
function workspacePackages(): string[] {
  const list = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8').match(/^packages:\n((?:\s+- .*\n)+)/m)?.[1] ?? '';
  return list
    .split('\n')
    .map((line) => line.replace(/^\s+- /, '').trim())
    .filter(Boolean)
    .flatMap((glob) => {
      if (!glob.endsWith('/*')) return [glob];
      const parent = glob.slice(0, -2);
      return readdirSync(join(ROOT, parent))
        .filter((name) => existsSync(join(ROOT, parent, name, 'package.json')))
        .map((name) => `${parent}/${name}`);
    });
}

/** The newest modification time of the files at or under `paths` (0 when none exists). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths.filter((p) => existsSync(p))) {
    newest = statSync(path).isDirectory()
      ? Math.max(newest, newestMtime(readdirSync(path).map((entry) => join(path, entry))))
      : Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether the server bundle or the web app is missing or older than a source it is made from. */
function buildsStale(): boolean {
  const shared = ['packages/contracts/src', 'packages/domain/src'];
  const builds = [
    {
      outputs: ['apps/api/dist/server.js', 'apps/api/dist/cli.js'],
      sources: ['apps/api/src', 'apps/api/scripts', 'packages/db/src'],
    },
    { outputs: ['apps/web/dist/index.html'], sources: ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts'] },
  ];
  return builds.some(({ outputs, sources }) => {
    const input = newestMtime([...sources, ...shared].map((s) => join(ROOT, s)));
    return outputs.some((o) => !existsSync(join(ROOT, o)) || statSync(join(ROOT, o)).mtimeMs <= input);
  });
}

describe('the Dockerfile', () => {
  const [build, runtime] = [dockerStages().at(0) ?? [], dockerStages().at(-1) ?? []];
  const index = (stage: string[], pattern: RegExp) => stage.findIndex((l) => pattern.test(l));

  it('builds in one stage and runs from a slim Node image in another', () => {
    expect(dockerStages()).toHaveLength(2);
    expect(runtime[0]).toMatch(/^FROM node:20-bookworm-slim$/);
  });

  it('installs the dependencies in layers of their own: the lockfile and every manifest before the sources', () => {
    const install = index(build, /^RUN pnpm install --frozen-lockfile/);
    const sources = index(build, /^COPY \. \.$/);
    expect(index(build, /^COPY pnpm-lock\.yaml pnpm-workspace\.yaml/)).toBeLessThan(index(build, /^RUN pnpm fetch$/));
    expect(install).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(install);
    expect(workspacePackages()).toEqual(expect.arrayContaining(['apps/api', 'apps/web', 'packages/db', 'e2e']));
    for (const dir of ['.', ...workspacePackages()]) {
      const manifest = dir === '.' ? /^COPY package\.json \.\/$/ : new RegExp(`^COPY ${dir}/package\\.json ${dir}/$`);
      const at = index(build, manifest);
      expect(at, `${dir}/package.json is copied before the install`).toBeGreaterThan(0);
      expect(at).toBeLessThan(install);
    }
  });

  it('copies only the deployed directory into the image that runs, which has no pnpm', () => {
    const copies = runtime.filter((l) => /^(COPY|ADD)\s/i.test(l));
    expect(copies).toEqual(['COPY --from=build /deploy /app']);
    expect(runtime.join('\n')).not.toMatch(/pnpm/);
    expect(build.join('\n')).toMatch(/pnpm --filter @lis\/api deploy --prod \/deploy/);
  });

  it('runs the bundle as the unprivileged node user in production mode, which owns the data directory', () => {
    const user = index(runtime, /^USER\s/);
    expect(runtime[user]).toBe('USER node');
    expect(user).toBeLessThan(index(runtime, /^CMD\s/));
    expect(runtime.slice(user).some((l) => /^(USER|RUN)\s/.test(l) && l !== 'USER node')).toBe(false);
    expect(runtime.join('\n')).toMatch(/chown node:node \/app\/data/);
    expect(runtime.find((l) => l.startsWith('ENV '))).toMatch(/NODE_ENV=production .*LIS_WEB_DIST=\/app\/web/);
    expect(runtime.at(-1)).toBe('CMD ["node", "--enable-source-maps", "dist/server.js"]');
  });

  it('checks health on the port the server listens on', () => {
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/process\.env\.PORT.*\/health\/ready/);
  });

  it('keeps secrets, data, dependencies and builds out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.env', '.env.*', 'node_modules', '**/node_modules', '**/dist', '.git', 'data', 'test-results'])
      expect(ignored, entry).toContain(entry);
  });
});

// Build and test tools: none may reach the production bundle, not even through another package.
const DEV_TOOLS = [
  'esbuild',
  'tsx',
  'vitest',
  'vite',
  'typescript',
  'fast-check',
  'oidc-provider',
  '@redocly/openapi-core',
  '@biomejs/biome',
];

// The deployed directory does not depend on the store the tests use: it runs on the embedded one.
describe.runIf(!process.env.TEST_DATABASE_URL)('the production bundle', () => {
  let work = '';
  let app = '';
  let dataDir = '';
  let env: Record<string, string> = {};
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'lis-bundle-'));
    app = join(work, 'app');
    dataDir = join(work, 'data');
    // only what the image sets: nothing of the workspace's or the test run's environment
    env = {
      PATH: process.env.PATH ?? '',
      HOME: work,
      NODE_ENV: 'production',
      LIS_DATA_DIR: dataDir,
      LIS_WEB_DIST: join(app, 'web'),
      LIS_DEMO: '1',
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
    };
    // what `pnpm start` builds; NODE_ENV would be 'test' from vitest, and React's production build is wanted.
    // Only when stale: other suites run bin/lis.mjs, which takes dist/cli.js once it is newer than the sources.
    if (buildsStale())
      execFileSync('pnpm', ['--filter', '@lis/web', '--filter', '@lis/api', 'build'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, NODE_ENV: 'production' },
      });
    // The Dockerfile's build stage. Offline from the store the workspace was installed from, whose
    // lockfile the install already checked against the supply-chain policies (that needs the registry).
    execFileSync('pnpm', ['--filter', '@lis/api', 'deploy', '--prod', '--offline', '--trust-lockfile', app], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    cpSync(join(ROOT, 'apps/web/dist'), join(app, 'web'), { recursive: true });
    cpSync(join(ROOT, 'reference'), join(app, 'reference'), { recursive: true });
    const kb = Number(execFileSync('du', ['-sk', app], { encoding: 'utf8' }).split('\t')[0]);
    const packages = readdirSync(join(app, 'node_modules/.pnpm')).filter((n) => n.includes('@')).length;
    console.log(`production bundle: ${(kb / 1024).toFixed(0)} MB, ${packages} packages in node_modules`);

    server = spawn(process.execPath, ['--enable-source-maps', join(app, 'dist/server.js')], {
      cwd: work, // not the workspace: only the deployed node_modules can be found
      env: { ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const started = Date.now();
    while (!url) {
      if (server.exitCode !== null) throw new Error(`The server stopped with exit code ${server.exitCode}`);
      if (Date.now() - started > 90_000) throw new Error('The server did not start within 90 s');
      await new Promise((r) => setTimeout(r, 250));
      url = lockedUrl();
    }
  }, 180_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const stopped = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await stopped;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The URL the server writes into its data directory's lock file once it listens. */
  function lockedUrl(): string {
    try {
      return (JSON.parse(readFileSync(join(dataDir, 'lis.lock.json'), 'utf8')) as { url: string | null }).url ?? '';
    } catch {
      return '';
    }
  }

  function lis(...args: string[]) {
    return execFileSync(process.execPath, [join(app, 'bin/lis.mjs'), ...args], { cwd: work, env, encoding: 'utf8' });
  }

  it("holds apps/api's bin and dist and its production dependencies, no development tool", () => {
    expect(readdirSync(app).sort()).toEqual([
      'bin',
      'dist',
      'node_modules',
      'package.json',
      'pnpm-lock.yaml',
      'pnpm-workspace.yaml',
      'reference',
      'web',
    ]);
    const manifest = JSON.parse(readFileSync(join(API, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    for (const name of Object.keys(manifest.devDependencies))
      expect(existsSync(join(app, 'node_modules', name)), name).toBe(false);
    const installed = readdirSync(join(app, 'node_modules/.pnpm'));
    for (const tool of DEV_TOOLS)
      expect(
        installed.filter((n) => n.startsWith(`${tool.replace('/', '+')}@`)),
        tool,
      ).toEqual([]);
  });

  it('is ready, serves the web app and signs in a demo user', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>LIS');
    const script = html.match(/src="(\/assets\/index-[^"]+\.js)"/)?.[1];
    expect((await fetch(`${url}${script}`)).status).toBe(200);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'demo-lis-2016' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^lis_session=/);
    const me = await fetch(`${url}/api/v1/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'admin' });
  });

  it('runs the lis command beside the server, with the shipped reference data', () => {
    expect(lis('--help')).toContain('Usage: lis');
    expect(lis('batches', '--feed', 'organisation')).toContain('demo/organisation.csv');
    // `lis import statbank` finds its shipped mapping and applies it; the demo store has no 2023 population to complete the rows
    const statbank = spawnSync(
      process.execPath,
      [join(app, 'bin/lis.mjs'), 'import', 'statbank', join(FIXTURES, 'regk31-folkeskole.csv')],
      {
        cwd: work,
        env,
        encoding: 'utf8',
      },
    );
    expect(statbank.stdout).toContain('regk31-folkeskole.csv: accounts, 3 area rows');
    expect(statbank.stderr).toContain('2023 849 folkeskole: no target population');
  });
});
