import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultBook, FaultRulesError, parseFaultRules, type FaultRule } from './fault-rules.js';
import type { EmulatorFamily } from './families.js';

/**
 * An emulator served over HTTP with a control plane under /__emulator (see README, "Emulators you
 * can drive"):
 *   POST   /__emulator/faults  add fault rules (JSON list); GET lists them; DELETE clears them
 *   GET    /__emulator/state   sent messages and calendar events per mailbox
 *   POST   /__emulator/pubsub  {"topic", "pushEndpoint", "oidcToken"?: {"serviceAccountEmail", "audience"?}}: the Pub/Sub push
 *          subscription Gmail watch publishes through (Google); with oidcToken, each push carries a JWT the emulator signs
 *          (its JWKS: GET /oauth2/v3/certs)
 *   GET    /__emulator/stats   {"requests": n, "byRoute": {...}, "faults": {kind: n}, "push": {sent, delivered, dropped, ...}}
 * Every other request goes to the emulator, after `latencyMs` and through the fault rules.
 */
export interface ControlledServerOptions {
  port?: number;
  host?: string;
  /** Delay before every emulator answer. */
  latencyMs?: number;
  faults?: FaultRule[];
  /** Called after the emulator did the work of a request, before its answer leaves (chaos: kill the client here). */
  onProcessed?: (info: { method: string; path: string; mailbox: string | null; status: number }) => void | Promise<void>;
}

export interface ControlledServer<F extends EmulatorFamily> {
  url: string;
  port: number;
  family: F;
  faults: FaultBook;
  stats(): { requests: number; byRoute: Record<string, number>; faults: Record<string, number>; push?: Record<string, number> };
  /** Sets the hook run after each processed request (see ControlledServerOptions.onProcessed). */
  setOnProcessed(hook: ControlledServerOptions['onProcessed'] | undefined): void;
  close(): Promise<void>;
}

const CONTROL = '/__emulator';

