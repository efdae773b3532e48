import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs (pino). Tokens, secrets and email bodies never go in: the known
 * fields are redacted, and callers log ids and counts, not content.
 */
export const REDACT_PATHS = [
  'token',
  'accessToken',
  'refreshToken',
  'access_token',
  'refresh_token',
  'password',
  'secret',
  'authorization',
  'headers.authorization',
  'text',
  'html',
  'body',
  'raw',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.access_token',
  '*.refresh_token',
  '*.password',
  '*.secret',
  '*.authorization',
  '*.text',
  '*.html',
  '*.body',
  '*.raw',
];

export function createLogger(input: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: input.level ?? process.env.LOG_LEVEL ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'followup' },
    },
    input.destination,
  );
}

/** A logger that drops everything (tests, quiet CLI commands). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
