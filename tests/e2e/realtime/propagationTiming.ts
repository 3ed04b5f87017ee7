/**
 * Timing a change from one device to another to the millisecond: the click's wall time read in
 * the page that was clicked, the change's wall time read by a MutationObserver in the other
 * page (armed before the click), both from the one machine's clock. Playwright's own waits
 * (role locators, `aria-pressed`) still decide when the test moves on; these only say how long
 * it took, without the assertion's polling interval in the figure.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Issue 4: a change on one device shows on the user's other devices within 1 s, no reload. */
export const PROPAGATION_BUDGET_MS = 1_000;
/** How long a late change may still take, so a failure can say how late it was (ms). */
const LATE_GRACE_MS = 10_000;

/** What the other device comes to show for an article: its button pressed or not, its row in the list or not. */
export type ArticleShown = 'pressed' | 'released' | 'listed' | 'unlisted';

/**
 * Watches `page` until the article's row shows `shown`; returns the function that resolves the
 * wall time (ms) at which its DOM first did. Arm it before the change.
 */
export async function watchArticle(page: Page, articleId: string, shown: ArticleShown): Promise<() => Promise<number>> {
  const key = `__shown_${articleId}_${shown}`;
  await page.evaluate(
    ([key, articleId, shown]) => {
      const holds = () => {
        const link = document.querySelector(`main a[href="/articles/${articleId}"]`);
        if (shown === 'listed') return link !== null;
        if (shown === 'unlisted') return link === null;
        const pressed = link?.closest('article')?.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed');
        return pressed === (shown === 'pressed' ? 'true' : 'false');
      };
      (window as unknown as Record<string, Promise<number>>)[key] = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!holds()) return;
          observer.disconnect();
          resolve(Date.now());
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed'] });
      });
    },
    [key, articleId, shown] as const,
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, Promise<number>>)[key]!, key);
}

/** Clicks `button` and returns the wall time (ms) of the `click` event in its page. */
export async function clickTimed(button: Locator): Promise<number> {
  const page = button.page();
  await expect(button).toBeEnabled();
  await page.evaluate(() => {
    const timed = window as unknown as { __clickAtMs?: Promise<number> };
    timed.__clickAtMs = new Promise((resolve) => {
      document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true });
    });
  });
  await button.click();
  return page.evaluate(() => (window as unknown as { __clickAtMs: Promise<number> }).__clickAtMs);
}

/**
 * Waits with `assertion` (a role-based expect given its timeout) for the other side to show
 * the change, then checks it came within PROPAGATION_BUDGET_MS of the click. A late change
 * fails with how late it was (`what` names it); one that never came fails the assertion.
 */
export async function expectShownInTime(
  clickAtMs: number,
  shownAtMs: () => Promise<number>,
  assertion: (timeout: number) => Promise<void>,
  what = 'the change',
): Promise<void> {
  try {
    await assertion(PROPAGATION_BUDGET_MS);
  } catch {
    await assertion(LATE_GRACE_MS);
  }
  const tookMs = (await shownAtMs()) - clickAtMs;
  expect(tookMs, `${what}: ms from the click to the change showing on the other side (budget ${PROPAGATION_BUDGET_MS} ms)`).toBeLessThan(
    PROPAGATION_BUDGET_MS,
  );
}
