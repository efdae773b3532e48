import type { TimeInterval } from '../../domain/types.js';
import type { BookingRecord, BookingStore, SlotOffer, SlotOfferStore } from '../../ports/store.js';
import { fromIso, fromJson, reviveDate, toIso, toJson } from '../codec.js';
import type { BookingsTable, SlotOffersTable } from '../schema.js';
import type { QueryContext } from './query-context.js';

export function bookingToRow(b: BookingRecord): BookingsTable {
  return {
    id: b.id,
    account_id: b.accountId,
    prospect_id: b.prospectId,
    start_at: toIso(b.start),
    end_at: toIso(b.end),
    time_zone: b.timeZone,
    status: b.status,
    event_id: b.eventId,
    source_message_id: b.sourceMessageId,
    error: b.error,
    created_at: toIso(b.createdAt),
  };
}

export function rowToBooking(r: BookingsTable): BookingRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    timeZone: r.time_zone,
    status: r.status as BookingRecord['status'],
    eventId: r.event_id,
    sourceMessageId: r.source_message_id,
    error: r.error,
    createdAt: fromIso(r.created_at),
  };
}

/** The patch of updateBooking as columns: eventId/error left undefined keep their value. */
export function bookingPatch(patch: Parameters<BookingStore['updateBooking']>[1]): Partial<BookingsTable> {
  return {
    status: patch.status,
    ...(patch.eventId !== undefined ? { event_id: patch.eventId } : {}),
    ...(patch.error !== undefined ? { error: patch.error } : {}),
  };
}

export function slotOfferToRow(o: SlotOffer): SlotOffersTable {
  return {
    id: o.id,
    prospect_id: o.prospectId,
    draft_id: o.draftId,
    slots_json: toJson(o.slots.map((s) => ({ start: toIso(s.start), end: toIso(s.end) }))),
    created_at: toIso(o.createdAt),
  };
}

export function rowToSlotOffer(r: SlotOffersTable): SlotOffer {
  const slots = fromJson<{ start: unknown; end: unknown }[]>(r.slots_json, 'slot_offers.slots_json');
  return {
    id: r.id,
    prospectId: r.prospect_id,
    draftId: r.draft_id,
    slots: slots.map(
      (s, i): TimeInterval => ({
        start: reviveDate(s.start, `slot_offers.slots_json[${i}].start`),
        end: reviveDate(s.end, `slot_offers.slots_json[${i}].end`),
      }),
    ),
    createdAt: fromIso(r.created_at),
  };
}

/** Meetings the worker books for prospects, and the slots it offered them. */
export function bookingQueries({ db }: QueryContext): BookingStore & SlotOfferStore {
  return {
    async insertBooking(b) {
      const inserted = await db
        .insertInto('bookings')
        .values(bookingToRow(b))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async getBooking(id) {
      const row = await db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToBooking(row) : null;
    },

    async updateBooking(id, patch) {
      await db.updateTable('bookings').set(bookingPatch(patch)).where('id', '=', id).execute();
    },

    async listBookings(prospectId) {
      const rows = await db
        .selectFrom('bookings')
        .selectAll()
        .where('prospect_id', '=', prospectId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToBooking);
    },

    async saveSlotOffer(offer) {
      const row = slotOfferToRow(offer);
      const { id: _id, ...update } = row;
      await db
        .insertInto('slot_offers')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
    },

    async latestSlotOffer(prospectId) {
      const row = await db
        .selectFrom('slot_offers')
        .selectAll()
        .where('prospect_id', '=', prospectId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? rowToSlotOffer(row) : null;
    },
  };
}
