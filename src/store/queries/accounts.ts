import type { Account } from '../../domain/types.js';
import type { AccountStore, CredentialStore } from '../../ports/store.js';
import { emailKey } from '../codec.js';
import type { AccountsTable } from '../schema.js';
import { runCompiledOnce } from './compiled-once.js';
import type { QueryContext } from './query-context.js';

export function accountToRow(a: Account): AccountsTable {
  return {
    id: a.id,
    email: a.email,
    email_lower: emailKey(a.email),
    name: a.name,
    time_zone: a.timeZone,
    provider: a.provider,
    role: a.role,
    status: a.status,
    status_detail: a.statusDetail ?? null,
  };
}

export function rowToAccount(r: AccountsTable): Account {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    timeZone: r.time_zone,
    provider: r.provider as Account['provider'],
    role: r.role as Account['role'],
    status: r.status as Account['status'],
    statusDetail: r.status_detail,
  };
}

/** Accounts, their status and their sealed credentials (ciphertext; encryption happens before the store). */
export function accountQueries({ db }: QueryContext): AccountStore & CredentialStore {
  return {
    async upsertAccount(account) {
      const row = accountToRow(account);
      const { id: _id, ...update } = row;
      await db
        .insertInto('accounts')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
    },

    async getAccount(id) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToAccount(row) : null;
    },

    async listAccounts() {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('email_lower').orderBy('id').execute();
      return rows.map(rowToAccount);
    },

    async setAccountStatus(id, status, detail) {
      await db.updateTable('accounts').set({ status, status_detail: detail }).where('id', '=', id).execute();
    },

    async saveCredential(accountId, kind, ciphertext) {
      await db
        .insertInto('credentials')
        .values({ account_id: accountId, kind, ciphertext })
        .onConflict((oc) => oc.columns(['account_id', 'kind']).doUpdateSet({ ciphertext }))
        .execute();
    },

    async getCredential(accountId, kind) {
      const row = await db
        .selectFrom('credentials')
        .select('ciphertext')
        .where('account_id', '=', accountId)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return row?.ciphertext ?? null;
    },

    async getCredentials(accountId, kinds) {
      if (kinds.length === 0) return new Map();
      // Once per account and process (the Google tokens): compiled once (compiled-once.ts).
      const { rows } = await runCompiledOnce(db, `getCredentials:${kinds.length}`, [accountId, ...kinds], (v) =>
        db.selectFrom('credentials').select(['kind', 'ciphertext']).where('account_id', '=', v[0] as string).where('kind', 'in', v.slice(1) as string[]),
      );
      return new Map(rows.map((r) => [r.kind, r.ciphertext]));
    },
  };
}
