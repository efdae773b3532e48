import type { AccountStore, CredentialStore, ProspectStore } from '../../ports/store.js';
import { emailKey } from '../codec.js';
import { accountToRow, rowToAccount } from '../queries/accounts.js';
import { prospectStatusPatch, prospectToRow, rowToProspect } from '../queries/prospects.js';
import { ConstraintError, key, sortRows, type MemoryTables } from './tables.js';

/** Accounts, credentials and prospects in memory (credentials and prospects need their account). */
export function memoryAccounts(t: MemoryTables): AccountStore & CredentialStore & ProspectStore {
  const requireAccount = (table: string, accountId: string) => {
    if (!t.accounts.has(accountId)) throw new ConstraintError(table, `no account "${accountId}" (foreign key)`);
  };
  return {
    async upsertAccount(account) {
      const row = accountToRow(account);
      t.accounts.set(row.id, row);
    },
    async getAccount(id) {
      const row = t.accounts.get(id);
      return row ? rowToAccount(row) : null;
    },
    async listAccounts() {
      return sortRows([...t.accounts.values()], [(r) => r.email_lower], [(r) => r.id]).map(rowToAccount);
    },
    async setAccountStatus(id, status, detail) {
      const row = t.accounts.get(id);
      if (row) t.accounts.set(id, { ...row, status, status_detail: detail });
    },
    async saveCredential(accountId, kind, ciphertext) {
      requireAccount('credentials', accountId);
      t.credentials.set(key(accountId, kind), { account_id: accountId, kind, ciphertext });
    },
    async getCredential(accountId, kind) {
      return t.credentials.get(key(accountId, kind))?.ciphertext ?? null;
    },
    async getCredentials(accountId, kinds) {
      const found = new Map<string, string>();
      for (const kind of kinds) {
        const row = t.credentials.get(key(accountId, kind));
        if (row) found.set(kind, row.ciphertext);
      }
      return found;
    },

    async upsertProspect(prospect) {
      const row = prospectToRow(prospect);
      requireAccount('prospects', row.account_id);
      for (const other of t.prospects.values()) {
        if (other.id !== row.id && other.account_id === row.account_id && other.email_lower === row.email_lower) {
          throw new ConstraintError('prospects', `prospects_account_email_uq (${row.email_lower} is already prospect ${other.id})`);
        }
      }
      t.prospects.set(row.id, row);
    },
    async getProspect(id) {
      const row = t.prospects.get(id);
      return row ? rowToProspect(row) : null;
    },
    async findProspectByEmail(email, accountId) {
      const wanted = emailKey(email);
      const rows = [...t.prospects.values()].filter((r) => r.email_lower === wanted && (accountId === undefined || r.account_id === accountId));
      // A further address of a prospect (issue 15) when no prospect has it as the primary one.
      const others = [...t.prospects.values()].filter((r) => (accountId === undefined || r.account_id === accountId) && rowToProspect(r).emails?.includes(wanted));
      const first = sortRows(rows, [(r) => r.id])[0] ?? sortRows(others, [(r) => r.id])[0];
      return first ? rowToProspect(first) : null;
    },
    async listProspects(accountId) {
      const rows = [...t.prospects.values()].filter((r) => accountId === undefined || r.account_id === accountId);
      return sortRows(rows, [(r) => r.email_lower], [(r) => r.id]).map(rowToProspect);
    },
    async setProspectStatus(id, patch) {
      const row = t.prospects.get(id);
      if (row) t.prospects.set(id, { ...row, ...prospectStatusPatch(patch) });
    },
  };
}
