/**
 * The browser's WebSocket behind the real-time connection's small socket interface, and the
 * socket's address: same origin as the page (so the session cookie goes with the upgrade),
 * `wss:` under HTTPS.
 */
import { SYNC_WS_PATH } from '../../contract/realtime';
import type { OpenRealtimeSocket } from '../../sync/realtime';

export function realtimeUrl(page: Pick<Location, 'href'> = window.location, path = SYNC_WS_PATH): string {
  const url = new URL(path, page.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export const openBrowserSocket: OpenRealtimeSocket = (url, events) => {
  const socket = new WebSocket(url);
  socket.onopen = () => events.open();
  socket.onmessage = (event: MessageEvent) => events.message(event.data);
  // An error is always followed by a close, which is what the connection acts on.
  socket.onclose = (event: CloseEvent) => events.close(event.code);
  return {
    send: (text) => socket.send(text),
    close: () => {
      socket.onopen = socket.onmessage = socket.onclose = null;
      socket.close();
    },
  };
};
