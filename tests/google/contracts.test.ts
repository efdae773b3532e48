import { afterAll, beforeAll } from 'vitest';
import { describeCalendarProviderContract } from '../contracts/calendar-provider.contract.js';
import { describeMailContract } from '../contracts/mail.contract.js';
import { calendarHarness, createMswServer, mailHarness } from './harness.js';

const server = createMswServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describeCalendarProviderContract('google (real @googleapis/calendar against the emulator)', async () => calendarHarness(server));
describeMailContract('gmail (real @googleapis/gmail against the emulator)', async () => mailHarness(server));
