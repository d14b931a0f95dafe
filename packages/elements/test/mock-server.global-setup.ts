import type { TestProject } from 'vitest/node';
import { startMockServer } from '@consent-kit/mock-server';

declare module 'vitest' {
  export interface ProvidedContext {
    mockServerUrl: string;
  }
}

/** Starts the real mock API once for the run: instant sync, CORS open to the loopback test page (any port). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startMockServer({ port: 0, syncStepMs: 0, corsOrigins: [/^http:\/\/(localhost|127\.0\.0\.1):\d+$/] });
  project.provide('mockServerUrl', server.url);
  return () => server.close();
}
