import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Runtime } from '../app/runtime.js';
import { createHttpApp } from './app.js';
import type { PushSink } from './routes/push.js';
import { resolveWebSecret } from './secret.js';
import { signInLink, trimSlash } from '../security/tokens.js';

export interface WebServerOptions {
  print: (line: string) => void;
  /** Overrides config.web.port; 0 picks a free port. */
  port?: number;
  /** Print a ready sign-in link for every rep (always on for the demo workspace). */
  printLinks?: boolean;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** What a push notification does (PostgreSQL: enqueue the account's sync job); default the store mark. */
  push?: PushSink;
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i;

/**
 * Serves the approval pages on HOST/web.host (127.0.0.1 by default: put a reverse proxy with HTTPS
 * in front to reach it from a phone). Resolves once listening; the returned function stops the server.
 */
export async function startWebServer(runtime: Runtime, options: WebServerOptions): Promise<() => Promise<void>> {
  const { config } = runtime;
  const now = options.now ?? (() => new Date());
  const secret = resolveWebSecret({ get: config.env.get, generate: true, warn: (m) => runtime.logger.warn(m) });
  const listen = listenAddress(config, options.port);
  let localUrl = `http://${urlHost(listen.host)}:${listen.port}`;
  // Links in emails use config.web.baseUrl; when it points at this machine, use the real port.
  const baseUrl = () => (LOOPBACK.test(config.web.baseUrl) ? localUrl : trimSlash(config.web.baseUrl));
  const app = createHttpApp(runtime, { secret, now, baseUrl, ...(options.push ? { push: options.push } : {}) });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `Port ${listen.port} on ${listen.host} is in use by another program, so the approval pages cannot start. ` +
                `Choose a free port with the PORT environment variable or web.port in ${config.path} (HOST or web.host for the address), ` +
                `stop the other program, or run \`followup serve --no-web\`.`,
            )
          : err,
      ),
    );
  });
  const address = server.address() as AddressInfo;
  localUrl = `http://${urlHost(listen.host)}:${address.port}`;
  options.print(`Approval pages: ${localUrl}/ (sign in with your account's email address)`);

  const isDemo = existsSync(join(config.baseDir, '.followup-demo'));
  if (isDemo || options.printLinks) {
    for (const a of config.accounts) {
      const link = signInLink({ baseUrl: baseUrl(), secret, accountId: a.id, now: now() });
      options.print(`Sign in as ${a.name} <${a.email}> (works once, for 15 minutes): ${link.url}`);
    }
  }

  return () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
}

/**
 * Where `serve` listens: HOST, else web.host (default 127.0.0.1: put a reverse proxy with HTTPS in
 * front); PORT, else web.port. An explicit port (tests: 0 for a free one) wins over both.
 */
export function listenAddress(config: Pick<Runtime['config'], 'web' | 'env'>, explicitPort?: number): { host: string; port: number } {
  const host = config.env.get('HOST')?.trim() || config.web.host;
  const envPort = config.env.get('PORT')?.trim();
  if (envPort && !/^\d{1,5}$/.test(envPort)) throw new Error(`PORT="${envPort}" is not a port number; set it to e.g. 8787, or unset it to use web.port.`);
  const port = explicitPort ?? (envPort ? Number(envPort) : config.web.port);
  return { host, port };
}

/** A host as it goes in a URL we print: the wildcard addresses are reached on loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
