import { GRAPH_PREFIX, graphError, json } from './graph-http.js';

/**
 * JSON $batch: up to 20 requests, each answered through the same router (so faults, limits and
 * auth apply to each), dependsOn honoured, independent requests 4 at a time, responses in any order.
 */

interface BatchRequest {
  id?: string;
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Why a batch payload is refused, or null when it is well formed. */
function invalidBatch(requests: BatchRequest[] | undefined): string | null {
  if (!Array.isArray(requests) || requests.length === 0) return 'Invalid batch payload format.';
  if (requests.length > 20) return 'The number of batch requests exceeds 20.';
  const ids = new Set<string>();
  for (const r of requests) {
    const id = String(r.id ?? '').toLowerCase();
    if (!id || ids.has(id)) return 'Batch request ids must be unique.';
    ids.add(id);
    if (!r.method || !r.url) return 'Each batch request needs a method and a url.';
    if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      return 'Content-Type header is required when a body is present.';
    }
  }
  return null;
}

export async function batch(request: Request, url: URL, handle: (inner: Request) => Promise<Response>): Promise<Response> {
  let body: { requests?: BatchRequest[] };
  try {
    body = JSON.parse(await request.text()) as typeof body;
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  }
  const invalid = invalidBatch(body.requests);
  if (invalid) return graphError(400, 'BadRequest', invalid);
  const requests = body.requests!;
  const results = new Map<string, BatchResponse>();
  const auth = request.headers.get('authorization');
  const runOne = async (r: BatchRequest): Promise<void> => {
    const id = String(r.id);
    const failedDep = (r.dependsOn ?? []).find((dep) => (results.get(dep)?.status ?? 0) >= 400);
    if (failedDep) {
      results.set(id, { id, status: 424, headers: {}, body: { error: { code: 'FailedDependency', message: `Dependency ${failedDep} failed.` } } });
      return;
    }
    const rel = String(r.url).startsWith('/') ? String(r.url) : `/${String(r.url)}`;
    const headers = new Headers(r.headers ?? {});
    if (auth) headers.set('authorization', auth);
    const inner = new Request(`${url.origin}${GRAPH_PREFIX}${rel}`, {
      method: String(r.method).toUpperCase(),
      headers,
      ...(r.body !== undefined ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
    });
    const res = await handle(inner);
    const resHeaders: Record<string, string> = {};
    res.headers.forEach((v, k) => (resHeaders[k] = v));
    const type = res.headers.get('content-type') ?? '';
    const buf = Buffer.from(await res.arrayBuffer());
    let resBody: unknown;
    if (buf.length === 0) resBody = undefined;
    else if (type.includes('json')) resBody = JSON.parse(buf.toString('utf8'));
    // Non-JSON bodies (e.g. $value MIME) come back base64-encoded inside the JSON batch response.
    else resBody = buf.toString('base64');
    results.set(id, { id, status: res.status, headers: resHeaders, ...(resBody !== undefined ? { body: resBody } : {}) });
  };
  const sequential = requests.some((r) => (r.dependsOn ?? []).length > 0);
  if (sequential) {
    for (const r of requests) await runOne(r);
  } else {
    // Independent requests run in parallel, at most four at once (the mailbox limit).
    const queue = [...requests];
    await Promise.all(
      Array.from({ length: Math.min(4, queue.length) }, async () => {
        for (let r = queue.shift(); r; r = queue.shift()) await runOne(r);
      }),
    );
  }
  // Responses come back in any order: reversed here so clients cannot rely on the order.
  return json(200, { responses: [...results.values()].reverse() });
}
