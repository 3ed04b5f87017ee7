/** Sockets a test file opens, each closed (terminated) after its test, so none leaks into the next. */
import { afterEach } from 'vitest';
import type { ClientOptions } from 'ws';
import { TestSocket } from './testSocket';

export function openedSockets(): (url: string, options?: ClientOptions) => Promise<TestSocket> {
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close(true)));
  });
  return async (url, options = {}) => {
    const socket = await TestSocket.open(url, options);
    sockets.push(socket);
    return socket;
  };
}
