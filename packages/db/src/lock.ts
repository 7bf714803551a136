import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Who holds an embedded data directory. PGlite must never be opened twice on the same directory. */
export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  /** where the holding server listens, once it does */
  url: string | null;
  /** a one-time admin credential for `lis` commands forwarded to that server; the file is mode 0600 */
  cliToken: string | null;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${holder.pid} on ${holder.host}` +
        (holder.url ? ` (the LIS server at ${holder.url})` : '') +
        '. Stop that process first, or run the command through the running server.',
    );
  }
}

const LOCK_FILE = 'lis.lock.json';

export interface DataDirLock {
  update(change: Partial<Pick<LockInfo, 'url' | 'cliToken'>>): void;
  release(): void;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), url: null, cliToken: null };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      return {
        update(change) {
          info = { ...info, ...change };
          writeFileSync(`${path}.tmp`, JSON.stringify(info), { mode: 0o600 });
          renameSync(`${path}.tmp`, path);
        },
        release() {
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLiveLock(dataDir);
      if (holder) throw new DataDirLockedError(dataDir, holder);
      rmSync(path, { force: true }); // left by a process that died (kill -9): take over
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** The lock's holder if it is a live process on this host, otherwise null. */
export function readLiveLock(dataDir: string): LockInfo | null {
  let info: LockInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
  if (info.host !== hostname()) return info; // cannot check a process on another host: assume alive
  return isAlive(info.pid) ? info : null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
