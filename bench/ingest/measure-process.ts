import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface Measured {
  exitCode: number | null;
  wallSeconds: number;
  /** peak resident set size of the process, MB (1 MB = 2^20 bytes) */
  peakRssMb: number;
  /** how the peak was taken, for the report */
  rssSource: 'GNU time' | '/proc VmHWM polling';
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 20;

/**
 * Runs `node <args>` and measures its wall time and peak RSS. GNU time reports the exact peak
 * (getrusage of its child); without it /proc/<pid>/status VmHWM is polled, which can miss a
 * peak in the last few milliseconds before exit.
 */
export async function measureNode(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; scratchDir: string },
): Promise<Measured> {
  const useGnuTime = existsSync(GNU_TIME);
  const rssFile = join(options.scratchDir, `rss-${process.pid}-${Date.now()}.txt`);
  const [command, commandArgs] = useGnuTime
    ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let polledKb = 0;
  const poller = useGnuTime ? null : setInterval(() => (polledKb = Math.max(polledKb, readVmHwmKb(child.pid))), POLL_MS);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallSeconds = (performance.now() - started) / 1000;
  if (poller) clearInterval(poller);
  let peakKb = polledKb;
  if (useGnuTime) {
    peakKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rmSync(rssFile, { force: true });
  }
  return {
    exitCode,
    wallSeconds,
    peakRssMb: peakKb / 1024,
    rssSource: useGnuTime ? 'GNU time' : '/proc VmHWM polling',
    stdout,
    stderr,
  };
}

function readVmHwmKb(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  } catch {
    return 0; // the process has just exited
  }
}
