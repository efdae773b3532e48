import { Client, GraphClientError, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { ProviderError } from '../../ports/errors.js';
import { isRetryable, withRetry, type RetryOptions } from '../retry.js';
import { mapGraphError, mapGraphFailure } from './graph-error.mapper.js';
import type { MailboxLimiter } from './graph-limits.client.js';

/**
 * The Graph client as the adapters use it: `Client.initWithMiddleware` with our own chain
 * (limiter → auth → timeout → HTTP) and deliberately **no RetryHandler**: the one retry layer is
 * withRetry (providers/retry.ts), which honours Retry-After. Every call goes through `request`,
 * which maps failures to ProviderError and retries TRANSIENT / RATE_LIMITED ones.
 */

export const GRAPH_DEFAULT_BASE_URL = 'https://graph.microsoft.com/';
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface AccessTokenSource {
  /** A valid access token; throws ProviderError AUTH_REVOKED when the grant is gone. */
  getToken(): Promise<string>;
  /** Called after a 401: the next getToken must not reuse the cached token. */
  refresh?(): void;
}

type HeaderBag = Record<string, string>;

function readHeaders(options: Context['options']): HeaderBag {
  const out: HeaderBag = {};
  const h = options?.headers as HeadersInit | undefined;
  if (!h) return out;
  new Headers(h).forEach((v, k) => (out[k] = v));
  return out;
}

function writeHeaders(context: Context, headers: HeaderBag): void {
  context.options = { ...(context.options ?? {}), headers };
}

/** The Graph client rethrows GraphClientError untouched (anything else becomes a GraphError with
 *  status -1), so ProviderErrors raised inside the chain travel wrapped in one. */
export class WrappedProviderError extends GraphClientError {
  constructor(readonly providerError: ProviderError) {
    super(providerError.message);
  }
}

async function guard<T>(fn: () => Promise<T> | T): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ProviderError) throw new WrappedProviderError(err);
    throw err;
  }
}

class ChainLink implements Middleware {
  protected next: Middleware | undefined;
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
  }
}

/** Holds a per-mailbox concurrency slot for the duration of each HTTP exchange; a $batch holds as many as it runs in parallel. */
class LimitMiddleware extends ChainLink {
  constructor(
    private readonly limiter: MailboxLimiter,
    private readonly where: string,
  ) {
    super();
  }
  override async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : (context.request as Request).url;
    let count = 1;
    if (/\/\$batch(\?|$)/.test(url)) {
      try {
        const body = JSON.parse(String(context.options?.body ?? '{}')) as { requests?: unknown[] };
        count = body.requests?.length ?? 1;
      } catch {
        count = 1;
      }
    }
    await guard(() => this.limiter.spend(count, this.where));
    const release = await this.limiter.acquire(count);
    try {
      await this.next!.execute(context);
    } finally {
      release();
    }
  }
}

class AuthMiddleware extends ChainLink {
  constructor(private readonly tokens: AccessTokenSource) {
    super();
  }
  override async execute(context: Context): Promise<void> {
    const token = await guard(() => this.tokens.getToken());
    const headers = readHeaders(context.options);
    headers['authorization'] = `Bearer ${token}`;
    // Ids that survive moves between folders (a draft that is sent keeps its id).
    const prefer = headers['prefer'];
    headers['prefer'] = prefer ? `${prefer}, IdType="ImmutableId"` : 'IdType="ImmutableId"';
    writeHeaders(context, headers);
    await this.next!.execute(context);
  }
}

class TimeoutMiddleware extends ChainLink {
  constructor(private readonly timeoutMs: number) {
    super();
  }
  override async execute(context: Context): Promise<void> {
    context.options = { ...(context.options ?? {}), signal: AbortSignal.timeout(this.timeoutMs) };
    await this.next!.execute(context);
  }
}

export function createGraphClient(input: { baseUrl?: string; tokens: AccessTokenSource; limiter: MailboxLimiter; timeoutMs?: number; where: string }): Client {
  const chain: ChainLink[] = [new LimitMiddleware(input.limiter, input.where), new AuthMiddleware(input.tokens), new TimeoutMiddleware(input.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS)];
  for (let i = 0; i < chain.length - 1; i++) chain[i]!.setNext(chain[i + 1]!);
  chain[chain.length - 1]!.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    middleware: chain[0]!,
    baseUrl: input.baseUrl ?? GRAPH_DEFAULT_BASE_URL,
    defaultVersion: 'v1.0',
  });
}

export interface BatchStep {
  id: string;
  method: 'GET';
  /** Relative to the version root, e.g. "/me/messages/{id}/$value". */
  url: string;
  headers?: Record<string, string>;
}
export interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphSessionOptions {
  client: Client;
  accountId: string;
  /** "/me" (delegated) or "/users/{address}" (application permissions). */
  root: string;
  retry?: RetryOptions;
  tokens?: AccessTokenSource;
  /** Called once a request failed with AUTH_REVOKED (marks the account disconnected). */
  onAuthRevoked?: (error: ProviderError) => Promise<void>;
}

