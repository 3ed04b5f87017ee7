/**
 * The built app's first load in Chromium: `vite build` into a temporary directory, the real
 * server serving it (and the API) from its own process, then cold loads of Browse, each in a
 * fresh browser context (its own empty cache, cookies and storage). Per load, from the
 * Performance API (ms since navigation start): the first article row on screen, the first
 * contentful paint and the `load` event. Loopback, no network or CPU throttling.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { summarize, type LatencySummary } from './lib/percentiles';
import { startServerProcess } from './lib/serverProcess';

export const FIRST_LOADS_DEFAULT = 15;
export const FIRST_LOAD_TARGET_MS = 500;
/** One load first, not counted: the server's file cache and JIT warm up, as on a live server. */
const WARMUP_LOADS = 1;
/** A hang guard; a load here takes a fraction of a second. */
const LOAD_TIMEOUT_MS = 30_000;
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VITE_CLI = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const FIRST_ARTICLE_KEY = '__benchFirstArticleMs';

export interface FirstLoadOptions {
  readonly databaseFile: string;
  /** Empty temporary directory for the build. */
  readonly outDir: string;
  readonly loads: number;
}

export interface BuiltApp {
  readonly buildSeconds: number;
  /** JavaScript, CSS and HTML the first load can fetch (source maps excluded), uncompressed. */
  readonly jsBytes: number;
  readonly cssBytes: number;
  readonly htmlBytes: number;
}

export interface FirstLoadResult {
  readonly loads: number;
  readonly chromiumVersion: string;
  readonly build: BuiltApp;
  /** Each milestone of the critical path, in the order a load reaches them. */
  readonly milestones: Record<keyof LoadTimings, LatencySummary>;
}

/** Milliseconds since navigation start, one load. */
export interface LoadTimings {
  readonly htmlResponseEndMs: number;
  /** The last script or stylesheet the document fetched. */
  readonly assetsResponseEndMs: number;
  readonly fcpMs: number;
  readonly loadEventMs: number;
  /** The first catalogue request the app makes (`/api/v1/articles…`). */
  readonly articlesRequestStartMs: number;
  readonly articlesResponseEndMs: number;
  readonly firstArticleMs: number;
}

const ARTICLES_API_PATH = '/api/v1/articles';

class BuildError extends Error {
  override readonly name = 'BuildError';
}

function runViteBuild(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [VITE_CLI, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new BuildError(`vite build failed (code ${code}, signal ${signal})`)),
    );
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

export async function buildApp(outDir: string): Promise<BuiltApp> {
  const startMs = performance.now();
  await runViteBuild(outDir);
  const buildSeconds = (performance.now() - startMs) / 1000;
  const bytes = (extension: string) =>
    filesUnder(outDir)
      .filter((file) => file.endsWith(extension))
      .reduce((total, file) => total + statSync(file).size, 0);
  return { buildSeconds, jsBytes: bytes('.js'), cssBytes: bytes('.css'), htmlBytes: bytes('.html') };
}

/**
 * Runs in the page before its own scripts: records `performance.now()` in the first animation
 * frame in which an article row has a layout box, i.e. the frame that paints it. A string, not
 * a function: tsx compiles functions with esbuild's `__name` helper, which the page lacks.
 */
const RECORD_FIRST_ARTICLE = `(() => {
  const key = ${JSON.stringify(FIRST_ARTICLE_KEY)};
  const selector = 'article, [role="article"]';
  let scheduled = false;
  const check = () => {
    if (window[key] !== undefined) return;
    const rows = Array.from(document.querySelectorAll(selector));
    if (rows.some((row) => row.getBoundingClientRect().height > 0)) {
      window[key] = performance.now();
      observer.disconnect();
    } else {
      requestAnimationFrame(check);
    }
  };
  const observer = new MutationObserver(() => {
    if (scheduled || !document.querySelector(selector)) return;
    scheduled = true;
    requestAnimationFrame(check);
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function loadOnce(context: BrowserContext, url: string): Promise<LoadTimings> {
  await context.addInitScript({ content: RECORD_FIRST_ARTICLE });
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT_MS);
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('article').first().waitFor({ state: 'visible' });
  await page.waitForFunction((key) => (window as unknown as Record<string, unknown>)[key] !== undefined, FIRST_ARTICLE_KEY);
  return page.evaluate(
    ([key, articlesPath]) => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const assets = resources.filter((entry) => entry.initiatorType === 'script' || entry.initiatorType === 'link');
      const articles = resources.find((entry) => new URL(entry.name).pathname.startsWith(articlesPath));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        htmlResponseEndMs: navigation ? navigation.responseEnd : Number.NaN,
        assetsResponseEndMs: assets.length > 0 ? Math.max(...assets.map((entry) => entry.responseEnd)) : Number.NaN,
        fcpMs: fcp ? fcp.startTime : Number.NaN,
        loadEventMs: navigation ? navigation.loadEventStart : Number.NaN,
        articlesRequestStartMs: articles ? articles.startTime : Number.NaN,
        articlesResponseEndMs: articles ? articles.responseEnd : Number.NaN,
        firstArticleMs: (window as unknown as Record<string, number>)[key]!,
      };
    },
    [FIRST_ARTICLE_KEY, ARTICLES_API_PATH] as const,
  );
}

function summarizeMilestones(timings: readonly LoadTimings[]): Record<keyof LoadTimings, LatencySummary> {
  const keys = Object.keys(timings[0]!) as (keyof LoadTimings)[];
  return Object.fromEntries(keys.map((key) => [key, summarize(timings.map((timing) => timing[key]))])) as Record<
    keyof LoadTimings,
    LatencySummary
  >;
}

export async function measureFirstLoad(options: FirstLoadOptions): Promise<FirstLoadResult> {
  const build = await buildApp(options.outDir);
  const server = await startServerProcess(options.databaseFile, options.outDir);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    try {
      const timings: LoadTimings[] = [];
      for (let load = 0; load < WARMUP_LOADS + options.loads; load += 1) {
        // A fresh context per load: an empty HTTP cache, no cookies, no IndexedDB.
        const context = await browser.newContext();
        try {
          const timing = await loadOnce(context, `${server.origin}/`);
          if (load >= WARMUP_LOADS) timings.push(timing);
        } finally {
          await context.close();
        }
      }
      return {
        loads: timings.length,
        chromiumVersion: browser.version(),
        build,
        milestones: summarizeMilestones(timings),
      };
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}
