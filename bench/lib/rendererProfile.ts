/**
 * Where a page's main thread spent a pass: Chromium's V8 sampling profiler (through the
 * DevTools protocol) reduced to a few places. IndexedDB calls are native functions named after
 * the method (`put`, `get`…): their self time is the renderer's side of a request (cloning the
 * value, extracting keys, sending it). "Idle" is the thread waiting: for the IndexedDB backend
 * in the browser process, the network or the server. The bundle is minified, so its own code
 * is one place.
 */
import type { Page } from '@playwright/test';

/** Sampling interval, µs: fine enough for a pass of a second or more, cheap enough not to skew it. */
const SAMPLING_INTERVAL_US = 500;
const INDEXEDDB_METHODS = new Set(['put', 'add', 'get', 'getAll', 'getAllKeys', 'delete', 'count', 'openCursor', 'openKeyCursor', 'transaction', 'objectStore', 'index', 'continue']);

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface RendererTime {
  readonly where: string;
  readonly ms: number;
}

export interface RendererProfile {
  /** Sampled time, ms (about the profiled call's wall time). */
  readonly totalMs: number;
  /** Largest first. */
  readonly places: readonly RendererTime[];
}

function placeOf({ functionName, url }: ProfileNode['callFrame']): string {
  if (functionName === '(idle)') return 'idle: waiting for IndexedDB (browser process), the network or the server';
  if (functionName === '(program)') return 'native, unattributed (IPC, event dispatch)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (url === '') {
    if (INDEXEDDB_METHODS.has(functionName)) return `IndexedDB \`${functionName}()\`, the renderer's side`;
    if (functionName === 'parse') return '`JSON.parse`';
    return 'other native functions';
  }
  return "JavaScript: the bundle (the app's code, Dexie, zod)";
}

/** Runs `work` under the page's CPU profiler and says where the main thread's time went. */
export async function profileRenderer<T>(page: Page, work: () => Promise<T>): Promise<{ result: T; profile: RendererProfile }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    const result = await work();
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const placeOfNode = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));
    const selfUs = new Map<string, number>();
    let totalUs = 0;
    profile.samples.forEach((nodeId, index) => {
      const delta = profile.timeDeltas[index] ?? 0;
      const place = placeOfNode.get(nodeId);
      if (!place) return;
      totalUs += delta;
      selfUs.set(place, (selfUs.get(place) ?? 0) + delta);
    });
    const places = [...selfUs].sort((a, b) => b[1] - a[1]).map(([where, us]) => ({ where, ms: us / 1000 }));
    return { result, profile: { totalMs: totalUs / 1000, places } };
  } finally {
    await cdp.detach();
  }
}
