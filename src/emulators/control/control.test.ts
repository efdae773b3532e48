import { afterEach, describe, expect, it } from 'vitest';
import { FaultBook, parseFaultRules, parseFaultRulesText } from './fault-rules.js';
import { googleFamily, graphFamily, serveControlled, routeKey } from './index.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('fault rules', () => {
  it('names the rule index and the field of each mistake', () => {
    expect(() => parseFaultRules([{ status: 503 }, { status: 404 }, { timeout: true, retryAfterSeconds: 2 }, { expireCursor: true, afterProcessing: true }, { status: 503, colour: 'red' }], 'f.json')).toThrow(
      /rule \[1\]\.status: a 429 or a 5xx status[\s\S]*rule \[2\]\.retryAfterSeconds: Retry-After goes with a "status"[\s\S]*rule \[3\]\.afterProcessing[\s\S]*rule \[4\]: Unrecognized key/,
    );
    expect(() => parseFaultRulesText('[{', 'x.json')).toThrow(/Fault rules in x\.json are not JSON/);
    expect(() => parseFaultRules([{ pathIncludes: '/x' }], 'y')).toThrow(/rule \[0\]\.status: give exactly one of "status", "timeout": true or "expireCursor": true/);
  });

  it('fires `times` times on matching method, path and mailbox, every n-th, and counts by kind', () => {
    const book = new FaultBook();
    book.add(parseFaultRules([{ pathIncludes: '/send', method: 'post', status: 503, afterProcessing: true, times: 2, every: 2, mailbox: 'a@x.example' }, { status: 429, retryAfterSeconds: 1 }], 'test'));
    const req = (method: string, path: string, mailbox: string | null) => book.take({ method, path, mailbox })?.status ?? null;
    expect(req('GET', '/send', 'a@x.example')).toBe(429); // only the catch-all matches a GET
    expect(req('POST', '/send', 'b@x.example')).toBe(null); // the 429 rule is spent; another mailbox
    expect(req('POST', '/send', 'a@x.example')).toBe(null); // 1st match: not an even one
    expect(req('POST', '/send', 'a@x.example')).toBe(503);
    expect(req('POST', '/send', 'a@x.example')).toBe(null);
    expect(req('POST', '/send', 'a@x.example')).toBe(503);
    expect(req('POST', '/send', 'a@x.example')).toBe(null); // times used up
    expect(book.injected).toEqual({ '5xx': 0, '429': 1, timeout: 0, 'lost-answer': 2, 'expired-cursor': 0 });
  });

  it('routes in stats hide ids and addresses', () => {
    expect(routeKey('post', '/gmail/v1/users/me/messages/send')).toBe('POST /gmail/v1/users/me/messages/send');
    expect(routeKey('GET', '/v1.0/users/rep0%40northwind.example/messages/AAMkAGI2TG93AAA=/$value')).toBe('GET /users/:id/messages/:id/$value');
  });
});

