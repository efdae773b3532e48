import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * The fetch gaxios (googleapis' HTTP layer) sends Google requests with (its `fetchImplementation`
 * option): Node's own http/https request on Node's global keep-alive agent, as node-fetch would,
 * with the whole answer read before it resolves. Why: node-fetch's Request, Headers, body streams
 * and pipeline cost about as much CPU as the rest of an idle account's request (README, "Scale").
 *
 * Same behaviour as node-fetch for what the Google clients send (a string or byte body, or none),
 * and for what they read (text, JSON, bytes): node-fetch's default headers, gzip/deflate/br
 * answers decoded, redirects followed, `size` enforced, the abort signal honoured (an AbortError),
 * network errors with their code (ECONNRESET...), a time limit (googleFetchWithin) failing as
 * gaxios's `timeout` did (an AbortError). Anything else (a stream or form body, an
 * agent function, `redirect` other than "follow") is handed to node-fetch itself.
 */

type FetchInit = {
  method?: string;
  headers?: Headers | Record<string, string>;
  body?: unknown;
  signal?: AbortSignal | null;
  agent?: unknown;
  redirect?: string;
  follow?: number;
  compress?: boolean;
  size?: number;
};

/** What googleFetch adds to fetch's options: a time limit for the whole request (redirects and answer included). */
type GoogleFetchInit = FetchInit & { timeoutMs?: number };

const MAX_REDIRECTS = 20;

/** An Error as node-fetch's AbortError: gaxios and mapGoogleError read its name. */
function abortError(): Error {
  const err = new Error('The operation was aborted.');
  err.name = 'AbortError';
  return err;
}

class BufferedResponse {
  readonly ok: boolean;
  readonly redirected: boolean;
  readonly type = 'default';
  #body: Buffer;
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    body: Buffer,
    redirected: boolean,
  ) {
    this.ok = status >= 200 && status < 300;
    this.redirected = redirected;
    this.#body = body;
  }

  get body(): Readable {
    return Readable.from([this.#body]);
  }

  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.#body.toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    const b = this.#body;
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }

  async blob(): Promise<Blob> {
    this.bodyUsed = true;
    return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
  }
}

/** Not sent on to another host after a redirect (as node-fetch). */
const CREDENTIAL_HEADERS = ['authorization', 'www-authenticate', 'cookie', 'cookie2'];

function requestHeaders(init: FetchInit, body: Buffer | null, method: string, otherHost: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  const h = init.headers;
  if (h instanceof Headers) h.forEach((v, k) => (out[k] = v));
  else if (h) for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = String(v);
  if (otherHost) for (const k of CREDENTIAL_HEADERS) delete out[k];
  // node-fetch's defaults (its getNodeRequestOptions).
  out.accept ??= '*/*';
  if (body) out['content-length'] = String(body.length);
  else if (method === 'POST' || method === 'PUT') out['content-length'] = '0';
  out['user-agent'] ??= 'node-fetch';
  if (init.compress !== false) out['accept-encoding'] ??= 'gzip, deflate, br';
  return out;
}

function decode(body: Buffer, encoding: string | undefined, method: string, status: number): Buffer {
  if (!encoding || method === 'HEAD' || status === 204 || status === 304 || body.length === 0) return body;
  // As node-fetch: lenient flushing, so a slightly truncated answer still decodes.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, lenient);
  // Deflate: a zlib header or raw deflate (older servers), told apart by the first byte.
  if (encoding === 'deflate' || encoding === 'x-deflate') return (body[0]! & 0x0f) === 0x08 ? zlib.inflateSync(body, lenient) : zlib.inflateRawSync(body, lenient);
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  return body;
}

function once(url: URL, method: string, headers: Record<string, string>, body: Buffer | null, init: FetchInit, deadline: number | null): Promise<{ res: http.IncomingMessage; data: Buffer }> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? null;
    if (signal?.aborted || (deadline !== null && Date.now() >= deadline)) return reject(abortError());
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(url, { method, headers, ...(init.agent ? { agent: init.agent as http.Agent } : {}) });
    const onAbort = () => {
      const err = abortError();
      req.destroy(err);
      reject(err);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // The time limit as one timer, not an AbortSignal.timeout (gaxios's way, about a quarter of
    // the CPU of an idle request with AbortSignal.any): same AbortError when it fires.
    const timer = deadline !== null ? setTimeout(onAbort, deadline - Date.now()) : null;
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      if (timer) clearTimeout(timer);
    };
    req.on('error', (err) => {
      done();
      reject(err);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (init.size && size > init.size) {
          res.destroy();
          done();
          reject(new Error(`content size at ${url.href} over limit: ${init.size}`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (err) => {
        done();
        reject(err);
      });
      res.on('end', () => {
        done();
        resolve({ res, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
      });
    });
    req.end(body ?? undefined);
  });
}

function responseHeaders(res: http.IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

async function viaNodeFetch(input: string | URL, init: GoogleFetchInit): Promise<unknown> {
  const { default: nodeFetch } = await import('node-fetch');
  const { timeoutMs, ...rest } = init;
  if (timeoutMs === undefined) return nodeFetch(input, rest as never);
  const timeout = AbortSignal.timeout(timeoutMs);
  return nodeFetch(input, { ...rest, signal: rest.signal ? AbortSignal.any([rest.signal, timeout]) : timeout } as never);
}

/** googleFetch with a time limit for each request: what buildGoogleClients gives gaxios instead of its `timeout`. */
export function googleFetchWithin(timeoutMs: number): (input: string | URL, init?: FetchInit) => Promise<unknown> {
  return (input, init = {}) => googleFetch(input, { ...init, timeoutMs });
}

export async function googleFetch(input: string | URL, init: GoogleFetchInit = {}): Promise<unknown> {
  const b = init.body;
  const plainBody = b === undefined || b === null || typeof b === 'string' || b instanceof Uint8Array;
  if (!plainBody || typeof init.agent === 'function' || (init.redirect !== undefined && init.redirect !== 'follow')) return viaNodeFetch(input, init);
  let url = new URL(String(input));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return viaNodeFetch(input, init);
  let method = (init.method ?? 'GET').toUpperCase();
  let body: Buffer | null = b === undefined || b === null ? null : typeof b === 'string' ? Buffer.from(b) : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const follow = init.follow ?? MAX_REDIRECTS;
  const deadline = init.timeoutMs !== undefined && init.timeoutMs > 0 ? Date.now() + init.timeoutMs : null;
  const first = url;
  for (let redirects = 0; ; redirects++) {
    const otherHost = url.protocol !== first.protocol || url.hostname !== first.hostname;
    const { res, data } = await once(url, method, requestHeaders(init, body, method, otherHost), body, init, deadline);
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (location && (status === 301 || status === 302 || status === 303 || status === 307 || status === 308)) {
      if (redirects >= follow) throw new Error(`maximum redirect reached at: ${url.href}`);
      url = new URL(location, url);
      // As node-fetch: a 303, or a 301/302 answering a POST, is followed with a GET and no body.
      if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      continue;
    }
    return new BufferedResponse(url.href, status, res.statusMessage ?? '', responseHeaders(res), decode(data, res.headers['content-encoding'], method, status), redirects > 0);
  }
}
