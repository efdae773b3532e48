import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMicrosoftCommands } from '../../src/cli/microsoft-command.js';
import { parseConfig } from '../../src/config.js';
import type { DemoScenario } from '../../src/demo/scenario.js';
import { seedGraphEmulator, type ServedGraphEmulator } from '../../src/emulators/microsoft/index.js';
import { createLogger } from '../../src/log.js';
import type { CredentialStore } from '../../src/ports/store.js';
import { createMicrosoftProviders } from '../../src/providers/microsoft/index.js';

// The emulator over real HTTP (no msw interception in this file), answering the real Graph client
// and msal (client credentials through the fetch network client, since msal needs https authorities).
let served: ServedGraphEmulator;
beforeAll(async () => {
  const program = new Command();
  const lines: string[] = [];
  registerMicrosoftCommands(program, {
    loadConfig: () => {
      throw new Error('not needed');
    },
    openStore: () => {
      throw new Error('not needed');
    },
    print: (l) => lines.push(l),
    onEmulatorReady: (s) => {
      served = s;
    },
  });
  await program.parseAsync(['node', 'followup', 'emulate', 'microsoft', '--port', '0']);
  expect(lines[0]).toContain('listening on http://127.0.0.1:');
});
afterAll(async () => served?.close());

const NOW = new Date('2030-06-10T12:00:00Z');
const REP = { id: 'demo-rep', email: 'rep@demo.example', name: 'Robin Rep', timeZone: 'Europe/Berlin' };
const scenario: DemoScenario = {
  now: NOW,
  rep: REP,
  prospects: [{ email: 'pat@client.example', name: 'Pat', company: 'Client', timeZone: 'America/New_York' }],
  events: [
    {
      id: 'evt-demo-1',
      calendarId: 'x',
      title: 'Discovery call',
      start: new Date('2030-06-09T14:00:00Z'),
      end: new Date('2030-06-09T14:30:00Z'),
      status: 'confirmed',
      attendees: [
        { email: REP.email, response: 'accepted', organizer: true },
        { email: 'pat@client.example', response: 'needs_action' },
      ],
      categories: [],
      conference: { provider: 'teams', id: 'https://teams.microsoft.com/l/meetup-join/demo', joinUrl: 'https://teams.microsoft.com/l/meetup-join/demo' },
    },
  ],
  messages: [
    {
      folder: 'sent',
      threadKey: 't1',
      date: new Date('2030-06-01T10:00:00Z'),
      raw: 'From: Robin Rep <rep@demo.example>\r\nTo: pat@client.example\r\nSubject: Proposal\r\nMessage-ID: <m1@demo.example>\r\nDate: Sat, 01 Jun 2030 10:00:00 +0000\r\n\r\nHere it is.\r\n',
    },
    {
      folder: 'inbox',
      threadKey: 't1',
      date: new Date('2030-06-02T10:00:00Z'),
      raw: 'From: Pat <pat@client.example>\r\nTo: rep@demo.example\r\nSubject: Re: Proposal\r\nMessage-ID: <m2@client.example>\r\nIn-Reply-To: <m1@demo.example>\r\nDate: Sun, 02 Jun 2030 10:00:00 +0000\r\n\r\nTuesday at 3pm works.\r\n',
    },
  ],
};

describe('Graph emulator over HTTP', () => {
  it('serves the seeded demo to the real Graph client and msal (client credentials)', async () => {
    const seeded = await seedGraphEmulator(served.emulator, scenario);
    expect(seeded).toEqual({ mailbox: REP.email, events: 1, messages: 2 });
    const config = parseConfig(
      JSON.stringify({
        accounts: [
          {
            id: REP.id,
            name: REP.name,
            email: REP.email,
            timeZone: REP.timeZone,
            provider: 'microsoft',
            microsoft: { auth: 'client-credentials', clientId: 'emulator', tenantId: 'demo', baseUrl: `${served.url}/`, authorityHost: served.url },
          },
        ],
      }),
      'demo.yaml',
      { MICROSOFT_CLIENT_SECRET: 'emulator' },
    );
    // A provider's whole view of the store: its credentials and its account's status.
    const store: CredentialStore = { setAccountStatus: async () => {}, getCredential: async () => null, saveCredential: async () => {} };
    const providers = await createMicrosoftProviders({ account: config.accounts[0]!, config, store, logger: createLogger({ level: 'silent' }), now: () => NOW });
    const sync = await providers.calendar.sync({ cursor: null, window: { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-07-01T00:00:00Z') } });
    expect(sync.upserted.map((e) => e.id)).toEqual(['evt-demo-1']);
    // approval: worker and no conference in the config: no drafts port, no Teams links.
    expect(providers.drafts).toBeNull();
    expect(providers.conference).toBe(false);
    const ev = sync.upserted[0]!;
    expect(ev.attendees.find((a) => a.email === 'pat@client.example')?.response).toBe('needs_action');
    expect(ev.conference?.provider).toBe('teams');
    expect(await providers.attendance!.attendance(ev)).toEqual({ available: false, participants: [] });

    const mail = await providers.mailbox!.fetchNew({ cursor: null, since: new Date('2030-05-01T00:00:00Z'), isTracked: ({ from }) => from === 'pat@client.example' });
    expect(mail.messages.map((m) => m.messageId)).toEqual(['<m1@demo.example>', '<m2@client.example>']);
    expect(mail.messages[0]!.threadId).toBe(mail.messages[1]!.threadId);
    const reply = mail.messages[1]!;
    await providers.sender.send({
      messageId: '<w1@followup.local>',
      from: { email: REP.email, name: REP.name },
      to: 'pat@client.example',
      subject: 'Re: Proposal',
      text: 'Booked.',
      thread: { references: ['<m1@demo.example>', '<m2@client.example>'], inReplyTo: '<m2@client.example>', replyToProviderId: reply.providerId, threadId: reply.threadId ?? null },
      attachments: [],
      headers: {},
    });
    expect(await providers.sender.findSent('<w1@followup.local>')).toMatchObject({ threadId: reply.threadId });
  });
});
