import { sql } from 'kysely';
import type { LeaseStore, TokenStore } from '../../ports/store.js';
import { toIso } from '../codec.js';
import type { QueryContext } from './query-context.js';

/** The lease's expiry; a ttl that is not a positive number is a programming error. */
export function leaseExpiry(input: { now: Date; ttlMs: number }): string {
  if (!Number.isFinite(input.ttlMs) || input.ttlMs <= 0) {
    throw new RangeError(`store: lease ttlMs must be a positive number, got ${input.ttlMs}`);
  }
  return toIso(new Date(input.now.getTime() + input.ttlMs));
}

/** Leases, spent link nonces and rate-limit counters: short-lived keys, each one atomic statement. */
export function leaseQueries({ db }: QueryContext): LeaseStore & TokenStore {
  return {
    /**
     * One statement, atomic on both engines: insert the lease, or, on conflict, take it over if it
     * expired (expires_at <= now) or renew it if this owner holds it. Returns whether `owner` holds it.
     */
    async acquireLease(input) {
      const expiresAt = leaseExpiry(input);
      const now = toIso(input.now);
      const row = await db
        .insertInto('leases')
        .values({ name: input.name, owner: input.owner, expires_at: expiresAt })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ owner: input.owner, expires_at: expiresAt })
            .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.owner', '=', input.owner)])),
        )
        .returning('owner')
        .executeTakeFirst();
      return row?.owner === input.owner;
    },

    async releaseLease(input) {
      await db.deleteFrom('leases').where('name', '=', input.name).where('owner', '=', input.owner).execute();
    },

    async consumeOnce(key, expiresAt) {
      const row = await db
        .insertInto('used_tokens')
        .values({ key, expires_at: toIso(expiresAt) })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('key')
        .executeTakeFirst();
      return row?.key === key;
    },

    async countHit(key, expiresAt) {
      const row = await db
        .insertInto('rate_limits')
        .values({ key, count: 1, expires_at: toIso(expiresAt) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql<number>`rate_limits.count + 1` }))
        .returning('count')
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async purgeExpired(now) {
      const before = toIso(now);
      const tokens = await db.deleteFrom('used_tokens').where('expires_at', '<', before).executeTakeFirst();
      const rateLimits = await db.deleteFrom('rate_limits').where('expires_at', '<', before).executeTakeFirst();
      return { tokens: Number(tokens.numDeletedRows), rateLimits: Number(rateLimits.numDeletedRows) };
    },
  };
}
