import { newId, type JsonObject } from './state.js';

/** Graph's HTTP conventions in the emulator: JSON bodies, Graph's error shape, Prefer headers, $filter and $select. */

export const GRAPH_PREFIX = '/v1.0';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = {
    error: { code, message, innerError: { 'request-id': newId('req-', 8), date: new Date().toISOString() } },
  };
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function empty(status: number): Response {
  return new Response(null, { status });
}

/** Thrown with the error response to answer; the router turns it back into that response. */
export class HttpFailure extends Error {
  constructor(readonly response: Response) {
    super('graph failure');
  }
}

export const fail = (status: number, code: string, message: string): never => {
  throw new HttpFailure(graphError(status, code, message));
};

export function parsePrefer(request: Request): { maxPageSize: number | null; timeZone: string | null } {
  const prefer = request.headers.get('prefer') ?? '';
  const size = /odata\.maxpagesize=(\d+)/i.exec(prefer);
  const zone = /outlook\.timezone="([^"]+)"/i.exec(prefer);
  return { maxPageSize: size ? Number(size[1]) : null, timeZone: zone ? (zone[1] ?? null) : null };
}

/** Parses `a eq 'x' and b eq 'y'` (the only $filter forms the emulator accepts). */
export function parseEqFilter(filter: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(part);
    if (!m || !m[1]) fail(400, 'BadRequest', `The emulator does not support this $filter: ${filter}`);
    out[m![1]!.toLowerCase()] = (m![2] ?? '').replace(/''/g, "'");
  }
  return out;
}

export function select(obj: JsonObject, selectParam: string | null): JsonObject {
  if (!selectParam) {
    const { internetMessageHeaders: _h, ...rest } = obj;
    return rest;
  }
  const fields = selectParam.split(',').map((f) => f.trim()).filter(Boolean);
  const out: JsonObject = { id: obj.id };
  for (const f of fields) if (f in obj) out[f] = obj[f];
  return out;
}

export async function readJson(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as JsonObject;
  } catch {
    // fall through
  }
  return fail(400, 'BadRequest', 'Unable to read JSON request payload.');
}