/** "GET /gmail/v1/users/me/messages/:id": ids, addresses and tokens become ":id". */
export function routeKey(method: string, path: string): string {
  const parts = path
    .replace(/^\/v1\.0(?=\/)/, '')
    .split('/')
    .map((seg) => {
      const s = decodeURIComponent(seg);
      return s.includes('@') || s.length >= 20 || (/\d/.test(s) && s.length >= 6 && !/^v\d/.test(s)) ? ':id' : seg;
    });
  return `${method.toUpperCase()} ${parts.join('/')}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
}

async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  res.end(body);
}

export async function serveControlled<F extends EmulatorFamily>(
  makeFamily: (url: string) => F,
  options: ControlledServerOptions = {},
): Promise<ControlledServer<F>> {
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultBook();
  faults.add(options.faults ?? []);
  let requests = 0;
  const byRoute: Record<string, number> = {};
  let onProcessed = options.onProcessed;
  let family: F | null = null;
  let url = '';

  const control = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const method = req.method ?? 'GET';
    if (path === `${CONTROL}/faults` && method === 'POST') {
      const text = (await readBody(req)).toString('utf8');
      try {
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch (err) {
          throw new FaultRulesError(`The body is not JSON (${(err as Error).message}); send a list such as [{"pathIncludes": "/sendMail", "status": 503}].`);
        }
        const rules = parseFaultRules(data, 'POST /__emulator/faults');
        faults.add(rules);
        return sendJson(res, 200, { added: rules.length, rules: faults.list() });
      } catch (err) {
        return sendJson(res, 400, { error: (err as Error).message });
      }
    }
    if (path === `${CONTROL}/faults` && method === 'GET') return sendJson(res, 200, { rules: faults.list(), injected: faults.injected });
    if (path === `${CONTROL}/faults` && method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { rules: [] });
    }
    if (path === `${CONTROL}/pubsub` && method === 'POST') {
      if (!family!.pubsubPush) return sendJson(res, 404, { error: `The ${family!.name} emulator has no Pub/Sub; this is for Gmail watch (followup emulate google).` });
      let body: { topic?: unknown; pushEndpoint?: unknown; oidcToken?: { serviceAccountEmail?: unknown; audience?: unknown } | null };
      try {
        body = JSON.parse((await readBody(req)).toString('utf8')) as typeof body;
      } catch {
        body = {};
      }
      const topic = typeof body.topic === 'string' ? body.topic : '';
      const endpoint = typeof body.pushEndpoint === 'string' ? body.pushEndpoint : '';
      const oidc = body.oidcToken ?? null;
      const account = typeof oidc?.serviceAccountEmail === 'string' ? oidc.serviceAccountEmail : '';
      const audience = typeof oidc?.audience === 'string' && oidc.audience ? oidc.audience : endpoint;
      if (!/^projects\/[^/]+\/topics\/[^/]+$/.test(topic) || !/^https?:\/\//.test(endpoint) || (oidc && !/^[^@\s]+@[^@\s]+$/.test(account))) {
        return sendJson(res, 400, {
          error: 'Send {"topic": "projects/<p>/topics/<t>", "pushEndpoint": "http(s)://…/push/google/gmail?token=…"}, and for authenticated push "oidcToken": {"serviceAccountEmail": "…", "audience"?: "…"}.',
        });
      }
      family!.pubsubPush(topic, endpoint, oidc ? { serviceAccountEmail: account, audience } : undefined);
      return sendJson(res, 200, { topic, pushEndpoint: endpoint, ...(oidc ? { oidcToken: { serviceAccountEmail: account, audience }, jwksUrl: `${url}/oauth2/v3/certs` } : {}) });
    }
    if (path === `${CONTROL}/state` && method === 'GET') return sendJson(res, 200, { family: family!.name, mailboxes: family!.snapshot() });
    if (path === `${CONTROL}/stats` && method === 'GET') return sendJson(res, 200, stats());
    return sendJson(res, 404, { error: `No control endpoint ${method} ${path}; try GET ${CONTROL}/state, GET ${CONTROL}/stats or POST ${CONTROL}/faults.` });
  };

  const stats = () => {
    const push = family?.pushStats?.();
    return { requests, byRoute: { ...byRoute }, faults: { ...faults.injected }, ...(push ? { push } : {}) };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path.startsWith(CONTROL)) return control(req, res, path);
    const method = (req.method ?? 'GET').toUpperCase();
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });
    const body = await readBody(req);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
    }
    const request = new Request(`${url}${req.url ?? '/'}`, {
      method,
      headers,
      signal: abort.signal,
      ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(body) } : {}),
    });
    const isToken = /\/oauth2?\/|\/token$|\/devicecode$/i.test(path);
    if (!isToken) {
      requests += 1;
      const key = routeKey(method, path);
      byRoute[key] = (byRoute[key] ?? 0) + 1;
    }
    if (options.latencyMs) await sleep(options.latencyMs, abort.signal);
    const mailbox = family!.mailboxOf(request, path);
    const rule = isToken ? null : faults.take({ method, path, mailbox });
    if (rule?.expireCursor) family!.expireCursors(mailbox);
    const fails = rule && !rule.expireCursor ? rule : null;
    if (fails && !fails.afterProcessing) return answerFault(res, fails, abort.signal);
    const response = (await family!.dispatch(request)) ?? family!.faultAnswer(404);
    if (onProcessed) await onProcessed({ method, path, mailbox, status: response.status });
    if (abort.signal.aborted) return;
    if (fails) return answerFault(res, fails, abort.signal);
    await sendResponse(res, response);
  };

  /**
   * A request inside a Graph `$batch`: the same rules, matched on the inner request's method,
   * path and mailbox, answered in that inner response as Graph does (the batch itself is 200).
   * A timeout cannot drop one inner request's connection: it hangs `hangMs`, then that inner
   * request answers 504 GatewayTimeout. With `afterProcessing` the inner request is done first.
   */
  const inner = async (request: Request, next: (request: Request) => Promise<Response>): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const method = request.method.toUpperCase();
    // Counted like any request (Graph throttles each inner request), under its own route key.
    requests += 1;
    const key = `${routeKey(method, path)} (in $batch)`;
    byRoute[key] = (byRoute[key] ?? 0) + 1;
    const mailbox = family!.mailboxOf(request, path);
    const rule = faults.take({ method, path, mailbox });
    if (rule?.expireCursor) family!.expireCursors(mailbox);
    const fails = rule && !rule.expireCursor ? rule : null;
    const faultResponse = async (): Promise<Response> => {
      if (fails!.timeout) {
        await sleep(fails!.hangMs ?? 1000, request.signal);
        return family!.faultAnswer(504);
      }
      return family!.faultAnswer(fails!.status!, fails!.retryAfterSeconds);
    };
    if (fails && !fails.afterProcessing) return faultResponse();
    const response = await next(request);
    if (onProcessed) await onProcessed({ method, path, mailbox, status: response.status });
    return fails ? faultResponse() : response;
  };

  const answerFault = async (res: ServerResponse, rule: FaultRule, signal: AbortSignal): Promise<void> => {
    if (rule.timeout) {
      await sleep(rule.hangMs ?? 1000, signal);
      // No answer at all: the client sees the connection drop.
      res.socket?.destroy();
      res.destroy();
      return;
    }
    await sendResponse(res, family!.faultAnswer(rule.status!, rule.retryAfterSeconds));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 500, { error: { code: 500, message: (err as Error).message } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${host} is in use; pick another with --port (0 = any free port).`) : err),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;
  family = makeFamily(url);
  family.onInnerRequest?.(inner);
  return {
    url,
    port,
    family,
    faults,
    stats,
    setOnProcessed: (hook) => {
      onProcessed = hook;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
