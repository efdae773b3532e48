import { calendar, type auth as googleAuth, type calendar_v3 } from '@googleapis/calendar';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { meet, type meet_v2 } from '@googleapis/meet';
import { googleFetchWithin } from './google-fetch.js';

/**
 * Builds the per-API clients (googleapis' own small packages). SDK retries are off
 * (`retry: false`): the one retry layer is providers/retry.ts. `rootUrl` points every client at
 * an emulator when configured. Requests go through googleFetch (./google-fetch.ts), not node-fetch,
 * with its time limit.
 */

export type GoogleAuthClient = InstanceType<typeof googleAuth.OAuth2> | InstanceType<typeof googleAuth.JWT>;

export interface GoogleClients {
  calendar: calendar_v3.Calendar;
  gmail: gmail_v1.Gmail;
  meet: meet_v2.Meet;
  auth: GoogleAuthClient;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function normaliseRootUrl(rootUrl: string | undefined): string | undefined {
  if (!rootUrl) return undefined;
  return rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
}

export function buildGoogleClients(input: { auth: GoogleAuthClient; rootUrl?: string; timeoutMs?: number }): GoogleClients {
  const rootUrl = normaliseRootUrl(input.rootUrl);
  // The time limit is googleFetch's (one timer), not gaxios's `timeout` (an AbortSignal per request).
  const fetchImplementation = googleFetchWithin(input.timeoutMs ?? DEFAULT_TIMEOUT_MS) as unknown as typeof fetch;
  const common = { auth: input.auth, retry: false, fetchImplementation, ...(rootUrl ? { rootUrl } : {}) };
  return {
    calendar: calendar({ version: 'v3', ...common }),
    gmail: gmail({ version: 'v1', ...common }),
    meet: meet({ version: 'v2', ...common }),
    auth: input.auth,
  };
}
