import type { EmulatedUser, GoogleEmulatorState } from './state.js';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface RouteContext {
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The authenticated user (null only on routes with `auth: false`). */
  user: EmulatedUser | null;
  state: GoogleEmulatorState;
  now: () => Date;
}

export interface Route {
  method: HttpMethod;
  /** Path after the origin, msw syntax (`/calendar/v3/calendars/:calendarId/events`). */
  path: string;
  /** Requires a Bearer access token issued by the emulator's token endpoint. */
  auth: boolean;
  /** Quota / rate-limit counting and fault injection apply (not to the token endpoint). */
  api: boolean;
  handle(ctx: RouteContext): Promise<Response> | Response;
}

export function requireUser(ctx: RouteContext): EmulatedUser {
  if (!ctx.user) throw new Error(`route ${ctx.url.pathname} needs an authenticated user`);
  return ctx.user;
}

export async function readJson<T>(request: Request): Promise<T | null> {
  const text = await request.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
