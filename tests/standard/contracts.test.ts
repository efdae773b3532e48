import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { eventIcs } from '../local/local-harness.js';
import { describeCalendarProviderContract } from '../contracts/calendar-provider.contract.js';
import { describeMailContract } from '../contracts/mail.contract.js';
import { davPut, makeStandardCalendarHarness, makeStandardMailHarness, serversMissing, standardConfig, standardProviders, startServers, type Servers } from './servers.js';

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

  it('finds the calendar by display name, by caldav.calendar URL, or by caldav.url being the calendar itself', async () => {
    const home = await servers.radicale.makeCalendar('home-pick', 'Home');
    const work = await servers.radicale.makeCalendar('work-pick', 'Client Work');
    const at = new Date('2030-06-04T09:00:00Z');
    await davPut(servers.radicale, `${work}w.ics`, eventIcs({ uid: 'in-work', title: 'In work', start: at, end: new Date(at.getTime() + 1_800_000), attendees: [] }));
    await davPut(servers.radicale, `${home}h.ics`, eventIcs({ uid: 'in-home', title: 'In home', start: at, end: new Date(at.getTime() + 1_800_000), attendees: [] }));
    const window = { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-06-10T00:00:00Z') };
    const titles = async (config: Awaited<ReturnType<typeof standardConfig>>) => (await (await standardProviders(config)).calendar.sync({ cursor: null, window })).upserted.map((e) => e.title);
    expect(await titles(await standardConfig(servers, { calendar: 'client work' }))).toEqual(['In work']);
    expect(await titles(await standardConfig(servers, { calendar: home }))).toEqual(['In home']);
    const base = await standardConfig(servers, {});
    const direct = parseConfig(JSON.stringify({ accounts: [{ ...base.accounts[0], caldav: { ...base.accounts[0]!.caldav, url: work } }] }), base.path, { CALDAV_PASSWORD: servers.radicale.password, IMAP_PASSWORD: 'x', SMTP_PASSWORD: 'x' });
    expect(await titles(direct)).toEqual(['In work']);
    const missing = await standardConfig(servers, { calendar: 'Nope' });
    await expect((await standardProviders(missing)).calendar.sync({ cursor: null, window })).rejects.toThrow(/no calendar named "Nope".*"Client Work"/);
  });
});
