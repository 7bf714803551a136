import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, DataDirLockedError, lockSocketPath, readLiveLock } from '@lis/db';
import { afterEach, describe, expect, it } from 'vitest';

const newDataDir = () => mkdtempSync(join(tmpdir(), 'lis-lock-'));
const lockFile = (dataDir: string) => join(dataDir, 'lis.lock.json');
const writeLockFile = (dataDir: string, pid: number, host: string) =>
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid, host, startedAt: '2026-12-01T00:00:00Z', url: null, cliToken: null }));

/** Another process that takes the lock and keeps it until it is killed. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { acquireDataDirLock } from '@lis/db'; await acquireDataDirLock(process.argv[1]); console.log('locked'); setInterval(() => {}, 60_000);",
      dataDir,
    ],
    { cwd: new URL('..', import.meta.url).pathname },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  for (let i = 0; i < 300 && !output.includes('locked'); i++) await new Promise((r) => setTimeout(r, 50));
  if (!output.includes('locked')) throw new Error(`the holder did not take the lock: ${output}`);
  return child;
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function killed(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('the data-directory lock', () => {
  it('takes over a lock file left by a server that ran as PID 1 (a new container, where pid 1 is alive)', async () => {
    const dataDir = newDataDir();
    writeLockFile(dataDir, 1, hostname());
    const lock = await acquireDataDirLock(dataDir);
    expect(JSON.parse(readFileSync(lockFile(dataDir), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(lockFile(dataDir))).toBe(false);
  });

  it('refuses while a live process holds it, and takes over once that process is killed (also after a host name change)', async () => {
    const dataDir = newDataDir();
    const child = await holder(dataDir);
    const refused = await acquireDataDirLock(dataDir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as Error).message).toBe(
      `The data directory ${dataDir} is in use by process ${child.pid} on ${hostname()}. Stop that process first, or run the command through the running server.`,
    );
    expect((await readLiveLock(dataDir))?.pid).toBe(child.pid);

    await killed(child);
    // kill -9 leaves both files; the file now says pid 1 on a host that no longer exists
    expect(existsSync(join(dataDir, 'lis.lock.sock'))).toBe(true);
    writeLockFile(dataDir, 1, 'a-container-that-is-gone');
    expect(await readLiveLock(dataDir)).toBeNull();
    const lock = await acquireDataDirLock(dataDir);
    expect((await readLiveLock(dataDir))?.pid).toBe(process.pid);
    lock.release();
  }, 30_000);

  it('lets exactly one of several processes take over a stale lock at the same moment', async () => {
    const dataDir = newDataDir();
    await killed(await holder(dataDir));
    const racers = Array.from({ length: 3 }, () =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          "import { acquireDataDirLock } from '@lis/db'; try { await acquireDataDirLock(process.argv[1]); console.log('locked'); await new Promise((r) => setTimeout(r, 3000)); } catch (e) { console.log(e.constructor.name); }",
          dataDir,
        ],
        { cwd: new URL('..', import.meta.url).pathname },
      ),
    );
    children.push(...racers);
    const outputs = await Promise.all(
      racers.map(
        (racer) =>
          new Promise<string>((done) => {
            let output = '';
            racer.stdout?.on('data', (d) => (output += d));
            racer.stderr?.on('data', (d) => (output += d));
            racer.once('exit', () => done(output.trim()));
          }),
      ),
    );
    expect(outputs.sort()).toEqual(['DataDirLockedError', 'DataDirLockedError', 'locked']);
  }, 60_000);

  it('puts the socket in the temp directory when the data directory’s path is too long for one', async () => {
    const dataDir = join(newDataDir(), 'a-directory-name-long-enough-to-push-the-socket-path'.repeat(2));
    mkdirSync(dataDir);
    expect(lockSocketPath(dataDir).startsWith(tmpdir())).toBe(true);
    const lock = await acquireDataDirLock(dataDir);
    await expect(acquireDataDirLock(dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    lock.release();
    (await acquireDataDirLock(dataDir)).release();
  });
});
