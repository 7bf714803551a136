import { createWriteStream, rmSync } from 'node:fs';
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../../plugins/errors.ts';

export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(limitBytes: number) {
    super(`The file is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MB (LIS_MAX_UPLOAD_MB)`);
  }
}

/**
 * Writes an upload to a temporary file, stopping at `limitBytes`. Ingestion reads files twice
 * (hash, then parse), so a request body is saved first; it is never held in memory. The file is
 * readable by this user only (0600), in a directory of this process only (0700).
 */
export async function saveUpload(
  body: NodeJS.ReadableStream,
  limitBytes: number,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = join(await uploadDir(), `upload-${++uploads}`);
  const remove = () => rm(path, { force: true });
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limitBytes ? new UploadTooLargeError(limitBytes) : null, chunk);
    },
  });
  try {
    await pipeline(body, limiter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await remove();
    throw unreadableBody(error);
  }
  return { path, remove };
}

/** An upload that ends before its end or breaks multipart's rules is the client's error (400), not the server's. */
export function unreadableBody(error: unknown): unknown {
  if (!(error instanceof Error) || 'syscall' in error || 'statusCode' in error) return error; // the disk's, or already answered
  return new HttpError(400, `The request body cannot be read (multipart or truncated upload): ${error.message}`, 'body');
}

// Directories are named lis-uploads-<pid>-<random>: the pid tells whether their process still runs.
const PREFIX = 'lis-uploads-';
let dir: Promise<string> | null = null;
let uploads = 0;

/** The directory of this process's uploads, made on first use (mkdtemp makes it 0700) and removed at exit. */
function uploadDir(): Promise<string> {
  dir ??= mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`)).then((made) => {
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
    return made;
  });
  return dir;
}

/**
 * Removes the upload directories that processes no longer running left behind (a server killed
 * during an upload). Called once at start; returns what it removed. A directory with this
 * process's own pid but not its own is stale too: in a container every start is pid 1.
 */
export async function removeStaleUploads(root = tmpdir()): Promise<string[]> {
  const own = dir ? await dir : null;
  const removed: string[] = [];
  for (const name of await readdir(root)) {
    const pid = Number(/^lis-uploads-(\d+)-/.exec(name)?.[1]);
    const path = join(root, name);
    if (!pid || path === own || (pid !== process.pid && isRunning(pid))) continue;
    const info = await lstat(path).catch(() => null);
    // only our own directories, never one a link points elsewhere from
    if (!info?.isDirectory() || info.uid !== process.getuid?.()) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // it runs, as another user
  }
}
