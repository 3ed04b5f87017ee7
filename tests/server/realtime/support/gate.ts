/**
 * Holds the next request to one route in a preHandler until released, so a test can act while
 * it is in flight. Other requests pass until `hold()` arms it.
 */
import type { FastifyInstance } from 'fastify';

export interface Held {
  /** Resolves when the held request reached the gate. */
  readonly reached: Promise<void>;
  release(): void;
}

export interface Gate {
  install(app: FastifyInstance): void;
  /** The next request to the route waits until the returned handle is released. */
  hold(): Held;
  /** Lets everything through (cleanup). */
  releaseAll(): void;
}

export function gate(url: string): Gate {
  let armed: { arrive: () => void; opened: Promise<void> } | null = null;
  const releases: (() => void)[] = [];
  return {
    install(app) {
      app.addHook('preHandler', async (request) => {
        if (request.url !== url || !armed) return;
        const { arrive, opened } = armed;
        armed = null;
        arrive();
        await opened;
      });
    },
    hold() {
      let arrive!: () => void;
      let release!: () => void;
      const reached = new Promise<void>((resolve) => (arrive = resolve));
      const opened = new Promise<void>((resolve) => (release = resolve));
      armed = { arrive, opened };
      releases.push(release);
      return { reached, release };
    },
    releaseAll() {
      armed = null;
      for (const release of releases.splice(0)) release();
    },
  };
}
