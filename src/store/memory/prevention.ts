import type { PreventionStore, SuppressionRemoval } from '../../ports/store.js';
import { emailKey } from '../codec.js';
import { callHoldToRow, nextStepToRow, removalToRow, rowToCallHold, rowToNextStep, rowToRemoval } from '../queries/prevention.js';
import { rowToSuppression } from '../queries/suppressions.js';
import { sortRows, type MemoryTables } from './tables.js';

/** Next steps, call holds and lifted suppressions (issue 15), in memory. */
export function memoryPrevention(t: MemoryTables): PreventionStore {
  return {
    async addNextStep(step) {
      if (t.next_steps.has(step.id)) return false;
      t.next_steps.set(step.id, nextStepToRow(step));
      return true;
    },
    async listNextSteps(prospectId) {
      const rows = [...t.next_steps.values()].filter((r) => r.prospect_id === prospectId);
      return sortRows(rows, [(r) => r.found_at], [(r) => r.id]).map(rowToNextStep);
    },
    async saveCallHold(hold) {
      t.call_holds.set(hold.uid, callHoldToRow(hold));
    },
    async listCallHolds(filter) {
      const rows = [...t.call_holds.values()].filter(
        (r) => (filter.prospectId === undefined || r.prospect_id === filter.prospectId) && (filter.accountId === undefined || r.account_id === filter.accountId),
      );
      return sortRows(rows, [(r) => r.start_at], [(r) => r.uid]).map(rowToCallHold);
    },
    async removeSuppression(email, input) {
      const row = t.suppressions.get(emailKey(email));
      if (!row) return null;
      const removal: SuppressionRemoval = { id: input.id, email: row.email, reason: input.reason, by: input.by, at: input.at, was: rowToSuppression(row) };
      t.suppression_removals.set(removal.id, removalToRow(removal));
      t.suppressions.delete(row.email);
      return removal;
    },
    async listSuppressionRemovals() {
      return sortRows([...t.suppression_removals.values()], [(r) => r.removed_at], [(r) => r.id]).map(rowToRemoval);
    },
  };
}
