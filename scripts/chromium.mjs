// How every tool here launches a browser: Debian Chromium (never a downloaded one) with the flags TOOLCHAIN.md
// found necessary as root on this closed network (without the networking flags Chromium floods it). One copy,
// used by Vitest browser mode, Playwright e2e, the mock server's hosted-flow test and the Storybook screenshots.

/** Path of the Chromium binary; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags for headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
