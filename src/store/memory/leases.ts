import type { LeaseStore, TokenStore } from '../../ports/store.js';
import { toIso } from '../codec.js';
import { leaseExpiry } from '../queries/leases.js';
import type { MemoryTables } from './tables.js';

/** Leases, spent link nonces and rate-limit counters, in memory. */
export function memoryLeases(t: MemoryTables): LeaseStore & TokenStore {
  return {
    /** Taken when free, expired (expires_at <= now) or already this owner's (a renewal). */
    async acquireLease(input) {
      const expiresAt = leaseExpiry(input);
      const now = toIso(input.now);
      const held = t.leases.get(input.name);
      if (held && held.expires_at > now && held.owner !== input.owner) return false;
      t.leases.set(input.name, { name: input.name, owner: input.owner, expires_at: expiresAt });
      return true;
    },
    async releaseLease(input) {
      if (t.leases.get(input.name)?.owner === input.owner) t.leases.delete(input.name);
    },

    async consumeOnce(tokenKey, expiresAt) {
      const expires = toIso(expiresAt);
      if (t.used_tokens.has(tokenKey)) return false;
      t.used_tokens.set(tokenKey, { key: tokenKey, expires_at: expires });
      return true;
    },
    /** The first hit sets the expiry; later hits only count. */
    async countHit(counterKey, expiresAt) {
      const expires = toIso(expiresAt);
      const row = t.rate_limits.get(counterKey);
      const next = row ? { ...row, count: row.count + 1 } : { key: counterKey, count: 1, expires_at: expires };
      t.rate_limits.set(counterKey, next);
      return next.count;
    },
    async purgeExpired(now) {
      const before = toIso(now);
      let tokens = 0;
      let rateLimits = 0;
      for (const [k, row] of t.used_tokens) if (row.expires_at < before && t.used_tokens.delete(k)) tokens++;
      for (const [k, row] of t.rate_limits) if (row.expires_at < before && t.rate_limits.delete(k)) rateLimits++;
      return { tokens, rateLimits };
    },
  };
}
