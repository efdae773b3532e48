import type { BookingStore, CursorStore, SlotOfferStore, SuppressionStore } from '../../ports/store.js';
import { emailKey } from '../codec.js';
import { bookingPatch, bookingToRow, rowToBooking, rowToSlotOffer, slotOfferToRow } from '../queries/bookings.js';
import { cursorToRow, rowToCursor } from '../queries/cursors.js';
import { rowToSuppression, suppressionToRow } from '../queries/suppressions.js';
import { key, sortRows, type MemoryTables } from './tables.js';

/** Sync cursors, suppressions, bookings and slot offers, in memory. */
export function memoryRecords(t: MemoryTables): CursorStore & SuppressionStore & BookingStore & SlotOfferStore {
  return {
    async getCursor(accountId, cursorKey) {
      const row = t.cursors.get(key(accountId, cursorKey));
      return row ? rowToCursor(row) : null;
    },
    async saveCursor(state) {
      const row = cursorToRow(state);
      t.cursors.set(key(row.account_id, row.cursor_key), row);
    },
    async saveCursors(states) {
      for (const state of states) {
        const row = cursorToRow(state);
        t.cursors.set(key(row.account_id, row.cursor_key), row);
      }
    },
    async listCursors(accountId) {
      const rows = [...t.cursors.values()].filter((r) => accountId === undefined || r.account_id === accountId);
      return sortRows(rows, [(r) => r.account_id], [(r) => r.cursor_key]).map(rowToCursor);
    },

    /** The first suppression of an address is kept. */
    async addSuppression(s) {
      const row = suppressionToRow(s);
      if (!t.suppressions.has(row.email)) t.suppressions.set(row.email, row);
    },
    async isSuppressed(email) {
      return t.suppressions.has(emailKey(email));
    },
    async listSuppressions() {
      return sortRows([...t.suppressions.values()], [(r) => r.at], [(r) => r.email]).map(rowToSuppression);
    },

    async insertBooking(b) {
      const row = bookingToRow(b);
      if (t.bookings.has(row.id)) return false;
      t.bookings.set(row.id, row);
      return true;
    },
    async getBooking(id) {
      const row = t.bookings.get(id);
      return row ? rowToBooking(row) : null;
    },
    async updateBooking(id, patch) {
      const row = t.bookings.get(id);
      if (row) t.bookings.set(id, { ...row, ...bookingPatch(patch) });
    },
    async listBookings(prospectId) {
      const rows = [...t.bookings.values()].filter((r) => r.prospect_id === prospectId);
      return sortRows(rows, [(r) => r.created_at], [(r) => r.id]).map(rowToBooking);
    },

    async saveSlotOffer(offer) {
      const row = slotOfferToRow(offer);
      t.slot_offers.set(row.id, row);
    },
    async latestSlotOffer(prospectId) {
      const rows = [...t.slot_offers.values()].filter((r) => r.prospect_id === prospectId);
      const latest = sortRows(rows, [(r) => r.created_at, 'desc'], [(r) => r.id, 'desc'])[0];
      return latest ? rowToSlotOffer(latest) : null;
    },
  };
}
