import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real mock API, answering as fast as it can (`''` when it could not start). */
    benchMockUrl: string;
    /** The real mock API with 50 ms added to every response (the issue's `ck-link` scenario). */
    benchMockSlowUrl: string;
    /** Why the mock servers are unavailable (the connected benchmarks fail with it). */
    benchMockError: string;
  }
}

/** Latency added to every response of the "slow" server (ms). */
export const MOCK_LATENCY_MS = 50;

/** The origins the browser-mode page can have (Vitest's browser port and the next few, as in test/). */
function testPageOrigins(project: TestProject): string[] {
  const base = project.config.browser?.api?.port ?? 63315;
  const origins: string[] = [];
  for (let port = base; port < base + 20; port++) origins.push(`http://localhost:${port}`, `http://127.0.0.1:${port}`);
  return origins;
}

/**
 * Starts two real mock servers for the run (instant sync; CORS open to the loopback test page). If they cannot
 * start, the controlled-mode benchmarks still run and the connected ones fail with the reason.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const { startMockServer } = await import('@consent-kit/mock-server');
    const common = { port: 0, syncStepMs: 0, corsOrigins: testPageOrigins(project) };
    const fast = await startMockServer(common);
    const slow = await startMockServer({ ...common, faults: { rules: [{ path: '/**', latencyMs: MOCK_LATENCY_MS }] } });
    project.provide('benchMockUrl', fast.url);
    project.provide('benchMockSlowUrl', slow.url);
    project.provide('benchMockError', '');
    return async () => {
      await Promise.all([fast.close(), slow.close()]);
    };
  } catch (error) {
    project.provide('benchMockUrl', '');
    project.provide('benchMockSlowUrl', '');
    project.provide('benchMockError', error instanceof Error ? error.message : String(error));
    return async () => {};
  }
}
