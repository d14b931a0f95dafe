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
 * Starts the real mock API once for the run: instant sync, CORS open to the loopback test page (any port).
 * If the mock server cannot start, the controlled-mode tests still run and every connected-mode test fails with
 * the reason (test/connected.ts), instead of the whole run failing to start.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const { startMockServer } = await import('@consent-kit/mock-server');
    const server = await startMockServer({
      port: 0,
      syncStepMs: 0,
      corsOrigins: [/^http:\/\/(localhost|127\.0\.0\.1):\d+$/],
    });
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
