import { createHash } from 'node:crypto';

/** A short, stable id derived from its parts (idempotency keys, booking ids). */
export function stableId(prefix: string, ...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20);
  return `${prefix}_${h}`;
}
