import { calendarMultiGet, calendarQuery, createAccount, fetchCalendars, propfind, syncCollection, type DAVCalendar, type DAVResponse } from 'tsdav';
import { ProviderError } from '../../ports/errors.js';
import type { TimeInterval } from '../../domain/types.js';
import { mapDavError } from './dav-error.mapper.js';

/**
 * CalDAV (RFC 4791) over tsdav: discovery (/.well-known/caldav, principal, calendar home), the
 * calendar by display name or URL, sync-collection (RFC 6578), ETag listing, multiget, create
 * with If-None-Match: *, and free-busy-query. Every request goes through one fetch that adds the
 * login, a timeout, and turns 401 / 429 / 5xx / network failures into ProviderError (tsdav itself
 * would return an empty list on a refused login). This client only does HTTP.
 */
export interface CaldavSettings {
  url: string;
  username: string;
  passwordEnv: string;
  password: () => string | undefined;
  /** Display name or URL of the calendar; the first event calendar when absent. */
  calendar?: string | undefined;
  timeoutMs?: number;
  now?: () => Date;
}

export interface DavObject {
  /** The object's path on the server (decoded), the key for everything else. */
  href: string;
  etag: string | null;
  data: string | null;
}

export interface CalendarInfo {
  url: string;
  displayName: string;
  syncToken: string | null;
  ctag: string | null;
  supportsSync: boolean;
}

const MULTIGET_BATCH = 50;
const DEFAULT_TIMEOUT_MS = 30_000;

export class CaldavClient {
  private info: CalendarInfo | null = null;
  private freeBusySupported: boolean | null = null;

  constructor(private readonly settings: CaldavSettings) {}

  where(what = ''): string {
    return `caldav ${this.settings.url}${what ? ` ${what}` : ''}`;
  }

  /** Discovers the calendar once per client (one tick). */
  async calendar(): Promise<CalendarInfo> {
    if (this.info) return this.info;
    const account = await createAccount({
      account: { serverUrl: this.settings.url, accountType: 'caldav' },
      fetch: this.fetch,
    });
    const calendars = await fetchCalendars({ account, fetch: this.fetch });
    // Without caldav.calendar, a caldav.url that is itself a calendar's address names it.
    const picked = pickCalendar(calendars, this.settings.calendar ?? (pickCalendar(calendars, this.settings.url) ? this.settings.url : undefined));
    if (!picked) {
      const names = calendars.map((c) => `"${displayNameOf(c)}" (${c.url})`).join(', ') || 'none';
      throw new ProviderError({
        code: 'NOT_FOUND',
        where: this.where(),
        message: this.settings.calendar
          ? `no calendar named "${this.settings.calendar}" for ${this.settings.username}; the server has: ${names}. Fix caldav.calendar in the config`
          : `no event calendar found for ${this.settings.username} (home ${account.homeUrl ?? '?'}); set caldav.calendar to the calendar's URL`,
      });
    }
    this.info = {
      url: picked.url,
      displayName: displayNameOf(picked),
      syncToken: picked.syncToken ? String(picked.syncToken) : null,
      ctag: picked.ctag ? String(picked.ctag) : null,
      supportsSync: Boolean(picked.reports?.includes('syncCollection')),
    };
    return this.info;
  }

  /** RFC 6578: what changed since `token`. An unusable token is CURSOR_EXPIRED. */
  async changesSince(token: string | null): Promise<{ token: string; changed: DavObject[]; removed: string[] }> {
    const cal = await this.calendar();
    const responses = await syncCollection({
      url: cal.url,
      props: { 'd:getetag': {} },
      syncLevel: 1,
      ...(token ? { syncToken: token } : {}),
      fetch: this.fetch,
    });
    const first = responses[0];
    if (first && !first.href?.endsWith('.ics') && (first.status === 403 || first.status === 409 || first.status === 400) && !first.props) {
      throw new ProviderError({ code: 'CURSOR_EXPIRED', where: this.where('sync-collection'), message: `the server no longer knows the sync token (${first.status}); a full sync is needed`, status: first.status });
    }
    const next = syncTokenOf(first);
    if (!next) throw new ProviderError({ code: 'CURSOR_EXPIRED', where: this.where('sync-collection'), message: 'the server answered without a sync token; a full sync is needed' });
    const changed: DavObject[] = [];
    const removed: string[] = [];
    for (const r of responses) {
      if (!r.href) continue;
      const href = this.path(r.href);
      if (href === this.path(cal.url)) continue;
      if (r.status === 404) removed.push(href);
      else if (r.ok) changed.push({ href, etag: etagOf(r), data: null });
    }
    return { token: next, changed, removed };
  }

