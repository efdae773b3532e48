import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createStandardProviders } from '../../src/providers/standard/index.js';
import { untouchedStore } from './untouched-store.js';

// The factory connects to nothing (the first call of a tick logs in), so it needs no servers.
const YAML = `
accounts:
  - id: alex
    name: Alex Morgan
    email: alex@fastmail.example
    timeZone: America/New_York
    provider: standard
    caldav: { url: "https://caldav.example.com/", username: alex, passwordEnv: CALDAV_PASSWORD, calendar: "Work" }
    imap:   { host: imap.example.com, port: 993, secure: true, user: alex, passwordEnv: IMAP_PASSWORD, inbox: INBOX, sent: Sent }
    smtp:   { host: smtp.example.com, port: 465, secure: true, user: alex, passwordEnv: SMTP_PASSWORD }
`;

describe('createStandardProviders', () => {
  it('offers CalDAV, IMAP and SMTP, no video links, no native drafts and a connection check', async () => {
    const config = parseConfig(YAML, '/tmp/followup-standard-factory.yaml', { CALDAV_PASSWORD: 'a', IMAP_PASSWORD: 'b', SMTP_PASSWORD: 'c' });
    const providers = await createStandardProviders({ account: config.accounts[0]!, config, store: untouchedStore, logger: silentLogger(), now: () => new Date('2030-06-03T10:00:00Z') });
    expect(providers.calendar.calendarId).toBe('caldav:alex');
    expect(providers.mailbox).not.toBeNull();
    expect(providers.attendance).toBeNull();
    expect(providers.drafts).toBeNull();
    expect(providers.conference).toBe(false);
    expect(typeof providers.checkConnection).toBe('function');
  });
});
