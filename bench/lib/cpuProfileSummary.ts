/**
 * Where a process spent its CPU: a V8 `.cpuprofile` reduced to self time per place: a file
 * of this repository, an npm package, a Node core module, the garbage collector. A native
 * function called from Kysely's SQLite driver is better-sqlite3 running a statement, so that
 * time is named SQLite.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  /** Microseconds before each sample. */
  readonly timeDeltas: readonly number[];
}

export interface CpuShare {
  readonly where: string;
  /** Share of the busy (non-idle) samples, 0..1. */
  readonly share: number;
}

export interface CpuProfileSummary {
  readonly busyMs: number;
  readonly idleMs: number;
  /** Largest first. */
  readonly top: readonly CpuShare[];
}

const REPO_ROOT_URL = new URL('../..', import.meta.url).href;
/** Kysely's SQLite driver is where better-sqlite3's synchronous calls run the statements. */
const SQLITE_DRIVER = /node_modules\/kysely\/.*\/sqlite-driver\.js$/;
const NODE_MODULES = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//;

function placeOf({ functionName, url }: ProfileNode['callFrame'], callerUrl: string): string | null {
  if (functionName === '(idle)' || functionName === '(root)') return null;
  if (functionName === '(garbage collector)') return 'V8 garbage collection';
  if (functionName === '(program)') return 'V8 and native code, unattributed';
  if (url === '') {
    if (SQLITE_DRIVER.test(callerUrl)) return 'SQLite: better-sqlite3 running statements';
    return functionName.startsWith('RegExp:') ? 'regular expressions' : `native: ${functionName || 'anonymous'}`;
  }
  if (SQLITE_DRIVER.test(url)) return 'npm: kysely (its SQLite driver)';
  const pkg = NODE_MODULES.exec(url);
  if (pkg) return `npm: ${pkg[1]}`;
  if (url.startsWith('node:')) return `Node: ${url.slice('node:'.length).replace(/^internal\//, '').split('/')[0]}`;
  if (url.startsWith(REPO_ROOT_URL)) return fileURLToPath(url).slice(fileURLToPath(REPO_ROOT_URL).length);
  return url;
}

export function summarizeCpuProfile(file: string, topCount: number): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const callerUrl = new Map<number, string>();
  for (const node of profile.nodes) for (const child of node.children ?? []) callerUrl.set(child, node.callFrame.url);
  const places = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame, callerUrl.get(node.id) ?? '')]));
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    if (idle.has(nodeId)) {
      idleUs += delta;
      return;
    }
    const place = places.get(nodeId);
    if (!place) return;
    busyUs += delta;
    selfUs.set(place, (selfUs.get(place) ?? 0) + delta);
  });
  const top = [...selfUs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([where, us]) => ({ where, share: busyUs > 0 ? us / busyUs : 0 }));
  return { busyMs: busyUs / 1000, idleMs: idleUs / 1000, top };
}
