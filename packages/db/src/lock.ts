import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
const LOCK_SOCKET = 'lis.lock.sock';
const TAKEOVER_GUARD = 'lis.lock.takeover';

export interface DataDirLock {
  update(change: Partial<Pick<LockInfo, 'url' | 'cliToken'>>): void;
  release(): void;
}

/**
 * Locks the directory to this process for as long as it lives. The lock itself is a Unix socket
 * the process listens on: the operating system closes it when the process dies, however it dies,
 * so a lock left by kill -9 is recognised as stale whatever its pid or host name says (in a new
 * container the old pid 1 is alive: it is the new process). lis.lock.json beside it tells who
 * holds the lock and where that server listens.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const socketPath = lockSocketPath(dataDir);
  for (let attempt = 0; attempt < 100; attempt++) {
    const server = await listenOn(socketPath);
    if (server) return holdLock(dataDir, server);
    if ((await probe(socketPath)) === 'live') throw new DataDirLockedError(dataDir, readLockInfo(dataDir) ?? UNKNOWN_HOLDER);
    await removeStaleSocket(dataDir, socketPath);
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** The lock's holder if a live process holds it, otherwise null. */
export async function readLiveLock(dataDir: string): Promise<LockInfo | null> {
  if ((await probe(lockSocketPath(dataDir))) !== 'live') return null;
  return readLockInfo(dataDir) ?? UNKNOWN_HOLDER;
}

/** Between binding the socket and writing the file (a moment), the holder is not known yet. */
const UNKNOWN_HOLDER: LockInfo = { pid: 0, host: 'unknown', startedAt: '', url: null, cliToken: null };

function holdLock(dataDir: string, server: Server): DataDirLock {
  server.unref(); // the lock must not keep a finished command alive
  server.on('connection', (socket) => socket.destroy()); // a probe: that it could connect is the answer
  const path = join(dataDir, LOCK_FILE);
  let info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), url: null, cliToken: null };
  const write = () => {
    writeFileSync(`${path}.tmp`, JSON.stringify(info), { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  };
  write(); // replaces the file of a holder that died
  return {
    update(change) {
      info = { ...info, ...change };
      write();
    },
    release() {
      // The file first: once the socket is closed another process may write its own.
      rmSync(path, { force: true });
      server.close();
    },
  };
}

function readLockInfo(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function listenOn(socketPath: string): Promise<Server | null> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? done(null) : fail(error)));
    server.listen({ path: socketPath, exclusive: true }, () => done(server));
  });
}

/** live: a process listens; stale: a socket file nobody listens on (its process died); absent: no socket. */
function probe(socketPath: string): Promise<'live' | 'stale' | 'absent'> {
  return new Promise((done) => {
    const socket = createConnection(socketPath);
    socket.once('connect', () => {
      socket.destroy();
      done('live');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') done('stale');
      else if (error.code === 'ENOENT') done('absent');
      else done('live'); // cannot tell (e.g. no permission): assume it is held
    });
  });
}

/**
 * Removes a socket left by a process that died, one process at a time (a directory created
 * exclusively): a socket that answers is never removed, and only a stale file is unlinked, which
 * no process can listen on until it is gone.
 */
async function removeStaleSocket(dataDir: string, socketPath: string): Promise<void> {
  const guard = join(dataDir, TAKEOVER_GUARD);
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is taking over; a guard older than a few seconds was left by one that died.
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) rmSync(guard, { recursive: true, force: true });
    await new Promise((wait) => setTimeout(wait, 20));
    return;
  }
  try {
    if ((await probe(socketPath)) === 'stale') rmSync(socketPath, { force: true });
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

// A Unix socket path holds about 104 (macOS) to 108 (Linux) bytes.
const MAX_SOCKET_PATH = 100;

/** The socket in the data directory, or (a path too long for a socket) one in the temp directory named by it. */
export function lockSocketPath(dataDir: string): string {
  let dir = resolve(dataDir);
  try {
    dir = realpathSync(dir);
  } catch {} // not created yet: nobody holds it
  const named = `lis-lock-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`;
  if (process.platform === 'win32') return `\\\\?\\pipe\\${named}`; // a named pipe vanishes with its process
  const inDir = join(dir, LOCK_SOCKET);
  return Buffer.byteLength(inDir) <= MAX_SOCKET_PATH ? inDir : join(tmpdir(), `${named}.sock`);
}