describe('the controlled server', () => {
  it('Google: a lost answer still does the work; a timeout drops the connection; state and stats tell', async () => {
    const served = await serveControlled(() => googleFamily());
    closers.push(served.close);
    const { control } = served.family.emulator;
    control.addUser({ email: 'rep@x.example' });
    const token = control.issueAccessToken('rep@x.example');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const raw = Buffer.from('From: rep@x.example\r\nTo: pat@y.example\r\nSubject: Hello\r\nMessage-ID: <m1@x.example>\r\n\r\nHi').toString('base64url');
    const rules = [{ pathIncludes: '/messages/send', method: 'POST', status: 503, afterProcessing: true }, { pathIncludes: '/calendarList', timeout: true, hangMs: 20 }];
    expect((await fetch(`${served.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(rules) })).status).toBe(200);
    const send = await fetch(`${served.url}/gmail/v1/users/me/messages/send`, { method: 'POST', headers, body: JSON.stringify({ raw }) });
    expect(send.status).toBe(503);
    await expect(fetch(`${served.url}/calendar/v3/users/me/calendarList`, { headers })).rejects.toThrow();
    const state = (await (await fetch(`${served.url}/__emulator/state`)).json()) as { mailboxes: { mailbox: string; sent: { messageId: string; to: string[]; subject: string }[] }[] };
    expect(state.mailboxes[0]!.sent).toEqual([{ messageId: '<m1@x.example>', to: ['pat@y.example'], subject: 'Hello' }]);
    const stats = (await (await fetch(`${served.url}/__emulator/stats`)).json()) as { requests: number; byRoute: Record<string, number>; faults: Record<string, number> };
    expect(stats.requests).toBe(2);
    expect(stats.byRoute['POST /gmail/v1/users/me/messages/send']).toBe(1);
    expect(stats.faults).toMatchObject({ 'lost-answer': 1, timeout: 1 });
  });

  it('says plainly when the port is taken', async () => {
    const first = await serveControlled(() => googleFamily());
    closers.push(first.close);
    await expect(serveControlled(() => googleFamily(), { port: first.port })).rejects.toThrow(`Port ${first.port} on 127.0.0.1 is in use; pick another with --port (0 = any free port).`);
  });

  it('Graph: an expired cursor answers the next delta with 410 syncStateNotFound; 429 carries Retry-After', async () => {
    const served = await serveControlled((url) => graphFamily(url));
    closers.push(served.close);
    const { control } = served.family.emulator;
    control.addMailbox({ email: 'rep@x.example' });
    const headers = { authorization: `Bearer ${control.issueToken('rep@x.example')}` };
    const first = await fetch(`${served.url}/v1.0/me/mailFolders/inbox/messages/delta`, { headers });
    expect(first.status).toBe(200);
    const deltaLink = ((await first.json()) as { '@odata.deltaLink': string })['@odata.deltaLink'];
    served.faults.add(parseFaultRules([{ pathIncludes: '/delta', expireCursor: true }, { pathIncludes: '/messages', status: 429, retryAfterSeconds: 3 }], 'test'));
    const expired = await fetch(deltaLink, { headers });
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('syncStateNotFound');
    const limited = await fetch(`${served.url}/v1.0/me/mailFolders/inbox/messages`, { headers });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
  });
});

describe('fault rules inside a Graph $batch', () => {
  it('a rule for "/sendMail" fires on a sendMail inside a $batch: that inner request answers the fault, the others their own status, the batch 200', async () => {
    const served = await serveControlled((url) => graphFamily(url));
    closers.push(served.close);
    const { control } = served.family.emulator;
    control.addMailbox({ email: 'rep@x.example' });
    const headers = { authorization: `Bearer ${control.issueToken('rep@x.example')}`, 'content-type': 'application/json' };
    const mail = (subject: string) => ({ message: { subject, body: { contentType: 'Text', content: 'Hi' }, toRecipients: [{ emailAddress: { address: 'pat@y.example' } }] } });
    served.faults.add(
      parseFaultRules(
        [
          { pathIncludes: '/sendMail', method: 'POST', status: 503, afterProcessing: true, retryAfterSeconds: 0 },
          { pathIncludes: '/sendMail', method: 'POST', status: 503, retryAfterSeconds: 7 },
          { pathIncludes: '/mailFolders/inbox/messages', status: 429, retryAfterSeconds: 2 },
          { pathIncludes: '/calendarView', timeout: true, hangMs: 10 },
        ],
        'test',
      ),
    );
    const post = async (requests: unknown[]) => {
      const res = await fetch(`${served.url}/v1.0/$batch`, { method: 'POST', headers, body: JSON.stringify({ requests }) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { responses: { id: string; status: number; headers: Record<string, string>; body?: { error?: { code: string } } }[] };
      return new Map(body.responses.map((r) => [r.id, r]));
    };
    const json = { 'content-type': 'application/json' };
    const first = await post([
      { id: '1', method: 'POST', url: '/me/sendMail', headers: json, body: mail('Lost answer') },
      { id: '2', method: 'GET', url: '/me/mailFolders/inbox/messages' },
      { id: '3', method: 'GET', url: '/me/calendarView?startDateTime=2030-01-01T00:00:00Z&endDateTime=2030-01-02T00:00:00Z' },
      { id: '4', method: 'GET', url: '/me/mailFolders/sentitems/messages' },
    ]);
    // Processed, then the answer lost: the email is in Sent Items although its inner answer is 503.
    expect(first.get('1')).toMatchObject({ status: 503, body: { error: { code: 'serviceNotAvailable' } } });
    expect(first.get('2')).toMatchObject({ status: 429, headers: { 'retry-after': '2' }, body: { error: { code: 'TooManyRequests' } } });
    expect(first.get('3')).toMatchObject({ status: 504, body: { error: { code: 'GatewayTimeout' } } });
    expect(first.get('4')!.status).toBe(200);
    expect(control.messages('rep@x.example', 'sentitems').map((m) => m.data.subject)).toEqual(['Lost answer']);

    // The second rule refuses before processing: nothing is sent. Then no rule is left: sent.
    const second = await post([{ id: 'a', method: 'POST', url: '/me/sendMail', headers: json, body: mail('Refused') }]);
    expect(second.get('a')).toMatchObject({ status: 503, headers: { 'retry-after': '7' } });
    const third = await post([{ id: 'b', method: 'POST', url: '/me/sendMail', headers: json, body: mail('Sent') }]);
    expect(third.get('b')!.status).toBe(202);
    expect(control.messages('rep@x.example', 'sentitems').map((m) => m.data.subject).sort()).toEqual(['Lost answer', 'Sent']);
    expect(served.faults.injected).toMatchObject({ 'lost-answer': 1, '5xx': 1, '429': 1, timeout: 1 });
    const stats = served.stats();
    expect(stats.byRoute['POST /me/sendMail (in $batch)']).toBe(3);
    expect(stats.requests).toBe(Object.values(stats.byRoute).reduce((a, b) => a + b, 0));
  });
});
