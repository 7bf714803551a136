import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {
  readonly statusCode = 413;
  constructor(limitBytes: number) {
    super(`The file is larger than the limit of ${Math.round(limitBytes / 1024 / 1024)} MB (LIS_MAX_UPLOAD_MB)`);
  }
}

/**
 * Writes an upload to a temporary file, stopping at `limitBytes`. Ingestion reads files twice
 * (hash, then parse), so a request body is saved first; it is never held in memory.
 */
export async function saveUpload(
  body: NodeJS.ReadableStream,
  limitBytes: number,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = join(tmpdir(), `lis-upload-${randomBytes(8).toString('hex')}`);
  const remove = () => rm(path, { force: true });
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > limitBytes ? new UploadTooLargeError(limitBytes) : null, chunk);
    },
  });
  try {
    await pipeline(body, limiter, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}
