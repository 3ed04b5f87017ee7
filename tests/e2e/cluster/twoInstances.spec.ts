import { expect, newestArticles, pagesOf, signUpViaApi, test } from '../fixtures';
import { waitForWorkerControl } from '../pwa/serviceWorker';
import { clickTimed, expectShownInTime, watchArticle } from '../realtime/propagationTiming';
import { openDevice } from '../realtime/syncSockets';
import { CLUSTER_INSTANCE_URLS } from './instances';

const INSTANCE_HEADER = 'x-instance';

/**
 * The scale-out tier in a browser: two devices of one user, each talking to a different server
 * instance (PostgreSQL and Redis behind them). A save through instance 1 commits there, its
 * poke crosses Redis, and instance 2 pokes the other device's socket, which pulls from instance 2.
 */
test('a save on a device served by instance 1 shows within 1 s on a device served by instance 2', async ({ page, app, browser }) => {
  const username = await signUpViaApi(page.request);
  const [article, first] = await newestArticles(page.request, 2);
  const other = await openDevice(browser, username, CLUSTER_INSTANCE_URLS[1]);
  try {
    const mine = (await page.request.get('/readyz')).headers()[INSTANCE_HEADER];
    const theirs = (await other.context.request.get('/readyz')).headers()[INSTANCE_HEADER];
    expect(mine).toBeTruthy();
    expect(theirs).toBeTruthy();
    expect(mine).not.toBe(theirs);

    const otherApp = pagesOf(other.page);
    await app.browse.open();
    await otherApp.browse.open();
    await Promise.all([waitForWorkerControl(page), waitForWorkerControl(other.page)]);
    await other.waitUntilCaughtUp();
    // A first save, not timed: a fresh browser's first push waits on its service worker's start.
    await app.browse.save(first!.title);
    await expect(otherApp.browse.saveButton(first!.title)).toHaveAttribute('aria-pressed', 'true');

    const button = app.browse.saveButton(article!.title);
    const otherButton = otherApp.browse.saveButton(article!.title);
    await expect(otherButton).toHaveAttribute('aria-pressed', 'false');
    const pressed = await watchArticle(other.page, article!.id, 'pressed');
    const savedAt = await clickTimed(button);
    await expectShownInTime(
      savedAt,
      pressed,
      (timeout) => expect(otherButton).toHaveAttribute('aria-pressed', 'true', { timeout }),
      'save on instance 1 → pressed on the device of instance 2',
    );

    const released = await watchArticle(other.page, article!.id, 'released');
    const removedAt = await clickTimed(button);
    await expectShownInTime(
      removedAt,
      released,
      (timeout) => expect(otherButton).toHaveAttribute('aria-pressed', 'false', { timeout }),
      'remove on instance 1 → released on the device of instance 2',
    );
  } finally {
    await other.context.close();
  }
});
