/**
 * How every browser test and benchmark starts Debian's Chromium (never a downloaded browser).
 * The flags keep it headless and off the network this machine does not have: without the
 * background-networking ones Chromium keeps dialling Google's hosts and gets refused.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
