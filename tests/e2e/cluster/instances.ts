/** Where the browser tests' cluster listens: the proxy and each instance directly (playwright.config.ts starts it). */
export const CLUSTER_PORT = Number(process.env.E2E_CLUSTER_PORT ?? 4321);
export const CLUSTER_INSTANCE_PORTS = (process.env.E2E_CLUSTER_INSTANCE_PORTS ?? '4322,4323').split(',').map(Number);
export const CLUSTER_INSTANCE_URLS = CLUSTER_INSTANCE_PORTS.map((port) => `http://127.0.0.1:${port}`);
