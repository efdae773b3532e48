import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleFetch, googleFetchWithin } from '../../src/providers/google/google-fetch.js';

/** googleFetch (the Google clients' fetch) against a real local HTTP server: what node-fetch did. */

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}
type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

let server: Server;
let base: string;
const seen: Seen[] = [];
const routes = new Map<string, (req: IncomingMessage) => Answer | 'hang'>();

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      const route = routes.get((req.url ?? '').replace(/\?.*/, ''));
      const answer = route ? route(req) : { status: 404, headers: {}, body: Buffer.from('no route') };
      if (answer === 'hang') return;
      res.writeHead(answer.status, answer.headers).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const json = (value: unknown, headers: Record<string, string> = {}): Answer => ({ status: 200, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(value)) });
type Res = { status: number; ok: boolean; headers: Headers; redirected: boolean; url: string; text(): Promise<string>; json(): Promise<unknown>; arrayBuffer(): Promise<ArrayBuffer> };
const call = (path: string, init?: Parameters<typeof googleFetch>[1]) => googleFetch(new URL(path, base), init) as Promise<Res>;

describe('googleFetch', () => {
  it('sends method, headers and body, with node-fetch\'s default headers, and reads the answer', async () => {
    routes.set('/echo', () => json({ ok: true }, { 'x-multi': 'a' }));
    const headers = new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' });
    const res = await call('/echo?q=1', { method: 'post', headers, body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ ok: true });
    const got = seen.at(-1)!;
    expect(got).toMatchObject({ method: 'POST', url: '/echo?q=1', body: '{"a":1}' });
    expect(got.headers).toMatchObject({ authorization: 'Bearer t', accept: '*/*', 'user-agent': 'node-fetch', 'accept-encoding': 'gzip, deflate, br', 'content-length': '7' });
  });

  it('decodes gzip, deflate (zlib and raw) and br answers', async () => {
    const body = JSON.stringify({ items: Array.from({ length: 50 }, (_, i) => `event ${i}`) });
    routes.set('/gzip', () => ({ status: 200, headers: { 'content-encoding': 'gzip' }, body: zlib.gzipSync(body) }));
    routes.set('/deflate', () => ({ status: 200, headers: { 'content-encoding': 'deflate' }, body: zlib.deflateSync(body) }));
    routes.set('/raw', () => ({ status: 200, headers: { 'content-encoding': 'deflate' }, body: zlib.deflateRawSync(body) }));
    routes.set('/br', () => ({ status: 200, headers: { 'content-encoding': 'br' }, body: zlib.brotliCompressSync(body) }));
    for (const path of ['/gzip', '/deflate', '/raw', '/br']) expect(await (await call(path)).text()).toBe(body);
  });

  it('gives an error status as an answer (not thrown), its body readable', async () => {
    routes.set('/gone', () => ({ ...json({ error: { code: 410 } }), status: 410 }));
    const res = await call('/gone');
    expect(res.status).toBe(410);
    expect(res.ok).toBe(false);
    expect(await res.json()).toEqual({ error: { code: 410 } });
  });

  it('follows redirects, dropping the credentials when the host changes', async () => {
    routes.set('/moved', () => ({ status: 302, headers: { location: '/echo2' }, body: Buffer.alloc(0) }));
    routes.set('/echo2', () => json({ here: true }));
    const res = await call('/moved', { headers: { authorization: 'Bearer t' } });
    expect(res.redirected).toBe(true);
    expect(res.url).toBe(`${base}/echo2`);
    expect(seen.at(-1)!.headers.authorization).toBe('Bearer t');
    routes.set('/away', () => ({ status: 307, headers: { location: `${base.replace('127.0.0.1', 'localhost')}/echo2` }, body: Buffer.alloc(0) }));
    await call('/away', { headers: { authorization: 'Bearer t' } });
    expect(seen.at(-1)!.headers.authorization).toBeUndefined();
    routes.set('/loop', () => ({ status: 302, headers: { location: '/loop' }, body: Buffer.alloc(0) }));
    await expect(call('/loop', { follow: 3 })).rejects.toThrow(/maximum redirect/);
  });

  it('aborts with an AbortError when the signal fires (a timeout)', async () => {
    routes.set('/hang', () => 'hang');
    const err = await call('/hang', { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
  });

  it('fails with the network error\'s code when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const err = await googleFetch(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e as NodeJS.ErrnoException);
    expect((err as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('refuses an answer over `size`', async () => {
    routes.set('/big', () => ({ status: 200, headers: {}, body: Buffer.alloc(10_000, 'a') }));
    await expect(call('/big', { size: 100 })).rejects.toThrow(/over limit/);
  });

  it('hands a stream body to node-fetch', async () => {
    routes.set('/upload', () => json({ uploaded: true }));
    const res = await call('/upload', { method: 'POST', body: Readable.from([Buffer.from('part one, '), Buffer.from('part two')]) });
    expect(await res.json()).toEqual({ uploaded: true });
    expect(seen.at(-1)!.body).toBe('part one, part two');
  });
});

describe('googleFetchWithin (the clients\' time limit)', () => {
  it('fails a request that outlasts the limit with an AbortError, on either path', async () => {
    routes.set('/slow', () => 'hang');
    const fetchWithin = googleFetchWithin(80);
    for (const body of [undefined, Readable.from([Buffer.from('x')])]) {
      const started = Date.now();
      const err = await fetchWithin(new URL('/slow', base), { method: 'POST', ...(body ? { body } : {}) }).catch((e: unknown) => e as Error);
      expect((err as Error).name).toBe('AbortError');
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('leaves a request within the limit alone', async () => {
    routes.set('/quick', () => json({ quick: true }));
    const res = (await googleFetchWithin(5_000)(new URL('/quick', base))) as Res;
    expect(await res.json()).toEqual({ quick: true });
  });
});
