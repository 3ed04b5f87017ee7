import type { Page } from '@playwright/test';
import { expect, signUpViaApi, test } from '../fixtures';
import { reviewShot } from './serviceWorker';

/**
 * Stands in for Chromium's own `beforeinstallprompt`, which headless Chromium does not fire
 * for a page on its own: the app only relies on the event's `prompt()` and `userChoice`.
 */
async function offerInstall(page: Page): Promise<void> {
  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(event, {
      prompt: () => {
        document.documentElement.dataset.installPrompted = 'yes';
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(event);
  });
}

const VIEWPORTS = [
  { name: 'desktop', size: { width: 1280, height: 800 } },
  { name: 'mobile', size: { width: 390, height: 844 } },
];

test.describe('"Install app" button', () => {
  test('is hidden until the browser offers installation', async ({ page, app }) => {
    await app.browse.open();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
  });

  for (const { name, size } of VIEWPORTS) {
    test(`on ${name}, opens the browser's install prompt once and then hides`, async ({ page, app }) => {
      await page.setViewportSize(size);
      await signUpViaApi(page.request, `install-${name}-${Date.now().toString(36)}`);
      await app.browse.open();
      await offerInstall(page);

      const install = page.getByRole('banner').getByRole('button', { name: 'Install app' });
      await expect(install).toBeVisible();
      // Everything in the header stays on screen next to it.
      await expect(page.getByRole('button', { name: 'Log out' })).toBeInViewport({ ratio: 1 });
      await expect(install).toBeInViewport({ ratio: 1 });
      await reviewShot(page.getByRole('banner'), `pwa-install-${name}`);

      await install.click();
      await expect(page.locator('html')).toHaveAttribute('data-install-prompted', 'yes');
      await expect(install).toHaveCount(0);
    });
  }

  test('hides once the app is installed', async ({ page, app }) => {
    await app.browse.open();
    await offerInstall(page);
    await expect(page.getByRole('button', { name: 'Install app' })).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect(page.getByRole('button', { name: 'Install app' })).toHaveCount(0);
  });
});
