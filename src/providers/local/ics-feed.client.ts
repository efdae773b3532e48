import { ProviderError } from '../../ports/errors.js';

/**
 * A read-only iCalendar feed over HTTP(S) (a published calendar, a `webcal://` link), fetched
 * with If-None-Match / If-Modified-Since so an unchanged feed costs one 304. This client only
 * does HTTP; it never writes.
 */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetch = { status: 'unchanged' } | { status: 'changed'; body: Buffer; validators: FeedValidators };

const TIMEOUT_MS = 30_000;
const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** webcal:// is https:// by convention (webcal is not a transport). */
export function feedHttpUrl(url: string): string {
  return url.replace(/^webcals?:\/\//i, 'https://');
}

export async function fetchFeed(url: string, previous: FeedValidators | null): Promise<FeedFetch> {
  const where = `calendar feed ${url}`;
  const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5', 'user-agent': 'followup (calendar feed reader)' };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  let res: Response;
  try {
    res = await fetch(feedHttpUrl(url), { headers, redirect: 'follow', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    throw new ProviderError({ code: 'TRANSIENT', where, message: `cannot be reached (${code ?? (err as Error).message}); it is tried again next run`, cause: err });
  }
  if (res.status === 304) return { status: 'unchanged' };
  if (!res.ok) {
    await res.arrayBuffer().catch(() => undefined);
    const code = res.status === 404 || res.status === 410 ? 'NOT_FOUND' : res.status === 401 || res.status === 403 ? 'FORBIDDEN' : res.status === 429 ? 'RATE_LIMITED' : res.status >= 500 ? 'TRANSIENT' : 'INVALID_REQUEST';
    throw new ProviderError({ code, where, status: res.status, message: `answered HTTP ${res.status}; check the address in the account's feeds` });
  }
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_FEED_BYTES) throw new ProviderError({ code: 'INVALID_REQUEST', where, message: `is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB; not read` });
  return { status: 'changed', body, validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') } };
}
