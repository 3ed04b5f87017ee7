import { expect, type Browser, type BrowserContext, type Page, type WebSocket } from '@playwright/test';
import { SYNC_WS_PATH } from '../../../src/contract/realtime';
import { routes } from '../../../src/contract/routes';
import { CSRF, PASSWORD } from '../fixtures';

/**
 * The real-time sockets a page opens (`GET /api/v1/sync/ws`), as the browser sees them. Attach
 * before the page navigates, so no socket is missed.
 */
export class SyncSockets {
  readonly all: WebSocket[] = [];
  /** Sockets that received the server's `hello`: the server has registered them for pokes. */
  readonly greeted = new Set<WebSocket>();

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname !== SYNC_WS_PATH) return;
      this.all.push(socket);
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"hello"')) this.greeted.add(socket);
      });
    });
  }

  /** Sockets not closed yet. */
  get open(): WebSocket[] {
    return this.all.filter((socket) => !socket.isClosed());
  }

  /** Open sockets the server has greeted. */
  get live(): WebSocket[] {
    return this.open.filter((socket) => this.greeted.has(socket));
  }

  /** Resolves once the page holds a live socket (pokes sent from now on reach it). */
  async waitUntilLive(): Promise<void> {
    await expect.poll(() => this.live.length, { message: 'a greeted sync socket' }).toBeGreaterThan(0);
  }
}

/** A device of the test: a browser context signed in as the user, its sockets and pulls watched. */
export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly sockets: SyncSockets;
  /**
   * Resolves once the device holds a live socket and has finished the pass it runs after
   * connecting (pokes may have been missed before): from then on it is idle, as a device is
   * when another one changes something.
   */
  waitUntilCaughtUp(): Promise<void>;
}

/** Page side: records when the newest WebSocket of the page opened (wall ms) in `__socketOpenedAtMs`. */
function recordSocketOpens(): void {
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', () => {
        (window as unknown as { __socketOpenedAtMs: number }).__socketOpenedAtMs = Date.now();
      });
    }
  };
}

/** A second device: a fresh browser context signed in as `username`. */
export async function openDevice(browser: Browser, username: string, baseURL?: string): Promise<Device> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const response = await context.request.post('/api/v1/auth/login', { data: { username, password: PASSWORD }, headers: CSRF });
  expect(response.status()).toBe(200);
  await context.addInitScript(recordSocketOpens);
  // Finished pulls (by the page or its service worker): when each left, by the browser's clock.
  const pullsStartedAtMs: number[] = [];
  context.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === routes.syncPull.path) pullsStartedAtMs.push(request.timing().startTime);
  });
  const page = await context.newPage();
  const sockets = new SyncSockets(page);
  return {
    context,
    page,
    sockets,
    async waitUntilCaughtUp() {
      await sockets.waitUntilLive();
      const openedAtMs = await page.evaluate(() => (window as unknown as { __socketOpenedAtMs: number }).__socketOpenedAtMs);
      await expect
        .poll(() => pullsStartedAtMs.some((startedAtMs) => startedAtMs >= openedAtMs), { message: 'a pull after the socket opened' })
        .toBe(true);
    },
  };
}
