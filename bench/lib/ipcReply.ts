/**
 * The next IPC message of one type from a bench child process (a server the bench forked),
 * failing on its `failed` message, its exit or a timeout: the one way every bench part waits on
 * the processes it starts.
 */
import type { ChildProcess } from 'node:child_process';

export interface IpcReply {
  readonly type: string;
}

export class ChildProcessError extends Error {
  override readonly name = 'ChildProcessError';
}

export function nextIpcReply<R extends IpcReply, T extends R['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
  label: string,
): Promise<Extract<R, { type: T }>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onMessage = (message: R & { message?: string }) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<R, { type: T }>);
      } else if (message.type === 'failed') {
        cleanup();
        reject(new ChildProcessError(`${label}: ${message.message ?? 'failed'}`));
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new ChildProcessError(`${label} exited (code ${code}, signal ${signal}) while waiting for ${type}`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new ChildProcessError(`${label}: no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
