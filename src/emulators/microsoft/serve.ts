import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from './index.js';

/**
 * Serves the emulator's msw handlers over real HTTP (demo, benchmarks, multi-process tests).
 * Graph is at `${url}/v1.0/...` and the identity platform at `${url}/{tenant}/oauth2/v2.0/...`,
 * so a config points both `microsoft.baseUrl` and `microsoft.authorityHost` at `url`.
 */
export interface ServedGraphEmulator {
  url: string;
  port: number;
  emulator: GraphEmulator;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const method = req.method ?? 'GET';
  return new Request(`${origin}${req.url ?? '/'}`, {
    method,
    headers,
    ...(body.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
  });
}

export async function serveGraphEmulator(
  input: { port?: number; host?: string; emulator?: GraphEmulator; options?: Omit<GraphEmulatorOptions, 'graphBaseUrl' | 'authorityHost'> } = {},
): Promise<ServedGraphEmulator> {
  const host = input.host ?? '127.0.0.1';
  let server: Server | null = null;
  let emulator = input.emulator ?? null;
  let url = '';
  server = createServer((req, res) => {
    void (async () => {
      try {
        // Whatever host name the client used, the handlers answer for `url`.
        const request = await toRequest(req, url);
        const response = (emulator && (await getResponse(emulator.handlers, request))) ??
          Response.json({ error: { code: 'BadRequest', message: `No emulated endpoint for ${req.method} ${req.url}` } }, { status: 400 });
        const headers: Record<string, string> = {};
        response.headers.forEach((v, k) => (headers[k] = v));
        res.writeHead(response.status, headers);
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (err) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'generalException', message: (err as Error).message } }));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server!.once('error', reject);
    server!.listen(input.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;
  // Handlers match absolute URLs, so they are built once the port is known.
  emulator ??= createGraphEmulator({ ...input.options, graphBaseUrl: url, authorityHost: url });
  if (input.emulator && input.emulator.options.graphBaseUrl !== url) {
    throw new Error(`serveGraphEmulator: the given emulator was created for ${input.emulator.options.graphBaseUrl}, not ${url}; pass a fixed port and create it with graphBaseUrl/authorityHost = ${url}.`);
  }
  return {
    url,
    port,
    emulator,
    close: () =>
      new Promise<void>((resolve) => {
        server!.closeAllConnections?.();
        server!.close(() => resolve());
      }),
  };
}
