import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The bin directory of the newest PostgreSQL installed the Debian way, or null. */
export function postgresBinaries(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/**
 * A PostgreSQL cluster of its own (own directory, own port, trust auth) that a test can stop and
 * start again. PostgreSQL refuses to run as root, so as root it runs as the user postgres.
 */
export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(bin: string): Promise<ThrowawayPostgres> {
    const cluster = new ThrowawayPostgres(bin, clusterDir(), await freePort());
    await cluster.pg('initdb', ['-D', cluster.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await cluster.start();
    return cluster;
  }

  /** A hot standby that streams from `primary` (pg_basebackup -R writes the standby's settings), started. */
  static async replicaOf(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
    const replica = new ThrowawayPostgres(primary.bin, clusterDir(), await freePort());
    const source = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    try {
      await replica.pg('pg_basebackup', [...source, '-D', replica.data, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
      await replica.start();
    } catch (error) {
      await replica.remove(); // the caller has nothing to remove yet
      throw error;
    }
    return replica;
  }

  private get data() {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    const options = `-c port=${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off`;
    await this.pg('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'log'), '-o', options, '-w', 'start']);
  }

  /** immediate: as a crash (connections cut); fast: connections told 57P01 first */
  async stop(mode: 'immediate' | 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']);
  }

  async remove(): Promise<void> {
    await this.stop('immediate').catch(() => {}); // already stopped
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(program: string, args: string[]) {
    const path = join(this.bin, program);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', path, ...args], { cwd: this.dir });
    else await run(path, args, { cwd: this.dir });
  }
}

/** A new temporary directory, the user postgres's when running as root (PostgreSQL refuses root). */
function clusterDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lis-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
