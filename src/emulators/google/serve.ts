import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions } from './emulator.js';
import { errors } from './http-util.js';

/**
 * Serves the same msw handlers over real HTTP (node:http + msw's handler resolution), for the
 * demo, `followup emulate google` and multi-process tests. Point the adapter at `rootUrl`.
 */
export interface ServedGoogleEmulator {
  emulator: GoogleEmulator;
  /** e.g. http://127.0.0.1:8085/ : the `google.rootUrl` to configure. */
  rootUrl: string;
  port: number;
  close(): Promise<void>;
}

export async function serveGoogleEmulator(input: {
  port?: number;
  host?: string;
  emulator?: GoogleEmulator;
  options?: GoogleEmulatorOptions;
}): Promise<ServedGoogleEmulator> {
  const emulator = input.emulator ?? createGoogleEmulator(input.options);
  const host = input.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    void answer(emulator, host, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    emulator,
    port,
    rootUrl: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

async function answer(emulator: GoogleEmulator, host: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) abort.abort();
    });
    const method = req.method ?? 'GET';
    const request = new Request(`http://${req.headers.host ?? host}${req.url ?? '/'}`, {
      method,
      headers,
      signal: abort.signal,
      ...(method === 'GET' || method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    });
    const response = (await getResponse(emulator.handlers, request)) ?? errors.notFound(`No emulated endpoint for ${method} ${req.url ?? ''}`);
    if (abort.signal.aborted) return;
    const body = Buffer.from(await response.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      outHeaders[key] = value;
    });
    res.writeHead(response.status, outHeaders);
    res.end(body);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 500, message: (err as Error).message, errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }] } }));
  }
}