/** One mailbox's Graph access: requests with error mapping and the single retry layer. */
export class GraphSession {
  readonly client: Client;
  readonly accountId: string;
  readonly root: string;
  private readonly retry: RetryOptions;
  private readonly options: GraphSessionOptions;

  constructor(options: GraphSessionOptions) {
    this.client = options.client;
    this.accountId = options.accountId;
    this.root = options.root;
    this.retry = options.retry ?? {};
    this.options = options;
  }

  /** A path under the mailbox root: `path('/events')` → "/me/events". */
  path(rest: string): string {
    return `${this.root}${rest}`;
  }

  /** A Graph nextLink/deltaLink (absolute) → a path the client accepts with any baseUrl. */
  static relativeLink(link: string): string {
    const u = new URL(link);
    return `${u.pathname.replace(/^\/v1\.0(?=\/)/, '')}${u.search}`;
  }

  /**
   * One Graph call through the retry layer. `beforeRetry` runs before every attempt after the
   * first (and before a retry after a token refresh): when it answers a value, that value is the
   * result and the request is not sent again. Sends use it to look in Sent Items, because a lost
   * answer usually means Graph did the work. If the check itself fails, the attempt fails and is
   * retried like any other, so nothing is posted again without a successful check.
   */
  async request<T>(where: string, fn: (client: Client) => Promise<T>, options: { beforeRetry?: () => Promise<T | undefined> } = {}): Promise<T> {
    let attempts = 0;
    const once = () =>
      withRetry(async () => {
        attempts += 1;
        if (attempts > 1 && options.beforeRetry) {
          const settled = await options.beforeRetry();
          if (settled !== undefined) return settled;
        }
        try {
          return await fn(this.client);
        } catch (err) {
          throw mapGraphError(err, { where, accountId: this.accountId });
        }
      }, this.retry);
    try {
      return await once();
    } catch (err) {
      if (!(err instanceof ProviderError) || err.code !== 'AUTH_REVOKED') throw err;
      // A 401 may only mean the cached access token was invalidated: refresh once before giving up.
      if (err.status === 401 && this.options.tokens?.refresh) {
        this.options.tokens.refresh();
        try {
          return await once();
        } catch (again) {
          if (again instanceof ProviderError && again.code === 'AUTH_REVOKED') await this.options.onAuthRevoked?.(again);
          throw again;
        }
      }
      await this.options.onAuthRevoked?.(err);
      throw err;
    }
  }

  /**
   * GET requests through JSON $batch (≤ 20 per call). Graph answers each inner request with its own
   * status, so one can fail while the others answer. The ones that failed for a while (429, 500,
   * 502, 503, 504, 408, or missing from the answer) are sent again, alone, through the one retry
   * layer: backoff, and at least the longest Retry-After among them. The ones that answered are not
   * fetched twice. When some still fail after the retries, this throws (RATE_LIMITED when one was
   * throttled, else TRANSIENT), naming how many: a batch is never returned with a request missing
   * that a later try could read. Other inner failures (404, 403, 400) are returned for the caller.
   */
  async batch(where: string, steps: BatchStep[]): Promise<Map<string, BatchResult>> {
    const out = new Map<string, BatchResult>();
    for (let i = 0; i < steps.length; i += 20) {
      let pending = steps.slice(i, i + 20);
      const size = pending.length;
      await this.request(where, async (client) => {
        const response = (await client.api('/$batch').post({ requests: pending })) as { responses?: BatchResult[] };
        const answered = new Map((response.responses ?? []).map((r) => [String(r.id), r]));
        const again: BatchStep[] = [];
        const failures: ProviderError[] = [];
        for (const step of pending) {
          const r = answered.get(step.id);
          const failure = r
            ? r.status >= 400
              ? this.batchError(where, r)
              : null
            : new ProviderError({ code: 'TRANSIENT', message: 'Graph left this request out of its $batch answer', where });
          if (failure && isRetryable(failure)) {
            again.push(step);
            failures.push(failure);
          } else if (r) {
            out.set(step.id, r);
          }
        }
        pending = again;
        if (failures.length === 0) return;
        const throttled = failures.find((f) => f.code === 'RATE_LIMITED');
        const waits = failures.map((f) => f.retryAfterMs).filter((ms): ms is number => ms !== null);
        const first = throttled ?? failures[0]!;
        throw new ProviderError({
          code: throttled ? 'RATE_LIMITED' : 'TRANSIENT',
          message: `${failures.length} of the ${size} requests of a $batch failed (${first.message.replace(`${where}: `, '')})`,
          where,
          retryAfterMs: waits.length > 0 ? Math.max(...waits) : null,
          status: first.status,
        });
      });
    }
    return out;
  }

  /** A non-2xx inner batch response as a ProviderError. */
  batchError(where: string, r: BatchResult): ProviderError {
    const body = r.body as { error?: { code?: string; message?: string } } | undefined;
    return mapGraphFailure(
      { status: r.status, code: body?.error?.code ?? null, message: body?.error?.message ?? `HTTP ${r.status}`, retryAfter: headerValue(r.headers, 'retry-after') },
      { where, accountId: this.accountId },
    );
  }
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? (headers[key] ?? null) : null;
}
