// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A path, not a URL: happy-dom's URL global does not open files.
const INDEX_HTML = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../index.html'), 'utf8');
const EMPTY_PAGE = { items: [], nextCursor: null };

function jsonResponse(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** The URL index.html's inline script preloads. */
function preloadedHref(): string {
  const match = /link\.href = '([^']+)'/.exec(INDEX_HTML);
  if (!match) throw new Error('index.html no longer preloads the first catalogue page');
  return match[1]!;
}

// Each test gets fresh modules: the prefetch is module state, as in a page load.
async function loadModules() {
  vi.resetModules();
  const feedPage = await import('../../../src/app/browse/feedPage');
  const prefetch = await import('../../../src/app/browse/firstPagePrefetch');
  return { ...feedPage, ...prefetch };
}

describe("Browse's first catalogue page", () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(EMPTY_PAGE)));
    vi.stubGlobal('fetch', fetchMock);
    window.history.replaceState(null, '', '/');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is requested with exactly the URL and credentials index.html preloads, so the browser fetches it once', async () => {
    const { requestFeedPage } = await loadModules();
    await requestFeedPage('', null);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(preloadedHref());
    // <link crossorigin="anonymous"> preloads in CORS mode with same-origin credentials.
    expect(init?.credentials).toBe('same-origin');
    expect(init?.mode).toBeUndefined();
  });

  it('is prefetched on Browse and handed to the feed once', async () => {
    const { prefetchFirstPage, takeFirstPage, takeFirstPageRequest } = await loadModules();
    await prefetchFirstPage();
    expect(takeFirstPage()).toEqual(EMPTY_PAGE);
    expect(takeFirstPage()).toBeNull();
    expect(takeFirstPageRequest()).toBeNull();
  });

  it('still on its way is handed to the feed as the request to wait for, not sent twice', async () => {
    let answer: (response: Response) => void = () => {};
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const { prefetchFirstPage, takeFirstPage, takeFirstPageRequest } = await loadModules();
    const settled = prefetchFirstPage();
    expect(takeFirstPage()).toBeNull();
    const pending = takeFirstPageRequest();
    expect(pending).not.toBeNull();
    expect(takeFirstPageRequest()).toBeNull();
    answer(jsonResponse(EMPTY_PAGE));
    await expect(pending).resolves.toEqual(EMPTY_PAGE);
    await settled;
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('is dropped when its request fails, so the feed asks again and shows the error itself', async () => {
    fetchMock.mockImplementation(() => Promise.reject(new TypeError('Failed to fetch')));
    const { prefetchFirstPage, takeFirstPage, takeFirstPageRequest } = await loadModules();
    await expect(prefetchFirstPage()).resolves.toBeUndefined();
    expect(takeFirstPage()).toBeNull();
    expect(takeFirstPageRequest()).toBeNull();
  });

  it.each(['/favorites', '/articles/abc', '/?q=rust'])('is not prefetched when the app starts on %s', async (path) => {
    window.history.replaceState(null, '', path);
    const { prefetchFirstPage, takeFirstPage } = await loadModules();
    await prefetchFirstPage();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(takeFirstPage()).toBeNull();
  });
});
