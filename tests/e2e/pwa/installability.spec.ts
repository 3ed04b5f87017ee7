import { expect, test } from '../fixtures';
import { waitForWorkerControl, withPersistentProfile } from './serviceWorker';

test.describe('installable app', () => {
  test('Chromium finds nothing that stops the app from being installed', async () => {
    await withPersistentProfile(async (context) => {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto('/');
      await waitForWorkerControl(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    });
  });

  test('the manifest names the app and offers 192 px, 512 px and maskable icons', async ({ page }) => {
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const manifest = (await (await page.request.get(href!)).json()) as {
      name: string;
      short_name: string;
      display: string;
      start_url: string;
      scope: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Favorites',
      short_name: 'Favorites',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      theme_color: '#f7f5f2',
      background_color: '#f7f5f2',
    });
    expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const response = await page.request.get(icon.src);
      expect(response.headers()['content-type']).toBe('image/png');
    }
  });
});
