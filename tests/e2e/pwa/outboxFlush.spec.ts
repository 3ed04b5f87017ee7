import type { BrowserContext, Request } from '@playwright/test';
import { routes } from '../../../src/contract/routes';
import { CSRF, expect, newestArticles, pagesOf, PASSWORD, serverFavoriteIds, signUpViaApi, test } from '../fixtures';
import { waitForWorkerControl } from './serviceWorker';

/** Replaces the context's session cookie with `username`'s. */
async function logInViaApi(context: BrowserContext, username: string): Promise<void> {
  await context.clearCookies();
  const response = await context.request.post('/api/v1/auth/login', { data: { username, password: PASSWORD }, headers: CSRF });
  expect(response.status()).toBe(200);
}

/**
 * Every outbox push that reached the server (attempts made offline fail and are left out), and
 * whether the service worker, not a page, sent it.
 */
function recordPushes(context: BrowserContext): { fromWorker: boolean }[] {
  const pushes: { fromWorker: boolean }[] = [];
  context.on('requestfinished', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === routes.syncPush.path) {
      pushes.push({ fromWorker: request.serviceWorker() !== null });
    }
  });
  return pushes;
}

test.describe('the service worker flushes the outbox', () => {
  test('writes made offline are pushed by the worker when the network returns, and the header says Synced', async ({
    page,
    context,
    app,
  }) => {
    await signUpViaApi(page.request);
    const [first, second] = await newestArticles(page.request, 2);
    await app.browse.open();
    await waitForWorkerControl(page);
    await expect(app.shell.syncStatus).toHaveText('Synced');
    const pushes = recordPushes(context);

    await context.setOffline(true);
    await app.browse.save(first!.title);
    await app.browse.save(second!.title);
    await expect(app.shell.syncStatus).toHaveText('Offline · 2 pending');
    expect(pushes).toEqual([]);

    await context.setOffline(false);
    await expect(app.shell.syncStatus).toHaveText('Synced');
    await expect.poll(async () => (await serverFavoriteIds(page.request)).sort()).toEqual([first!.id, second!.id].sort());
    await expect.poll(() => pushes.length).toBeGreaterThan(0);
    expect(pushes.every((push) => push.fromWorker)).toBe(true);
  });

  test('with every tab closed, Background Sync has the worker push the writes once the network returns', async ({
    page,
    context,
    app,
  }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await waitForWorkerControl(page);
    await expect(app.shell.syncStatus).toHaveText('Synced');
    const pushes = recordPushes(context);

    await context.setOffline(true);
    await app.browse.save(article!.title);
    await expect(app.shell.syncStatus).toHaveText('Offline · 1 pending');
    await page.close();

    await context.setOffline(false);
    await expect.poll(() => serverFavoriteIds(context.request)).toEqual([article!.id]);
    await expect.poll(() => pushes.length).toBeGreaterThan(0);
    expect(pushes.every((push) => push.fromWorker)).toBe(true);
  });

  test("never replays one user's queued writes under another user's session", async ({ page, context, app }) => {
    const alice = await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await waitForWorkerControl(page);
    await expect(app.shell.syncStatus).toHaveText('Synced');

    await context.setOffline(true);
    await app.browse.save(article!.title);
    await expect(app.shell.syncStatus).toHaveText('Offline · 1 pending');
    await page.close();
    // Someone else signs in on this browser before the network returns.
    await context.clearCookies();
    const bob = await signUpViaApi(context.request);
    const sessionChecks: string[] = [];
    context.on('requestfinished', (request) => {
      if (request.serviceWorker() && new URL(request.url()).pathname === routes.me.path) sessionChecks.push(request.url());
    });
    await context.setOffline(false);
    await expect.poll(() => sessionChecks.length).toBeGreaterThan(0);

    // Alice's next visit flushes her writes to her own account...
    await logInViaApi(context, alice);
    const next = await context.newPage();
    await pagesOf(next).browse.open();
    await expect.poll(() => serverFavoriteIds(context.request)).toEqual([article!.id]);
    await expect(pagesOf(next).shell.syncStatus).toHaveText('Synced');
    // ...and Bob's account never received them.
    await logInViaApi(context, bob);
    expect(await serverFavoriteIds(context.request)).toEqual([]);
  });
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('the page flushes its own outbox when the network returns', async ({ page, context, app }) => {
    await signUpViaApi(page.request);
    const [article] = await newestArticles(page.request, 1);
    await app.browse.open();
    await expect(app.shell.syncStatus).toHaveText('Synced');
    const pushes = recordPushes(context);

    await context.setOffline(true);
    await app.browse.save(article!.title);
    await expect(app.shell.syncStatus).toHaveText('Offline · 1 pending');

    await context.setOffline(false);
    await expect(app.shell.syncStatus).toHaveText('Synced');
    expect(await serverFavoriteIds(page.request)).toEqual([article!.id]);
    await expect.poll(() => pushes).toEqual([{ fromWorker: false }]);
  });
});