  /** Every object's ETag (PROPFIND depth 1): the fallback when sync-collection is missing. */
  async listEtags(): Promise<Map<string, string>> {
    const cal = await this.calendar();
    const responses = await propfind({ url: cal.url, props: { 'd:getetag': {}, 'd:resourcetype': {} }, depth: '1', fetch: this.fetch });
    this.assertMultistatus(responses, 'PROPFIND');
    const etags = new Map<string, string>();
    for (const r of responses) {
      if (!r.href || !r.ok) continue;
      const href = this.path(r.href);
      if (href === this.path(cal.url) || isCollection(r)) continue;
      etags.set(href, etagOf(r) ?? '');
    }
    return etags;
  }

  /** The collection's CTag (getctag) or, failing that, its sync token: changes when anything changes. */
  async ctag(): Promise<string | null> {
    const cal = await this.calendar();
    const [r] = await propfind({ url: cal.url, props: { 'cs:getctag': {}, 'd:sync-token': {} }, depth: '0', fetch: this.fetch });
    const value = r?.props?.getctag ?? r?.props?.syncToken;
    return value === undefined || value === null ? null : String(value);
  }

  /** The objects' data, 50 per REPORT. */
  async multiget(hrefs: string[]): Promise<DavObject[]> {
    if (hrefs.length === 0) return [];
    const cal = await this.calendar();
    const out: DavObject[] = [];
    for (let i = 0; i < hrefs.length; i += MULTIGET_BATCH) {
      const batch = hrefs.slice(i, i + MULTIGET_BATCH);
      const responses = await calendarMultiGet({ url: cal.url, props: { 'd:getetag': {}, 'c:calendar-data': {} }, objectUrls: batch, depth: '1', fetch: this.fetch });
      this.assertMultistatus(responses, 'calendar-multiget');
      for (const r of responses) {
        if (!r.href || !r.ok) continue;
        out.push({ href: this.path(r.href), etag: etagOf(r), data: calendarDataOf(r) });
      }
    }
    return out;
  }

  /** Events overlapping the window (calendar-query with a time-range). */
  async query(window: TimeInterval): Promise<DavObject[]> {
    const cal = await this.calendar();
    const range = { start: davTime(window.start), end: davTime(window.end) };
    const responses = await calendarQuery({
      url: cal.url,
      props: { 'd:getetag': {}, 'c:calendar-data': {} },
      filters: { 'comp-filter': { _attributes: { name: 'VCALENDAR' }, 'comp-filter': { _attributes: { name: 'VEVENT' }, 'time-range': { _attributes: range } } } },
      depth: '1',
      fetch: this.fetch,
    });
    this.assertMultistatus(responses, 'calendar-query');
    return responses.filter((r) => r.href && r.ok).map((r) => ({ href: this.path(r.href!), etag: etagOf(r), data: calendarDataOf(r) }));
  }

  /**
   * Creates an object only if nothing is at that name (If-None-Match: *): 'exists' means a
   * 412, so a retried booking can never write a second event.
   */
  async createIfAbsent(name: string, ics: string): Promise<{ result: 'created' | 'exists'; href: string }> {
    const cal = await this.calendar();
    const url = new URL(encodeURIComponent(name), ensureSlash(cal.url)).href;
    const res = await this.fetch(url, { method: 'PUT', body: ics, headers: { 'content-type': 'text/calendar; charset=utf-8', 'if-none-match': '*' } });
    await res.arrayBuffer().catch(() => undefined);
    const href = this.path(url);
    if (res.status === 201 || res.status === 204 || res.status === 200) return { result: 'created', href };
    if (res.status === 412) return { result: 'exists', href };
    throw mapDavError({ status: res.status }, this.context('PUT'));
  }

  /** Deletes the object of that name; nothing when it is not there (404). */
  async removeIfPresent(name: string): Promise<void> {
    const cal = await this.calendar();
    const url = new URL(encodeURIComponent(name), ensureSlash(cal.url)).href;
    const res = await this.fetch(url, { method: 'DELETE' });
    await res.arrayBuffer().catch(() => undefined);
    if (res.ok || res.status === 404 || res.status === 410) return;
    throw mapDavError({ status: res.status }, this.context('DELETE'));
  }

  /** One object's data, or null when it is not there. */
  async get(href: string): Promise<string | null> {
    const res = await this.fetch(new URL(href, this.settings.url).href, { method: 'GET' });
    if (res.status === 404) return null;
    if (!res.ok) throw mapDavError({ status: res.status }, this.context('GET'));
    return res.text();
  }

