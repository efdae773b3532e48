import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account } from '../../src/domain/types.js';
import type { ProviderSet } from '../../src/ports/providers.js';
import { PASSWORD_RECONNECT } from '../../src/providers/factory.js';
import { createGoogleProviderSet } from '../../src/providers/google/index.js';
import { buildGoogleClients } from '../../src/providers/google/google.client.js';
import { createMicrosoftProviderSet } from '../../src/providers/microsoft/index.js';
import type { AccountRuntime } from '../../src/worker/context.js';
import { GENERIC_RECONNECT, reconnectHint } from '../../src/worker/sync.js';
import { makeLocalConfig, makeLocalProviders, makeTempDir } from '../local/helpers.js';

function runtime(provider: Account['provider'], providers: ProviderSet | null): AccountRuntime {
  return {
    account: { id: 'acc1', email: 'rep@x.example', name: 'Rep', timeZone: 'UTC', provider, role: 'rep', status: 'connected', statusDetail: null } as Account,
    providers,
  };
}

describe('reconnect advice comes from the provider set, not from the worker', () => {
  let remove: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await remove?.();
  });

  it('a password family (local) says it reconnects by itself once what is named is fixed', async () => {
    const temp = await makeTempDir('reconnect');
    remove = temp.remove;
    const providers = await makeLocalProviders(makeLocalConfig({ baseDir: temp.dir }));
    expect(providers.reconnect).toBe(PASSWORD_RECONNECT);
    expect(reconnectHint(runtime('local', providers), 'SMTP login refused (535).')).toBe(`SMTP login refused (535). To reconnect, ${PASSWORD_RECONNECT}.`);
  });

  it('OAuth families name their own `followup auth` command for the account', () => {
    const google = createGoogleProviderSet({ clients: buildGoogleClients({ auth: 'unused-key' as never }), accountId: 'acc1', calendarId: 'primary', timeZone: 'UTC', nativeDrafts: false });
    expect(reconnectHint(runtime('google', google), 'revoked')).toBe('revoked. To reconnect, run `followup auth google --account acc1`.');
    const microsoft = createMicrosoftProviderSet({ account: { id: 'acc1', email: 'rep@x.example', approval: 'worker', conference: false }, tokens: { token: async () => 'unused' } as never, appOnly: false });
    expect(reconnectHint(runtime('microsoft', microsoft), 'revoked')).toBe('revoked. To reconnect, run `followup auth microsoft --account acc1`.');
  });

  it('the worker follows whatever the provider set says, whatever the family, and has a plain fallback', () => {
    const base = { calendar: {} as ProviderSet['calendar'], sender: {} as ProviderSet['sender'], mailbox: null, attendance: null, drafts: null, conference: false };
    // A "google" account whose set gives other advice: the set wins (the worker does not look at the family).
    expect(reconnectHint(runtime('google', { ...base, reconnect: 'ask your admin to renew the key' }), 'refused')).toBe('refused. To reconnect, ask your admin to renew the key.');
    const fallback = reconnectHint(runtime('standard', base), 'refused');
    expect(fallback).toBe(`refused. To reconnect, ${GENERIC_RECONNECT}.`);
    expect(fallback).not.toMatch(/local|standard|google|microsoft/i);
  });

  it('no worker source names a provider family', () => {
    const dir = join(import.meta.dirname, '../../src/worker');
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `src/worker/${f}:${i + 1}`, line }))
          .filter(({ line }) => /provider\s*===|['"`](local|standard|google|microsoft)['"`]/.test(line)),
      );
    expect(offending).toEqual([]);
  });
});
