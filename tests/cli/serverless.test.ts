import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';

/** The serverless entry points, as a platform would call them. */
describe('serverless handlers', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-sls-'));
    process.env.FOLLOWUP_CONFIG = seedLocalWorkspace(dir, buildDemoScenario(new Date()));
    process.env.FOLLOWUP_WEB_SECRET = 'x'.repeat(40);
    process.env.FOLLOWUP_TICK_TOKEN = 'tick-token-for-tests';
    process.env.LOG_LEVEL = 'silent';
  });
  afterAll(async () => {
    const { shutdown } = await import('../../src/serverless.js');
    await shutdown();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('the scheduled (Lambda) handler runs one tick and answers with counts only', async () => {
    const { handler } = await import('../../src/serverless.js');
    const first = await handler({}, { getRemainingTimeInMillis: () => 60_000 });
    expect(first).toMatchObject({ skipped: null, booked: 1, problems: 0 });
    expect(first.drafted).toBe(5);
    expect(JSON.stringify(first)).not.toMatch(/@/); // no addresses, no bodies
    const second = await handler({}, { getRemainingTimeInMillis: () => 60_000 });
    expect(second).toMatchObject({ drafted: 0, booked: 0 });
  });

  it('the web-standard handler serves the pages and a token-guarded tick', async () => {
    const { fetchHandler } = await import('../../src/serverless.js');
    expect((await fetchHandler(new Request('http://followup.test/healthz'))).status).toBe(200);
    expect((await fetchHandler(new Request('http://followup.test/tick', { method: 'POST' }))).status).toBe(401);
    const ok = await fetchHandler(new Request('http://followup.test/tick', { method: 'POST', headers: { authorization: 'Bearer tick-token-for-tests' } }));
    expect(ok.status).toBe(200);
    const login = await fetchHandler(new Request('http://followup.test/login'));
    expect(login.status).toBe(200);
    expect(await login.text()).toMatch(/<form/i);
  });
});
