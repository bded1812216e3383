/** Vitest global setup for browser tests: one production build and preview server per run. */
import type { TestProject } from 'vitest/node';
import { serveProduction } from '../server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const served = await serveProduction();
  project.provide('baseUrl', served.url);
  return async () => served.close();
}
