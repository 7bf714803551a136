import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Reads a V8 .cpuprofile (node --cpu-prof) into self and inclusive time per function.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  /** where it is defined, shortened: a package name or a path inside the repo */
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: FunctionTime[];
  /** self time per package / source file */
  areas: { area: string; selfMs: number }[];
}

/** The main thread's profile is the largest one in `dir` (tsx's loader thread writes a small one too). */
export function largestProfile(dir: string): string {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  return largest;
}

export function summariseProfile(file: string, repoRoot: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const keyOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shortLocation(url, repoRoot);
    const line = lineNumber > 0 ? `:${lineNumber + 1}` : ''; // tsx output has no useful line numbers
    return { key: `${functionName}|${where}|${lineNumber}`, name: functionName || '(anonymous)', where: `${where}${line}` };
  };
  const times = new Map<string, FunctionTime>();
  const areas = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const leaf = byId.get(id);
    if (!leaf) return;
    // Inclusive time counts each function once per sample, however deep it recurses.
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parentOf.get(node.id) ?? -1)) {
      const { key, name, where } = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = times.get(key) ?? { name, where, selfMs: 0, totalMs: 0 };
      entry.totalMs += ms;
      if (node === leaf) entry.selfMs += ms;
      times.set(key, entry);
    }
    const area = areaOf(leaf, repoRoot);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  });
  return {
    totalMs,
    functions: [...times.values()],
    areas: [...areas.entries()].map(([area, selfMs]) => ({ area, selfMs })).sort((a, b) => b.selfMs - a.selfMs),
  };
}

function shortLocation(url: string, repoRoot: string): string {
  const path = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return `${pkg[1]}/${pkg[2]}`;
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length) : path;
}

/** A package (csv-parse, pg, kysely…), a file of the repo, node's internals, or V8's own entries ((garbage collector), (idle)). */
function areaOf(node: ProfileNode, repoRoot: string): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('node:')) return 'node internals';
  const location = shortLocation(url, repoRoot);
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return pkg?.[1] ?? location;
}