  /**
   * free-busy-query (RFC 4791 §7.10) on the calendar: the VFREEBUSY text, or null when the server
   * does not offer it (asked once per client).
   */
  async freeBusyQuery(window: TimeInterval): Promise<string | null> {
    if (this.freeBusySupported === false) return null;
    const cal = await this.calendar();
    const body =
      '<?xml version="1.0" encoding="utf-8"?>' +
      `<C:free-busy-query xmlns:C="urn:ietf:params:xml:ns:caldav"><C:time-range start="${davTime(window.start)}" end="${davTime(window.end)}"/></C:free-busy-query>`;
    const res = await this.fetch(cal.url, { method: 'REPORT', body, headers: { 'content-type': 'application/xml; charset=utf-8', depth: '1' } });
    const text = await res.text();
    const ok = res.status === 200 && /text\/calendar/i.test(res.headers.get('content-type') ?? '') && /BEGIN:VFREEBUSY/i.test(text);
    this.freeBusySupported = ok;
    return ok ? text : null;
  }

  /** The one fetch every request uses (also handed to tsdav). */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const password = this.settings.password();
    if (!password) {
      throw new ProviderError({
        code: 'AUTH_REVOKED',
        where: this.where(),
        message: `the CalDAV password is missing: set the environment variable ${this.settings.passwordEnv} (named by caldav.passwordEnv) to the app password`,
      });
    }
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Basic ${Buffer.from(`${this.settings.username}:${password}`).toString('base64')}`);
    let res: Response;
    try {
      res = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      throw mapDavError({ networkError: { message: (err as Error).message, code: cause?.code } }, this.context(init?.method ?? 'GET'));
    }
    if (res.status === 401 || res.status === 429 || res.status >= 500) {
      await res.arrayBuffer().catch(() => undefined);
      throw mapDavError({ status: res.status, retryAfter: res.headers.get('retry-after') }, this.context(init?.method ?? 'GET'));
    }
    return res;
  };

  private context(method: string) {
    return { where: this.where(method), passwordEnv: this.settings.passwordEnv, nowMs: (this.settings.now?.() ?? new Date()).getTime() };
  }

  private assertMultistatus(responses: DAVResponse[], what: string): void {
    const first = responses[0];
    if (responses.length === 1 && first && !first.ok && !first.props) {
      throw mapDavError({ status: first.status ?? 0 }, this.context(what));
    }
  }

  /** A server path, decoded, so the same object has one key whatever the server's escaping. */
  private path(href: string): string {
    const pathname = new URL(href, this.settings.url).pathname;
    try {
      return decodeURIComponent(pathname);
    } catch {
      return pathname;
    }
  }
}

function pickCalendar(calendars: DAVCalendar[], wanted: string | undefined): DAVCalendar | null {
  const events = calendars.filter((c) => !c.components || c.components.includes('VEVENT'));
  if (!wanted) return events[0] ?? null;
  if (/^https?:\/\//i.test(wanted)) {
    const path = new URL(wanted).pathname.replace(/\/?$/, '/');
    return calendars.find((c) => new URL(c.url).pathname.replace(/\/?$/, '/') === path) ?? null;
  }
  const lower = wanted.trim().toLowerCase();
  return calendars.find((c) => displayNameOf(c).trim().toLowerCase() === lower) ?? null;
}

function displayNameOf(c: DAVCalendar): string {
  const name = c.displayName as unknown;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object' && '_cdata' in name) return String((name as { _cdata: unknown })._cdata);
  return name === undefined || name === null ? '' : String(name);
}

function syncTokenOf(r: DAVResponse | undefined): string | null {
  const raw = r?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
  const token = raw?.multistatus?.syncToken;
  return token === undefined || token === null || token === '' ? null : String(token);
}

function etagOf(r: DAVResponse): string | null {
  const value = r.props?.getetag as unknown;
  return value === undefined || value === null ? null : String(value);
}

function calendarDataOf(r: DAVResponse): string | null {
  const value = r.props?.calendarData as unknown;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { _cdata?: unknown; _text?: unknown };
    if (typeof v._cdata === 'string') return v._cdata;
    if (typeof v._text === 'string') return v._text;
  }
  return null;
}

function isCollection(r: DAVResponse): boolean {
  const type = r.props?.resourcetype as unknown;
  return Boolean(type && typeof type === 'object' && 'collection' in (type as object));
}

function ensureSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** 20300603T090000Z */
function davTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
