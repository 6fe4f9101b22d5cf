import { afterEach, describe, expect, it } from 'vitest';
import type { TestProject } from 'vitest/node';
import setup from './postgres-server.js';

describe('the test server setup', () => {
  const saved = { CI: process.env.CI, TEST_POSTGRES_URL: process.env.TEST_POSTGRES_URL };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  const project = { provide: () => undefined } as unknown as TestProject;

  it('fails (does not skip) in CI when no server is given', async () => {
    process.env.CI = 'true';
    delete process.env.TEST_POSTGRES_URL;
    await expect(setup(project)).rejects.toThrow(/CI is set but TEST_POSTGRES_URL is not/);
  });

  it('fails when TEST_POSTGRES_URL does not answer', async () => {
    process.env.TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:1/postgres';
    await expect(setup(project)).rejects.toThrow(/TEST_POSTGRES_URL does not answer/);
  });
});
