import type { Suppression, SuppressionStore } from '../../ports/store.js';
import { emailKey, fromIso, toIso } from '../codec.js';
import type { SuppressionsTable } from '../schema.js';
import type { QueryContext } from './query-context.js';

export function suppressionToRow(s: Suppression): SuppressionsTable {
  return { email: emailKey(s.email), reason: s.reason, at: toIso(s.at) };
}

export function rowToSuppression(r: SuppressionsTable): Suppression {
  return { email: r.email, reason: r.reason, at: fromIso(r.at) };
}

/** Opt-outs and bounces, keyed by the lower-cased address. */
export function suppressionQueries({ db }: QueryContext): SuppressionStore {
  return {
    /** The first suppression of an address is kept (its reason and date); later ones are ignored. */
    async addSuppression(s) {
      await db
        .insertInto('suppressions')
        .values(suppressionToRow(s))
        .onConflict((oc) => oc.column('email').doNothing())
        .execute();
    },

    async isSuppressed(email) {
      const row = await db.selectFrom('suppressions').select('email').where('email', '=', emailKey(email)).executeTakeFirst();
      return row !== undefined;
    },

    async listSuppressions() {
      const rows = await db.selectFrom('suppressions').selectAll().orderBy('at').orderBy('email').execute();
      return rows.map(rowToSuppression);
    },
  };
}
