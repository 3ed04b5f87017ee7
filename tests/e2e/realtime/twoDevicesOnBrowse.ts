import type { Page } from '@playwright/test';
import type { ArticleSummary } from '../../../src/contract';
import { expect, pagesOf } from '../fixtures';
import { waitForWorkerControl } from '../pwa/serviceWorker';
import { clickTimed, expectShownInTime, watchArticle } from './propagationTiming';
import type { Device } from './syncSockets';

/**
 * Both devices on Browse as a returning user has them (workers in control, the other device
 * caught up), and a first save on `page` seen on the other device, not timed: a fresh
 * browser's first push waits on its worker opening the database and registering Background
 * Sync, which is not the trip between devices the 1 s budget is about.
 */
export async function browseOnBothDevices(page: Page, other: Device, warmUp: ArticleSummary): Promise<void> {
  const app = pagesOf(page);
  const otherApp = pagesOf(other.page);
  await app.browse.open();
  await otherApp.browse.open();
  await Promise.all([waitForWorkerControl(page), waitForWorkerControl(other.page)]);
  await other.waitUntilCaughtUp();
  await app.browse.save(warmUp.title);
  await expect(otherApp.browse.saveButton(warmUp.title)).toHaveAttribute('aria-pressed', 'true');
}

/** Saving `article` on `page` presses its button on the other device within the budget; removing releases it. */
export async function expectSaveAndRemoveShownInTime(page: Page, other: Device, article: ArticleSummary, where = 'the other device'): Promise<void> {
  const button = pagesOf(page).browse.saveButton(article.title);
  const otherButton = pagesOf(other.page).browse.saveButton(article.title);
  await expect(otherButton).toHaveAttribute('aria-pressed', 'false');

  const pressed = await watchArticle(other.page, article.id, 'pressed');
  const savedAt = await clickTimed(button);
  await expectShownInTime(
    savedAt,
    pressed,
    (timeout) => expect(otherButton).toHaveAttribute('aria-pressed', 'true', { timeout }),
    `save → pressed on ${where}`,
  );

  const released = await watchArticle(other.page, article.id, 'released');
  const removedAt = await clickTimed(button);
  await expectShownInTime(
    removedAt,
    released,
    (timeout) => expect(otherButton).toHaveAttribute('aria-pressed', 'false', { timeout }),
    `remove → released on ${where}`,
  );
}
