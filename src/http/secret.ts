import { randomBytes } from 'node:crypto';
import { MIN_SECRET_LENGTH } from '../security/tokens.js';

export const WEB_SECRET_ENV = 'FOLLOWUP_WEB_SECRET';
export const TICK_TOKEN_ENV = 'FOLLOWUP_TICK_TOKEN';
/** Vercel Cron sends it as the bearer of its GET requests. */
export const CRON_SECRET_ENV = 'CRON_SECRET';

export class WebSecretError extends Error {
  override readonly name = 'WebSecretError';
}

let generated: string | null = null;

/**
 * The HMAC secret for sign-in links, approve links, sessions and CSRF tokens, from
 * FOLLOWUP_WEB_SECRET (at least 32 characters). When it is missing and `generate` is set (the
 * long-running `serve`), a random one is made once per process and `warn` is told that links and
 * sessions stop working after a restart. The same process-wide value is returned to every caller,
 * so the digest step of the tick and the web server agree.
 */
export function resolveWebSecret(input: {
  get: (name: string) => string | undefined;
  generate?: boolean;
  warn?: (message: string) => void;
}): string {
  const value = input.get(WEB_SECRET_ENV)?.trim();
  if (value) {
    if (value.length < MIN_SECRET_LENGTH) {
      throw new WebSecretError(
        `${WEB_SECRET_ENV} is ${value.length} characters; it must be at least ${MIN_SECRET_LENGTH}. ` +
          'Generate one with `openssl rand -base64 32`.',
      );
    }
    return value;
  }
  if (!input.generate) {
    throw new WebSecretError(
      `${WEB_SECRET_ENV} is not set. The approval pages sign links and sessions with it: ` +
        `generate one with \`openssl rand -base64 32\` and export ${WEB_SECRET_ENV}=<that value>.`,
    );
  }
  if (!generated) {
    generated = randomBytes(32).toString('base64url');
    input.warn?.(
      `${WEB_SECRET_ENV} is not set: using a random secret for this process. Sign-in links, approve links ` +
        `and sessions stop working when it restarts; set ${WEB_SECRET_ENV} (openssl rand -base64 32) to keep them.`,
    );
  }
  return generated;
}
