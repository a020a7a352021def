// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by area (our code by folder,
// dependencies by package), so a run's hot spots can be read without a browser.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where a frame's code lives: `npm:<package>`, a project folder like `server/queries`, `node:` or `(v8)`. */
export function areaOf(url: string): string {
  if (!url) return '(v8/native)';
  if (url.startsWith('node:')) return 'node:internal';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return `npm:${rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const rel = relative(root, path);
  if (rel.startsWith('..')) return 'other';
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? 'other');
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byArea: { area: string; ms: number; share: number }[];
  byFunction: { name: string; where: string; ms: number; share: number }[];
}

/** Self time per area and per function; `idle` (the event loop waiting) is reported apart from busy time. */
export function summarizeProfile(path: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let idleUs = 0;
  let busyUs = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') {
      if (name === '(idle)') idleUs += us;
      else {
        busyUs += us;
        areas.set(name, (areas.get(name) ?? 0) + us);
      }
      continue;
    }
    busyUs += us;
    const area = areaOf(node.callFrame.url);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = `${area}:${node.callFrame.url.split('/').pop() ?? ''}:${node.callFrame.lineNumber + 1}`;
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const share = (us: number) => (busyUs ? us / busyUs : 0);
  return {
    totalMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    byArea: [...areas].map(([area, us]) => ({ area, ms: us / 1000, share: share(us) })).sort((a, b) => b.ms - a.ms),
    byFunction: [...functions.values()].map((f) => ({ name: f.name, where: f.where, ms: f.us / 1000, share: share(f.us) })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}

/**
 * Inclusive time of the named functions (outermost frame only, so recursion is not counted twice). Async functions
 * show up once per resumed segment, which is what CPU time they cost.
 */
export function inclusiveTimes(path: string, names: readonly string[]): { name: string; ms: number; share: number }[] {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map<string, number>(names.map((n) => [n, 0]));
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const name = byId.get(id)?.callFrame.functionName;
    if (name !== '(idle)') busyUs += us;
  }
  const wanted = new Set(names);
  const walk = (id: number, open: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const name = node.callFrame.functionName;
    const opens = wanted.has(name) && !open.has(name);
    const inner = opens ? new Set([...open, name]) : open;
    let total = selfUs.get(id) ?? 0;
    for (const child of node.children ?? []) total += walk(child, inner);
    if (opens) totals.set(name, (totals.get(name) ?? 0) + total);
    return total;
  };
  const rootNode = profile.nodes[0];
  if (rootNode) walk(rootNode.id, new Set());
  return names.map((name) => ({ name, ms: (totals.get(name) ?? 0) / 1000, share: busyUs ? (totals.get(name) ?? 0) / busyUs : 0 }));
}

/** Prints a summary as two small tables. */
export function printProfile(label: string, summary: ProfileSummary): void {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  console.log(`\n## CPU profile: ${label} (busy ${summary.totalMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms)`);
  console.log('self time by area:');
  for (const a of summary.byArea.slice(0, 20)) console.log(`  ${pct(a.share)}  ${a.area}`);
  console.log('self time by function:');
  for (const f of summary.byFunction) console.log(`  ${pct(f.share)}  ${f.name}  (${f.where})`);
}
