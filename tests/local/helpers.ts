import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type AppConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import type { Store } from '../../src/ports/store.js';
import { createLocalProviders } from '../../src/providers/local/index.js';

export const REP = { email: 'rep@followup.example', name: 'Robin Rep', timeZone: 'Europe/Berlin' };

export async function makeTempDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `followup-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type OutgoingConfig =
  | { kind: 'maildir'; dir: string }
  | { kind: 'smtp'; host: string; port: number; secure?: boolean; user?: string; passwordEnv?: string; sentDir?: string };

/** A real config (parsed by the app's schema) for one local account, rooted in `baseDir`. */
export function makeLocalConfig(input: { baseDir: string; outgoing?: OutgoingConfig; env?: Record<string, string> }): AppConfig {
  // The rep's sync tools make these; the factory refuses missing ones (a typo is not an empty calendar).
  for (const folder of ['calendar', 'inbox']) mkdirSync(join(input.baseDir, folder), { recursive: true });
  const outgoing = input.outgoing ?? { kind: 'maildir', dir: 'outbox' };
  const yaml = JSON.stringify({
    accounts: [
      {
        id: 'rep1',
        name: REP.name,
        email: REP.email,
        timeZone: REP.timeZone,
        provider: 'local',
        local: { calendarDir: 'calendar', maildir: 'inbox', outgoing },
      },
    ],
  });
  return parseConfig(yaml, join(input.baseDir, 'followup.yaml'), input.env ?? {});
}

export async function makeLocalProviders(config: AppConfig, now: () => Date = () => new Date('2030-06-01T08:00:00Z')): Promise<ProviderSet> {
  return createLocalProviders({
    account: config.accounts[0]!,
    config,
    store: {} as Store, // the local family keeps no credentials
    logger: silentLogger(),
    now,
  });
}
