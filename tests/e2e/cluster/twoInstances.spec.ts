import { expect, newestArticles, signUpViaApi, test } from '../fixtures';
import { openDevice } from '../realtime/syncSockets';
import { browseOnBothDevices, expectSaveAndRemoveShownInTime } from '../realtime/twoDevicesOnBrowse';
import { CLUSTER_INSTANCE_URLS } from './instances';

const INSTANCE_HEADER = 'x-instance';

/**
 * The scale-out tier in a browser: two devices of one user, each talking to a different server
 * instance (PostgreSQL and Redis behind them). A save through instance 1 commits there, its
 * poke crosses Redis, and instance 2 pokes the other device's socket, which pulls from instance 2.
 */
test('a save on a device served by instance 1 shows within 1 s on a device served by instance 2', async ({ page, browser }) => {
  const username = await signUpViaApi(page.request);
  const [article, first] = await newestArticles(page.request, 2);
  const other = await openDevice(browser, username, CLUSTER_INSTANCE_URLS[1]);
  try {
    const mine = (await page.request.get('/readyz')).headers()[INSTANCE_HEADER];
    const theirs = (await other.context.request.get('/readyz')).headers()[INSTANCE_HEADER];
    expect(mine).toBeTruthy();
    expect(theirs).toBeTruthy();
    expect(mine).not.toBe(theirs);

    await browseOnBothDevices(page, other, first!);
    await expectSaveAndRemoveShownInTime(page, other, article!, 'the device of instance 2');
  } finally {
    await other.context.close();
  }
});
