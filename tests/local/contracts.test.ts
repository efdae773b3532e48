import { parseRawEmail } from '../../src/mail/parse-mime.js';
import { describeCalendarProviderContract } from '../contracts/calendar-provider.contract.js';
import { describeMailContract } from '../contracts/mail.contract.js';
import { makeLocalCalendarHarness, makeLocalMailHarness } from './local-harness.js';
import { startSmtpServer } from './smtp-test-server.js';

describeCalendarProviderContract('local vdir', makeLocalCalendarHarness);

describeMailContract('local Maildir outbox', () => makeLocalMailHarness());

describeMailContract('local SMTP with a Sent Maildir', async () => {
  const server = await startSmtpServer({ users: { 'rep@followup.example': 's3cret' } });
  return makeLocalMailHarness(
    { kind: 'smtp', host: '127.0.0.1', port: server.port, passwordEnv: 'TEST_SMTP_PASSWORD', sentDir: 'sent' },
    {
      env: { TEST_SMTP_PASSWORD: 's3cret' },
      captured: async () => Promise.all(server.messages.map((m, i) => parseRawEmail(m.raw, `smtp-${i}`))),
      onCleanup: () => server.close(),
    },
  );
});
