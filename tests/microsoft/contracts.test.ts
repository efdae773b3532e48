import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { describeCalendarProviderContract } from '../contracts/calendar-provider.contract.js';
import { describeMailContract } from '../contracts/mail.contract.js';
import { calendarHarness, mailHarness } from './harness.js';

// The port contract suites, run with the real Graph client against the emulator (in-process msw).
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeCalendarProviderContract('microsoft graph', async () => calendarHarness(server));
describeCalendarProviderContract('microsoft graph (2 events per delta page)', async () => calendarHarness(server, { pageSize: 2 }));
describeMailContract('microsoft graph', async () => mailHarness(server));
