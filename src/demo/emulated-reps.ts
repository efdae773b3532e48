import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { openRuntime } from '../app/runtime.js';
import { loadConfig } from '../config.js';
import { silentLogger } from '../log.js';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from '../security/crypto.js';
import { saveRefreshToken } from '../providers/google/google.auth.js';
import { seedGoogleEmulator } from '../emulators/google/seed.js';
import { seedGraphEmulator } from '../emulators/microsoft/seed.js';
import type { GoogleEmulator } from '../emulators/google/emulator.js';
import type { GraphEmulator } from '../emulators/microsoft/index.js';
import { buildDemoScenario } from './build-scenario.js';
import type { DemoScenario } from './scenario.js';

/**
 * `followup emulate … --demo-reps N --write-config FILE`: N reps (rep0@northwind.example …), each
 * with its own copy of the demo scenario in the emulator, and a workspace whose N accounts point
 * at it. Secrets stay in the environment: FOLLOWUP_ENCRYPTION_KEY seals the Google refresh tokens
 * into the store; the Graph emulator's client-credentials secret is read from
 * MICROSOFT_CLIENT_SECRET by the worker (the emulator accepts any value).
 */
export function repEmail(i: number): string {
  return `rep${i}@northwind.example`;
}

/** The demo scenario for rep i: the rep's address and the Message-IDs are the rep's own. */
export function repScenario(base: DemoScenario, i: number): DemoScenario {
  const email = repEmail(i);
  const swap = (s: string) => s.split(base.rep.email).join(email).replace(/<demo-/g, `<demo-r${i}-`);
  return {
    now: base.now,
    rep: { ...base.rep, id: `rep${i}`, email },
    prospects: base.prospects,
    events: base.events.map((e) => ({
      ...e,
      ...(e.organizerEmail ? { organizerEmail: swap(e.organizerEmail) } : {}),
      attendees: e.attendees.map((a) => ({ ...a, email: swap(a.email) })),
    })),
    messages: base.messages.map((m) => ({ ...m, raw: swap(m.raw) })),
  };
}

export type EmulatedFamilyName = 'google' | 'microsoft';

export interface EmulatedReps {
  scenarios: DemoScenario[];
  /** Google refresh tokens by account id (sealed into the store by writeEmulatedWorkspace). */
  refreshTokens: Map<string, string>;
}

export async function seedDemoReps(input: { family: EmulatedFamilyName; emulator: GoogleEmulator | GraphEmulator; reps: number; now: Date }): Promise<EmulatedReps> {
  const base = buildDemoScenario(input.now);
  const scenarios: DemoScenario[] = [];
  const refreshTokens = new Map<string, string>();
  for (let i = 0; i < input.reps; i++) {
    const scenario = repScenario(base, i);
    scenarios.push(scenario);
    if (input.family === 'google') {
      const seeded = seedGoogleEmulator(input.emulator as GoogleEmulator, scenario);
      refreshTokens.set(scenario.rep.id, seeded.refreshToken);
    } else {
      await seedGraphEmulator(input.emulator as GraphEmulator, scenario);
    }
  }
  return { scenarios, refreshTokens };
}

function accountSection(family: EmulatedFamilyName, url: string): Record<string, unknown> {
  const base = url.replace(/\/$/, '');
  return family === 'google'
    ? { provider: 'google', google: { rootUrl: `${base}/`, requestsPerSecond: 50 } }
    : { provider: 'microsoft', microsoft: { auth: 'client-credentials', clientId: 'emulator', tenantId: 'emulated', baseUrl: `${base}/`, authorityHost: base } };
}

/**
 * Writes FILE (followup.yaml), prospects.yaml and the SQLite store beside it (or uses DATABASE_URL
 * when set), and seals the Google refresh tokens into that store. Returns the lines to print.
 */
export async function writeEmulatedWorkspace(input: {
  family: EmulatedFamilyName;
  url: string;
  configPath: string;
  seeded: EmulatedReps;
  env?: NodeJS.ProcessEnv;
}): Promise<string[]> {
  const env = input.env ?? process.env;
  // Fail before writing anything when the key that seals the tokens is missing.
  const key = input.family === 'google' ? parseEncryptionKey(env[ENCRYPTION_KEY_ENV]) : null;
  const dir = dirname(input.configPath);
  mkdirSync(dir, { recursive: true });
  const prospects = input.seeded.scenarios.flatMap((s) => s.prospects.map((p) => ({ ...p, account: s.rep.id })));
  writeFileSync(join(dir, 'prospects.yaml'), `# Each emulated rep's copy of the demo prospects.\n${stringify(prospects, { aliasDuplicateObjects: false })}`);
  const config = {
    prospects: 'prospects.yaml',
    store: { sqlitePath: './followup.db' },
    web: { digest: false },
    accounts: input.seeded.scenarios.map((s) => ({
      id: s.rep.id,
      name: s.rep.name,
      email: s.rep.email,
      timeZone: s.rep.timeZone,
      approval: 'worker',
      ...accountSection(input.family, input.url),
    })),
  };
  writeFileSync(input.configPath, `# ${input.seeded.scenarios.length} rep(s) on the ${input.family} emulator at ${input.url} (made by followup emulate).\n${stringify(config)}`);
  const runtime = await openRuntime({ config: loadConfig(input.configPath, env), logger: silentLogger() });
  try {
    for (const [accountId, refreshToken] of input.seeded.refreshTokens) {
      await saveRefreshToken({ store: runtime.store, accountId, refreshToken, key: key! });
    }
  } finally {
    await runtime.close();
  }
  const lines = [`Wrote ${input.configPath} (${config.accounts.length} account(s)) and prospects.yaml beside it; store: ${env.DATABASE_URL ? 'DATABASE_URL' : join(dir, 'followup.db')}.`];
  if (input.family === 'microsoft' && !env.MICROSOFT_CLIENT_SECRET) {
    lines.push('Before `followup run`, export MICROSOFT_CLIENT_SECRET=<anything>: the emulator accepts any client secret.');
  }
  lines.push(`Run the worker against it:  followup --config ${input.configPath} run --once`);
  return lines;
}
