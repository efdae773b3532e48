import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Runtime } from '../app/runtime.js';
import { createHttpApp } from './app.js';
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
}

const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i;

/**
 * Serves the approval pages on 127.0.0.1 (put a reverse proxy with HTTPS in front to reach it
 * from a phone). Resolves once listening; the returned function stops the server.
 */
export async function startWebServer(runtime: Runtime, options: WebServerOptions): Promise<() => Promise<void>> {
  const { config } = runtime;
  const now = options.now ?? (() => new Date());
  const secret = resolveWebSecret({ get: config.env.get, generate: true, warn: (m) => runtime.logger.warn(m) });
  let localUrl = `http://127.0.0.1:${options.port ?? config.web.port}`;
  // Links in emails use config.web.baseUrl; when it points at this machine, use the real port.
  const baseUrl = () => (LOOPBACK.test(config.web.baseUrl) ? localUrl : trimSlash(config.web.baseUrl));
  const app = createHttpApp(runtime, { secret, now, baseUrl });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port ?? config.web.port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port ?? config.web.port} is in use: set web.port in the config to a free port, or stop the other server (or run with --no-web).`)
          : err,
      ),
    );
  });
  const address = server.address() as AddressInfo;
  localUrl = `http://127.0.0.1:${address.port}`;
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
