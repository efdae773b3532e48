/**
 * Many reps on the Google emulator served over HTTP, for the scale-out tests and `bench:scale`:
 * the demo scenario once per rep (its own prospects, events and mail), a config listing every rep,
 * and each rep's refresh token sealed in the store. (Seeded here through the emulator library;
 * `followup emulate google --demo-reps N --write-config` does the same from the command line.)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildDemoScenario, DEMO_REP } from '../demo/build-scenario.js';
import type { DemoScenario } from '../demo/scenario.js';
import { serveGoogleEmulator, seedGoogleEmulator, type ServedGoogleEmulator } from '../emulators/google/index.js';
import { saveRefreshToken } from '../providers/google/google.auth.js';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from '../security/crypto.js';
import { openStore } from '../store/open-store.js';

export interface ScaleWorkspace {
  dir: string;
  configPath: string;
  /** Environment for a `followup` process on this workspace (encryption key, DATABASE_URL). */
  env: Record<string, string>;
  served: ServedGoogleEmulator;
  reps: { id: string; email: string }[];
  close(): Promise<void>;
}

/** The demo scenario for rep number `i`: the rep's and the prospects' addresses made its own. */
export function repScenario(now: Date, i: number, options: { demo: boolean }): DemoScenario {
  const base = buildDemoScenario(now);
  const email = `rep${i}@northwind.example`;
  const tag = (text: string) =>
    text
      .replaceAll(DEMO_REP.email, email)
      .replace(/\b([a-z]+)@(acme|globex|initech|umbrella|hooli|stark|wayne)\.example\b/g, `$1.r${i}@$2.example`)
      .replace(/<demo-([a-z0-9-]+)@/g, `<demo-$1-r${i}@`);
  const rep = { ...DEMO_REP, id: `rep${i}`, email, name: `Rep ${i}` };
  if (!options.demo) return { now, rep, prospects: [], events: [], messages: [] };
  return {
    now,
    rep,
    prospects: base.prospects.map((p) => ({ ...p, email: tag(p.email) })),
    events: base.events.map((e) => ({
      ...e,
      id: `${e.id}-r${i}`,
      uid: `${e.id}-r${i}@northwind.example`,
      organizerEmail: e.organizerEmail ? tag(e.organizerEmail) : e.organizerEmail,
      attendees: e.attendees.map((a) => ({ ...a, email: tag(a.email), ...(a.name === DEMO_REP.name ? { name: rep.name } : {}) })),
    })),
    messages: base.messages.map((m) => ({ ...m, raw: tag(m.raw), threadKey: `${m.threadKey}-r${i}` })),
  };
}

export async function prepareScaleWorkspace(input: {
  dir: string;
  reps: number;
  /** PostgreSQL url (a schema is made for the workspace) or null for SQLite. */
  databaseUrl: string | null;
  latencyMs?: number;
  now?: Date;
  /** Seed the demo's prospects, events and mail for every rep (false: idle reps with empty books). */
  demo?: boolean;
  /** How many reps get the demo (the rest are idle); all of them when absent. */
  demoReps?: number;
  schedule?: string;
}): Promise<ScaleWorkspace> {
  const now = input.now ?? new Date();
  mkdirSync(input.dir, { recursive: true });
  const served = await serveGoogleEmulator({ options: { ...(input.latencyMs ? { latencyMs: input.latencyMs } : {}) } });
  const key = randomBytes(32).toString('base64');
  const env: Record<string, string> = { [ENCRYPTION_KEY_ENV]: key };
  let databaseUrl: string | null = null;
  if (input.databaseUrl) {
    const schema = `scale_${randomBytes(4).toString('hex')}`;
    const url = new URL(input.databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
    env.DATABASE_URL = databaseUrl;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: input.databaseUrl });
    await admin.connect();
    await admin.query(`create schema "${schema}"`);
    await admin.end();
  }
  const reps: { id: string; email: string }[] = [];
  const prospects: Record<string, unknown>[] = [];
  const accounts: Record<string, unknown>[] = [];
  const tokens: { id: string; token: string }[] = [];
  for (let i = 0; i < input.reps; i++) {
    const demo = (input.demo ?? true) && i < (input.demoReps ?? input.reps);
    const scenario = repScenario(now, i, { demo });
    const seeded = demo ? seedGoogleEmulator(served.emulator, scenario) : null;
    if (!seeded) served.emulator.control.addUser({ email: scenario.rep.email, name: scenario.rep.name, timeZone: scenario.rep.timeZone });
    tokens.push({ id: scenario.rep.id, token: seeded?.refreshToken ?? served.emulator.control.issueRefreshToken(scenario.rep.email) });
    reps.push({ id: scenario.rep.id, email: scenario.rep.email });
    prospects.push(...scenario.prospects.map((p) => ({ ...p, account: scenario.rep.id })));
    accounts.push({ id: scenario.rep.id, name: scenario.rep.name, email: scenario.rep.email, timeZone: scenario.rep.timeZone, approval: 'worker', provider: 'google', // The calendar by its own id, not 'primary': the store keys events by calendar id, and
      // 'primary' is the same string for every rep (see README "Scale-out", known limits).
      google: { rootUrl: served.rootUrl, requestsPerSecond: 50, calendarId: scenario.rep.email } });
  }
  writeFileSync(join(input.dir, 'prospects.yaml'), stringify(prospects));
  const configPath = join(input.dir, 'followup.yaml');
  const config = { prospects: 'prospects.yaml', schedule: input.schedule ?? '*/10 * * * *', store: { sqlitePath: './data/followup.db' }, web: { digest: false }, accounts };
  writeFileSync(configPath, `# Scale workspace (made by the scale-out tests and bench:scale). Safe to delete.\n${stringify(config)}`);
  const store = await openStore({ databaseUrl, sqlitePath: join(input.dir, 'data/followup.db') });
  try {
    for (const t of tokens) {
      await store.upsertAccount({ id: t.id, email: `${t.id}@northwind.example`, name: `Rep ${t.id.slice(3)}`, timeZone: DEMO_REP.timeZone, provider: 'google', role: 'rep', status: 'connected', statusDetail: null });
      await saveRefreshToken({ store, accountId: t.id, refreshToken: t.token, key: parseEncryptionKey(key) });
    }
  } finally {
    await store.close();
  }
  return { dir: input.dir, configPath, env, served, reps, close: () => served.close() };
}
