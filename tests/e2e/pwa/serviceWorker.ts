import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import config, { BASE_URL } from '../../../playwright.config';

/** Resolves once the app's service worker controls `page` (first visit: after clients.claim). */
export async function waitForWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Every URL held in the page origin's Cache Storage, across all caches. */
export async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    return urls;
  });
}

/**
 * A browser profile on disk, as a user's would be. A plain `newContext` is incognito, where
 * Chromium always reports the app as not installable (`in-incognito`).
 */
export async function withPersistentProfile(run: (context: BrowserContext) => Promise<void>): Promise<void> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'favorites-pwa-profile-'));
  const launch = config.use?.launchOptions;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: launch?.executablePath,
    args: launch?.args,
    serviceWorkers: 'allow',
    baseURL: BASE_URL,
  });
  try {
    await run(context);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** The text of an article body's first paragraph, as a reader shows it. */
export function firstParagraphText(bodyHtml: string): string {
  const match = /<p>([\s\S]*?)<\/p>/.exec(bodyHtml);
  expect(match, 'the article body has a paragraph').not.toBeNull();
  return match![1]!
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Screenshots for review, taken only when SHOTS_DIR is set (e.g. `SHOTS_DIR=/work/shots`),
 * so ordinary runs write nothing outside test-results.
 */
export async function reviewShot(target: Page | import('@playwright/test').Locator, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  await target.screenshot({ path: join(dir, `${name}.png`), animations: 'disabled' });
}
