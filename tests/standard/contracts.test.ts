import { afterAll, beforeAll, describe } from 'vitest';
import { describeCalendarProviderContract } from '../contracts/calendar-provider.contract.js';
import { describeMailContract } from '../contracts/mail.contract.js';
import { makeStandardCalendarHarness, makeStandardMailHarness, serversMissing, startServers, type Servers } from './servers.js';

/** The shared provider contracts against the standard provider on real Radicale, Dovecot and SMTP. */
describe.skipIf(serversMissing)('standard provider on real servers', () => {
  let servers: Servers;
  beforeAll(async () => {
    servers = await startServers();
  }, 60_000);
  afterAll(async () => {
    await servers?.stop();
  });

  describeCalendarProviderContract('standard CalDAV (Radicale)', () => makeStandardCalendarHarness(servers));
  describeMailContract('standard IMAP + SMTP (Dovecot, smtp-server)', () => makeStandardMailHarness(servers));
});
