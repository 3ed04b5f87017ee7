/**
 * The network between the simulated devices and the server, with the faults of the issue:
 * a request dropped before the server sees it, a response dropped after the server committed
 * (a crash after commit before the reply looks the same to the client), a duplicated request,
 * a request held back and delivered after other devices' requests (reordering), a 500, a 401
 * and a captive portal's HTML 200. The fault of each request comes from a plan fast-check drew,
 * consumed in request order, so a run replays exactly from its seed.
 */
export const FAULTS = ['dropRequest', 'dropResponse', 'duplicate', 'hold', 'http500', 'http401', 'portal'] as const;
export type Fault = (typeof FAULTS)[number] | 'none';

export interface DeliveredRequest {
  readonly path: string;
  readonly body: string;
}

/** Sends a request to the server for real; the network calls it zero, one or two times. */
export type Deliver = (path: string, body: string) => Promise<Response>;

interface Held {
  readonly device: number;
  readonly release: () => Promise<void>;
}

const offline = () => new TypeError('Failed to fetch');

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export class FaultyNetwork {
  /** Faults apply while true; quiescence turns them off. */
  faultsOn = true;
  readonly delivered: DeliveredRequest[] = [];
  readonly #plan: readonly Fault[];
  readonly #deliver: Deliver;
  #next = 0;
  #held: Held[] = [];
  #holdWaiters = new Map<number, () => void>();

  constructor(plan: readonly Fault[], deliver: Deliver) {
    this.#plan = plan.length > 0 ? plan : ['none'];
    this.#deliver = deliver;
  }

  /** The fetch device `device` uses. */
  fetchFor(device: number): typeof fetch {
    return (async (input: string | URL | Request, init: RequestInit = {}) => {
      const path = new URL(String(input)).pathname;
      const body = typeof init.body === 'string' ? init.body : '';
      const fault = this.faultsOn ? this.#plan[this.#next++ % this.#plan.length]! : 'none';
      return this.#send(device, fault, path, body);
    }) as typeof fetch;
  }

  /** True while a request of `device` is held back (its pass waits on it). */
  isBlocked(device: number): boolean {
    return this.#held.some((held) => held.device === device);
  }

  /** Resolves when `device` next has a request held back. */
  nextHold(device: number): Promise<void> {
    return new Promise((resolve) => this.#holdWaiters.set(device, resolve));
  }

  get heldCount(): number {
    return this.#held.length;
  }

  /** The device whose held request `releaseOne(index)` would deliver; null when none is held. */
  heldDevice(index: number): number | null {
    return this.#held.length === 0 ? null : this.#held[index % this.#held.length]!.device;
  }

  /** Deliver the held request at `index` (mod the count) now, after whatever overtook it. */
  async releaseOne(index: number): Promise<void> {
    if (this.#held.length === 0) return;
    const [held] = this.#held.splice(index % this.#held.length, 1);
    await held!.release();
  }

  /** Deliver an old request again, as a network duplicate arriving late; the answer goes nowhere. */
  async replay(index: number): Promise<void> {
    if (this.delivered.length === 0) return;
    const { path, body } = this.delivered[index % this.delivered.length]!;
    await this.#deliver(path, body);
  }

  async #send(device: number, fault: Fault, path: string, body: string): Promise<Response> {
    switch (fault) {
      case 'dropRequest':
        throw offline();
      case 'dropResponse':
        await this.#forward(path, body);
        throw offline();
      case 'duplicate':
        await this.#forward(path, body);
        return this.#forward(path, body);
      case 'http500':
        return json(500, { error: { code: 'internal', message: 'injected failure' } });
      case 'http401':
        return json(401, { error: { code: 'unauthenticated', message: 'injected: sign in again' } });
      case 'portal':
        return new Response('<html>portal</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      case 'hold':
        return this.#hold(device, path, body);
      case 'none':
        return this.#forward(path, body);
    }
  }

  #hold(device: number, path: string, body: string): Promise<Response> {
    return new Promise<Response>((resolve, reject) => {
      this.#held.push({
        device,
        release: async () => {
          try {
            resolve(await this.#forward(path, body));
          } catch (error) {
            reject(error);
          }
        },
      });
      this.#holdWaiters.get(device)?.();
      this.#holdWaiters.delete(device);
    });
  }

  #forward(path: string, body: string): Promise<Response> {
    this.delivered.push({ path, body });
    return this.#deliver(path, body);
  }
}
