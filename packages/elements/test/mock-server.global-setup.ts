import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real mock API started for this run; `''` when it could not be started (see the warning). */
    mockServerUrl: string;
    /** Why the mock server is unavailable, for the connected-mode tests to report. */
    mockServerError: string;
  }
}

/**
 * The origins the browser-mode test page can have: Vitest's browser server port (63315 unless configured), and the
 * next few ports it falls back to when that one is taken, on localhost and 127.0.0.1. The mock's CORS takes exact
 * origins only (never `*`).
 */
function testPageOrigins(project: TestProject): string[] {
  const base = project.config.browser?.api?.port ?? 63315;
  const origins: string[] = [];
  for (let port = base; port < base + 20; port++) {
    origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  }
  return origins;
}

/**
 * Starts the real mock API once for the run: instant sync, CORS open to the loopback test page (any port).
 * If the mock server cannot start, the controlled-mode tests still run and every connected-mode test fails with
 * the reason (test/connected.ts), instead of the whole run failing to start.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const { startMockServer } = await import('@consent-kit/mock-server');
    const server = await startMockServer({ port: 0, syncStepMs: 0, corsOrigins: testPageOrigins(project) });
    project.provide('mockServerUrl', server.url);
    project.provide('mockServerError', '');
    return () => server.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[elements tests] mock server unavailable, connected-mode tests will fail: ${reason}`);
    project.provide('mockServerUrl', '');
    project.provide('mockServerError', reason);
    return async () => {};
  }
}
