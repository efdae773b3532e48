import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';

/**
 * A cold start that fails (the config or the database not there yet) is not cached: the next
 * request starts again, instead of the instance failing until it is recycled (issue 10, item 7).
 */
describe('the serverless web handler after a failed start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'followup-sls-retry-'));
  const saved = { ...process.env };
  afterAll(async () => {
    const { shutdown } = await import('../../src/serverless.js');
    await shutdown();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails while the workspace is missing, then serves once it is there', async () => {
    process.env.FOLLOWUP_CONFIG = join(dir, 'followup.yaml');
    process.env.FOLLOWUP_WEB_SECRET = 'x'.repeat(40);
    process.env.LOG_LEVEL = 'silent';
    const { fetchHandler } = await import('../../src/serverless.js');
    await expect(fetchHandler(new Request('http://followup.test/healthz'))).rejects.toThrow();
    seedLocalWorkspace(dir, buildDemoScenario(new Date()));
    expect((await fetchHandler(new Request('http://followup.test/healthz'))).status).toBe(200);
  });
});
