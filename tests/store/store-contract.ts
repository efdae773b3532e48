/**
 * The Store port's contract: every implementation (SQLite, PostgreSQL, the in-memory store) must
 * pass these tests. Each test gets an empty database from the harness.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/domain/types.js';
import type { Store } from '../../src/ports/store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  T0,
  aBooking,
  aCursor,
  aDraft,
  aMeeting,
  aMessage,
  aParsedReply,
  aProspect,
  aSlotOffer,
  anAccount,
  anAttempt,
  anEvent,
  anOutboxItem,
  at,
} from './fixtures.js';

export interface StoreHarness {
  /** Opens a new store (its own connection or pool) on this harness's database; migrated. */
  open(): Promise<Store>;
  /** Names of the migrations recorded as applied, read from the database directly. Absent for a
   *  store with no schema to migrate (in memory). */
  appliedMigrations?: () => Promise<string[]>;
  /** Drops the database (file, schema); called after the stores opened by the test are closed. */
  destroy(): Promise<void>;
}

export function describeStoreContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    let store: Store;
    const opened: Store[] = [];

    async function openAnother(): Promise<Store> {
      const s = await harness.open();
      opened.push(s);
      return s;
    }

    async function seed(s: Store = store): Promise<void> {
      await s.upsertAccount(anAccount());
      await s.upsertProspect(aProspect());
    }

    beforeEach(async () => {
      harness = await makeHarness();
      store = await openAnother();
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await harness.destroy();
    });

    describe('migrations and lifecycle', () => {
      it('records every migration once, and opening or migrating again changes nothing', async () => {
        const applied = harness.appliedMigrations;
        if (applied) expect(await applied()).toEqual(MIGRATIONS.map((m) => m.name));
        await seed();
        const second = await openAnother();
        await second.migrate();
        await store.migrate();
        if (applied) expect(await applied()).toEqual(MIGRATIONS.map((m) => m.name));
        expect(await second.getProspect('pro_1')).toEqual(aProspect());
      });

      it('keeps data after the store is closed and the database reopened', async () => {
        await seed();
        await store.insertDraft(aDraft());
        await store.close();
        const reopened = await openAnother();
        expect(await reopened.getProspect('pro_1')).toEqual(aProspect());
        expect(await reopened.getDraft('drf_1')).toEqual(aDraft());
      });

      it('close() can be called twice', async () => {
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });

    describe('dates', () => {
      it('round-trips instants exactly, to the millisecond, as real Dates', async () => {
        await seed();
        const instants = [
          new Date('2024-03-10T06:59:59.999Z'),
          new Date('2024-11-03T05:00:00.001Z'),
          new Date('1969-12-31T23:59:59.999Z'),
          new Date('2099-12-31T23:59:59.998Z'),
        ];
        for (const [i, instant] of instants.entries()) {
          await store.addAttempt(anAttempt({ id: `att_${i}`, at: instant }));
        }
        const attempts = await store.listAttempts('pro_1');
        for (const attempt of attempts) expect(attempt.at).toBeInstanceOf(Date);
        expect(attempts.map((a) => a.at.getTime())).toEqual(instants.map((d) => d.getTime()).sort((a, b) => a - b));
      });

      it('rejects an invalid Date instead of storing garbage', async () => {
        await seed();
        await expect(store.addAttempt(anAttempt({ at: new Date('nope') }))).rejects.toThrow();
        expect(await store.listAttempts('pro_1')).toEqual([]);
      });
    });

    describe('accounts and credentials', () => {
      it('upserts, reads and lists accounts', async () => {
        expect(await store.getAccount('acc_1')).toBeNull();
        await store.upsertAccount(anAccount());
        await store.upsertAccount(anAccount({ id: 'acc_2', email: 'admin@example.com', role: 'admin', provider: 'microsoft' }));
        expect(await store.getAccount('acc_1')).toEqual(anAccount());
        await store.upsertAccount(anAccount({ name: 'Rep Renamed', timeZone: 'Asia/Tokyo' }));
        expect(await store.getAccount('acc_1')).toEqual(anAccount({ name: 'Rep Renamed', timeZone: 'Asia/Tokyo' }));
        expect((await store.listAccounts()).map((a) => a.id).sort()).toEqual(['acc_1', 'acc_2']);
      });

      it('sets and clears an account status with its detail', async () => {
        await store.upsertAccount(anAccount());
        await store.setAccountStatus('acc_1', 'disconnected', 'Run `followup auth google` to reconnect');
        expect(await store.getAccount('acc_1')).toMatchObject({
          status: 'disconnected',
          statusDetail: 'Run `followup auth google` to reconnect',
        });
        await store.setAccountStatus('acc_1', 'connected', null);
        expect(await store.getAccount('acc_1')).toEqual(anAccount());
      });

      it('saves, overwrites and reads credentials per account and kind', async () => {
        await store.upsertAccount(anAccount());
        expect(await store.getCredential('acc_1', 'google')).toBeNull();
        await store.saveCredential('acc_1', 'google', 'v1:cipher-a');
        await store.saveCredential('acc_1', 'smtp', 'v1:cipher-b');
        await store.saveCredential('acc_1', 'google', 'v1:cipher-c');
        expect(await store.getCredential('acc_1', 'google')).toBe('v1:cipher-c');
        expect(await store.getCredential('acc_1', 'smtp')).toBe('v1:cipher-b');
        expect(await store.getCredential('acc_2', 'google')).toBeNull();
        // Several kinds in one read (the Google refresh and access tokens of an account).
        expect(store.getCredentials).toBeDefined();
        expect(Object.fromEntries((await store.getCredentials!('acc_1', ['google', 'smtp', 'google-access'])).entries())).toEqual({ google: 'v1:cipher-c', smtp: 'v1:cipher-b' });
        expect((await store.getCredentials!('acc_2', ['google'])).size).toBe(0);
      });
    });

    describe('prospects', () => {
      it('round-trips every field, next step due date included', async () => {
        await seed();
        const p = await store.getProspect('pro_1');
        expect(p).toEqual(aProspect());
        expect(p?.nextStep?.due).toBeInstanceOf(Date);
        expect(await store.getProspect('nope')).toBeNull();
      });

      it('upserts on id, optional fields stored as null', async () => {
        await seed();
        await store.upsertProspect(aProspect({ name: 'Linda B.', company: undefined, nextStep: null, materialSent: [] }));
        expect(await store.getProspect('pro_1')).toEqual(
          aProspect({ name: 'Linda B.', company: null, nextStep: null, materialSent: [] }),
        );
        expect(await store.listProspects()).toHaveLength(1);
      });

      it('finds a prospect by email case-insensitively, optionally within an account', async () => {
        await seed();
        await store.upsertAccount(anAccount({ id: 'acc_2', email: 'other@example.com' }));
        await store.upsertProspect(aProspect({ id: 'pro_2', accountId: 'acc_2' }));
        expect((await store.findProspectByEmail('linda.buyer@CUSTOMER.example'))?.email).toBe('Linda.Buyer@Customer.example');
        expect((await store.findProspectByEmail(' LINDA.BUYER@customer.example ', 'acc_2'))?.id).toBe('pro_2');
        expect((await store.findProspectByEmail('linda.buyer@customer.example', 'acc_1'))?.id).toBe('pro_1');
        expect(await store.findProspectByEmail('linda.buyer@customer.example', 'acc_3')).toBeNull();
        expect(await store.findProspectByEmail('someone@else.example')).toBeNull();
      });

      it('lists prospects, optionally by account', async () => {
        await seed();
        await store.upsertAccount(anAccount({ id: 'acc_2', email: 'other@example.com' }));
        await store.upsertProspect(aProspect({ id: 'pro_2', email: 'b@x.example' }));
        await store.upsertProspect(aProspect({ id: 'pro_3', accountId: 'acc_2', email: 'c@x.example' }));
        expect((await store.listProspects()).map((p) => p.id).sort()).toEqual(['pro_1', 'pro_2', 'pro_3']);
        expect((await store.listProspects('acc_1')).map((p) => p.id).sort()).toEqual(['pro_1', 'pro_2']);
        expect(await store.listProspects('acc_9')).toEqual([]);
      });

      it('sets the status; pausedUntil and statusReason change only when given', async () => {
        await seed();
        await store.setProspectStatus('pro_1', { status: 'paused', pausedUntil: at(5 * DAY_MS + 1), statusReason: 'Out of office' });
        expect(await store.getProspect('pro_1')).toMatchObject({
          status: 'paused',
          pausedUntil: at(5 * DAY_MS + 1),
          statusReason: 'Out of office',
        });
        await store.setProspectStatus('pro_1', { status: 'closed' });
        expect(await store.getProspect('pro_1')).toMatchObject({
          status: 'closed',
          pausedUntil: at(5 * DAY_MS + 1),
          statusReason: 'Out of office',
        });
        await store.setProspectStatus('pro_1', { status: 'open', pausedUntil: null, statusReason: null });
        expect(await store.getProspect('pro_1')).toEqual(aProspect());
      });
    });

    describe('calendar events', () => {
      it('upserts events and reads them back exactly', async () => {
        await seed();
        const event = anEvent();
        const allDay = anEvent({
          id: 'evt_2',
          allDay: true,
          start: new Date('2025-03-11T00:00:00.000Z'),
          end: new Date('2025-03-12T00:00:00.000Z'),
          conference: null,
          recurringEventId: 'series_1',
          originalStart: new Date('2025-03-11T00:00:00.000Z'),
          uid: null,
          description: null,
          organizerEmail: null,
          updatedAt: null,
          attendees: [],
          categories: [],
        });
        await store.upsertEvents('acc_1', [event, allDay]);
        expect(await store.getEvent('cal_1', 'evt_1')).toEqual(event);
        expect(await store.getEvent('cal_1', 'evt_2')).toEqual(allDay);
        expect(await store.getEvent('cal_2', 'evt_1')).toBeNull();

        const moved = anEvent({ title: 'Demo (moved)', start: at(HOUR_MS), end: at(2 * HOUR_MS), status: 'tentative' });
        await store.upsertEvents('acc_1', [moved]);
        expect(await store.getEvent('cal_1', 'evt_1')).toEqual(moved);
        await store.upsertEvents('acc_1', []);
      });

      it('upserts many events at once; the last version of a repeated event wins', async () => {
        const many = Array.from({ length: 450 }, (_, i) =>
          anEvent({ id: `evt_${String(i).padStart(3, '0')}`, start: at(i * MINUTE_MS), end: at(i * MINUTE_MS + 1) }),
        );
        await store.upsertEvents('acc_1', [...many, anEvent({ id: 'evt_007', title: 'Last version', start: at(7 * MINUTE_MS) })]);
        const ids = await store.listEventIds('cal_1', { start: T0, end: at(DAY_MS) });
        expect(ids).toEqual(many.map((e) => e.id));
        expect((await store.getEvent('cal_1', 'evt_007'))?.title).toBe('Last version');
        await store.upsertEvents('acc_1', many.slice(0, 3).map((e) => ({ ...e, title: 'Again' })));
        expect((await store.getEvent('cal_1', 'evt_002'))?.title).toBe('Again');
        expect((await store.getEvent('cal_1', 'evt_003'))?.title).toBe(anEvent().title);
      });

      it('lists events and ids of one calendar whose start is in a half-open window', async () => {
        const starts = [-1, 0, 1, DAY_MS - 1, DAY_MS];
        await store.upsertEvents(
          'acc_1',
          starts.map((offset, i) => anEvent({ id: `evt_${i}`, start: at(offset), end: at(offset + HOUR_MS) })),
        );
        await store.upsertEvents('acc_1', [anEvent({ id: 'other', calendarId: 'cal_2', start: T0, end: at(HOUR_MS) })]);
        const window = { start: T0, end: at(DAY_MS) };
        expect(await store.listEventIds('cal_1', window)).toEqual(['evt_1', 'evt_2', 'evt_3']);
        const events = await store.listEvents('cal_1', window);
        expect(events.map((e) => e.id)).toEqual(['evt_1', 'evt_2', 'evt_3']);
        expect(events[0]?.start).toEqual(T0);
        expect(await store.listEventIds('cal_2', window)).toEqual(['other']);
      });

      it('deletes only the given ids of the given calendar', async () => {
        await store.upsertEvents('acc_1', [anEvent({ id: 'a' }), anEvent({ id: 'b' }), anEvent({ id: 'c' })]);
        await store.upsertEvents('acc_1', [anEvent({ id: 'a', calendarId: 'cal_2' })]);
        await store.deleteEvents('cal_1', ['a', 'c', 'missing']);
        await store.deleteEvents('cal_1', []);
        const window = { start: at(-DAY_MS), end: at(DAY_MS) };
        expect(await store.listEventIds('cal_1', window)).toEqual(['b']);
        expect(await store.getEvent('cal_2', 'a')).not.toBeNull();
      });
    });

    describe('meetings', () => {
      it('upserts and reads a meeting', async () => {
        await seed();
        const meeting = aMeeting({
          conference: { provider: 'teams', id: 'https://teams.example/join/1', joinUrl: null },
          categories: ['no-show'],
          evidence: [{ kind: 'event_keyword', confidence: 'likely', detail: 'Tagged no-show.' }],
        });
        await store.upsertMeeting(meeting);
        expect(await store.getMeeting('mtg_1')).toEqual(meeting);
        expect(await store.getMeeting('nope')).toBeNull();
        await store.upsertMeeting({ ...meeting, title: 'Renamed', outcome: 'held' });
        expect(await store.getMeeting('mtg_1')).toMatchObject({ title: 'Renamed', outcome: 'held' });
      });

      it('keeps one meeting per (event, prospect)', async () => {
        await seed();
        await store.upsertMeeting(aMeeting());
        await store.upsertMeeting(aMeeting({ id: 'mtg_dup', title: 'Same event again' }));
        const meetings = await store.listMeetings({ prospectId: 'pro_1' });
        expect(meetings).toHaveLength(1);
        expect(meetings[0]).toMatchObject({ id: 'mtg_1', title: 'Same event again' });
        await store.upsertMeeting(aMeeting({ id: 'mtg_2', prospectId: 'pro_2' }));
        expect(await store.listMeetings({})).toHaveLength(2);
      });

      it('filters by account, prospect, end (inclusive) and outcome', async () => {
        await seed();
        await store.upsertMeeting(aMeeting({ id: 'm1', eventId: 'e1', end: at(-HOUR_MS), outcome: 'missed' }));
        await store.upsertMeeting(aMeeting({ id: 'm2', eventId: 'e2', end: T0, outcome: 'held' }));
        await store.upsertMeeting(aMeeting({ id: 'm3', eventId: 'e3', end: at(1), outcome: 'scheduled' }));
        await store.upsertMeeting(aMeeting({ id: 'm4', eventId: 'e4', accountId: 'acc_2', prospectId: 'pro_2', outcome: 'missed' }));
        const ids = async (filter: Parameters<Store['listMeetings']>[0]) =>
          (await store.listMeetings(filter)).map((m) => m.id).sort();
        expect(await ids({ endedBefore: T0 })).toEqual(['m1', 'm2', 'm4']);
        expect(await ids({ accountId: 'acc_1', endedBefore: T0 })).toEqual(['m1', 'm2']);
        expect(await ids({ prospectId: 'pro_2' })).toEqual(['m4']);
        expect(await ids({ outcome: 'missed' })).toEqual(['m1', 'm4']);
        expect(await ids({ outcome: ['held', 'scheduled'] })).toEqual(['m2', 'm3']);
        expect(await ids({ outcome: [] })).toEqual([]);
      });

      it('sets the outcome and evidence; markedBy changes only when given', async () => {
        await seed();
        await store.upsertMeeting(aMeeting());
        const evidence = [{ kind: 'rep_mark' as const, confidence: 'certain' as const, detail: 'Rep marked the no-show.' }];
        await store.setMeetingOutcome('mtg_1', { outcome: 'missed', evidence, markedBy: 'rep.one@example.com' });
        expect(await store.getMeeting('mtg_1')).toMatchObject({ outcome: 'missed', evidence, markedBy: 'rep.one@example.com' });
        await store.setMeetingOutcome('mtg_1', { outcome: 'held', evidence: [] });
        expect(await store.getMeeting('mtg_1')).toMatchObject({ outcome: 'held', evidence: [], markedBy: 'rep.one@example.com' });
      });
    });

    describe('timeline', () => {
      it('appends attempts idempotently on id and lists them in time order', async () => {
        await seed();
        expect(await store.addAttempt(anAttempt({ id: 'b', at: at(MINUTE_MS) }))).toBe(true);
        expect(await store.addAttempt(anAttempt({ id: 'a', at: T0, outcome: null, refId: null }))).toBe(true);
        expect(await store.addAttempt(anAttempt({ id: 'b', at: at(2 * MINUTE_MS), detail: 'changed' }))).toBe(false);
        await store.addAttempt(anAttempt({ id: 'c', prospectId: 'pro_2' }));
        const attempts = await store.listAttempts('pro_1');
        expect(attempts).toEqual([
          anAttempt({ id: 'a', at: T0, outcome: null, refId: null }),
          anAttempt({ id: 'b', at: at(MINUTE_MS) }),
        ]);
      });
    });

    describe('messages and threads', () => {
      it('records a message once per (account, provider id), reviving the parsed reply', async () => {
        await seed();
        expect(await store.recordMessage(aMessage())).toBe(true);
        expect(await store.recordMessage(aMessage({ subject: 'changed' }))).toBe(false);
        expect(await store.recordMessage(aMessage({ accountId: 'acc_2', prospectId: 'pro_2' }))).toBe(true);
        const [message] = await store.listMessages('pro_1');
        expect(message).toEqual(aMessage());
        expect(message?.parsed?.proposals[0]?.start).toBeInstanceOf(Date);
        expect(message?.parsed?.alternatives[0]?.end).toBeNull();
        expect(message?.parsed?.range?.end).toEqual(aParsedReply().range?.end);
        // An ISO-looking string in free text stays a string.
        expect(typeof message?.parsed?.visibleText).toBe('string');
      });

      it('lists messages in time order; optional fields come back null', async () => {
        await seed();
        const out = aMessage({
          providerId: 'gm_0',
          direction: 'out',
          at: at(-DAY_MS),
          replyKind: null,
          parsed: null,
          visibleText: null,
          recordedAt: null,
          messageId: '<out-1@example.com>',
          inReplyTo: null,
          references: [],
          subject: 'Our demo',
        });
        await store.recordMessage(aMessage());
        await store.recordMessage({ ...out, replyKind: undefined, parsed: undefined, visibleText: undefined, recordedAt: undefined });
        expect(await store.listMessages('pro_1')).toEqual([out, aMessage()]);
        expect(await store.listMessages('pro_2')).toEqual([]);
      });

      it('threads the next email onto the latest message either way', async () => {
        await seed();
        expect(await store.latestThread('pro_1')).toBeNull();
        await store.recordMessage(
          aMessage({ providerId: 'gm_0', direction: 'out', at: at(-DAY_MS), messageId: '<out-1@example.com>', references: [] }),
        );
        await store.recordMessage(aMessage());
        expect(await store.latestThread('pro_1')).toEqual({
          threadId: 'thr_1',
          inReplyTo: '<reply-1@customer.example>',
          references: ['<out-1@example.com>', '<reply-1@customer.example>'],
          subject: 'Our demo',
          replyToProviderId: 'gm_1',
        });
      });

      it('finds the prospect of a thread by Message-ID (messages, then outbox) or thread id', async () => {
        await seed();
        await store.upsertProspect(aProspect({ id: 'pro_2', email: 'other@customer.example' }));
        await store.recordMessage(aMessage({ messageId: '<m1@x>', threadId: 'thr_A' }));
        await store.enqueueOutbox(anOutboxItem({ prospectId: 'pro_2', messageId: '<sent-2@example.com>' }));
        expect(await store.findProspectByThread({ accountId: 'acc_1', messageIds: ['<unknown@x>', '<m1@x>'] })).toBe('pro_1');
        expect(await store.findProspectByThread({ accountId: 'acc_1', messageIds: ['<sent-2@example.com>'] })).toBe('pro_2');
        expect(await store.findProspectByThread({ accountId: 'acc_1', threadId: 'thr_A' })).toBe('pro_1');
        expect(await store.findProspectByThread({ accountId: 'acc_1', threadId: 'thr_A', messageIds: ['<sent-2@example.com>'] })).toBe('pro_2');
        expect(await store.findProspectByThread({ accountId: 'acc_1', threadId: 'thr_B', messageIds: ['<nope@x>'] })).toBeNull();
        expect(await store.findProspectByThread({ accountId: 'acc_1', threadId: null, messageIds: [] })).toBeNull();
        expect(await store.findProspectByThread({ accountId: 'acc_1' })).toBeNull();
        // Another mailbox may use the same thread id for an unrelated conversation.
        expect(await store.findProspectByThread({ accountId: 'acc_2', threadId: 'thr_A' })).toBeNull();
        // A Message-ID is global: it finds the prospect whichever mailbox the message arrived in.
        expect(await store.findProspectByThread({ accountId: 'acc_2', messageIds: ['<m1@x>'] })).toBe('pro_1');
      });
    });

    describe('drafts', () => {
      it('inserts a draft and reads it back exactly', async () => {
        await seed();
        const result = await store.insertDraft(aDraft());
        expect(result).toEqual({ inserted: true, draft: aDraft() });
        expect(await store.getDraft('drf_1')).toEqual(aDraft());
        expect(await store.getDraft('nope')).toBeNull();
      });

      it('records a native draft and marks it sent by the rep once', async () => {
        await seed();
        await store.insertDraft(aDraft());
        await store.attachNativeDraft('drf_1', { nativeDraftId: 'r-123', messageId: '<n1@example.com>' });
        const found = await store.findDraftByMessageId('<n1@example.com>');
        expect(found).toEqual(aDraft({ nativeDraftId: 'r-123', messageId: '<n1@example.com>' }));
        expect(await store.findDraftByMessageId('<other@example.com>')).toBeNull();
        expect(await store.markDraftSentByRep('drf_1', { at: at(MINUTE_MS) })).toBe(true);
        expect(await store.markDraftSentByRep('drf_1', { at: at(2 * MINUTE_MS) })).toBe(false);
        expect((await store.getDraft('drf_1'))?.status).toBe('sent');
      });

      it('is idempotent on reasonKey: the second insert returns the first draft', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const again = await store.insertDraft(aDraft({ id: 'drf_2', subject: 'Another subject', createdAt: at(MINUTE_MS) }));
        expect(again).toEqual({ inserted: false, draft: aDraft() });
        expect(await store.getDraft('drf_2')).toBeNull();
        expect(await store.listDrafts({})).toHaveLength(1);
      });

      it('is idempotent on reasonKey under concurrent inserts', async () => {
        await seed();
        const second = await openAnother();
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? second : store).insertDraft(aDraft({ id: `drf_${i}` }))),
        );
        expect(results.filter((r) => r.inserted)).toHaveLength(1);
        const winner = results.find((r) => r.inserted)?.draft.id;
        for (const r of results) expect(r.draft.id).toBe(winner);
        expect(await store.listDrafts({})).toHaveLength(1);
      });

      it('lists drafts by account, prospect and status', async () => {
        await seed();
        await store.insertDraft(aDraft({ id: 'd1', reasonKey: 'k1' }));
        await store.insertDraft(aDraft({ id: 'd2', reasonKey: 'k2', status: 'approved', createdAt: at(1) }));
        await store.insertDraft(aDraft({ id: 'd3', reasonKey: 'k3', prospectId: 'pro_2', accountId: 'acc_2', status: 'sent' }));
        const ids = async (filter: Parameters<Store['listDrafts']>[0]) => (await store.listDrafts(filter)).map((d) => d.id).sort();
        expect(await ids({})).toEqual(['d1', 'd2', 'd3']);
        expect(await ids({ status: 'pending' })).toEqual(['d1']);
        expect(await ids({ status: ['approved', 'sent'] })).toEqual(['d2', 'd3']);
        expect(await ids({ prospectId: 'pro_1' })).toEqual(['d1', 'd2']);
        expect(await ids({ accountId: 'acc_2' })).toEqual(['d3']);
        expect(await ids({ status: [] })).toEqual([]);
      });

      it('edits a pending draft only', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const by = 'rep.one@example.com';
        expect(await store.editDraft('drf_1', { subject: 'New subject', html: null, sendAt: at(2 * HOUR_MS) }, by, at(5))).toBe(true);
        expect(await store.getDraft('drf_1')).toEqual(
          aDraft({ subject: 'New subject', html: null, sendAt: at(2 * HOUR_MS), editedBy: by, editedAt: at(5) }),
        );
        expect(await store.editDraft('drf_1', { text: 'New text' }, by, at(6))).toBe(true);
        expect((await store.getDraft('drf_1'))?.text).toBe('New text');
        expect((await store.getDraft('drf_1'))?.subject).toBe('New subject');

        await store.rejectDraft('drf_1', { by, at: at(7), reason: 'no' });
        expect(await store.editDraft('drf_1', { subject: 'Too late' }, by, at(8))).toBe(false);
        expect((await store.getDraft('drf_1'))?.subject).toBe('New subject');
        expect(await store.editDraft('nope', { subject: 'x' }, by, at(8))).toBe(false);
      });

      it('remembers that the rep set the send time by hand', async () => {
        await seed();
        await store.insertDraft(aDraft());
        expect(await store.editDraft('drf_1', { sendAt: at(3 * HOUR_MS), sendAtByRep: true }, 'rep', at(5))).toBe(true);
        expect((await store.getDraft('drf_1'))?.sendAtByRep).toBe(true);
        expect(await store.editDraft('drf_1', { sendAt: at(4 * HOUR_MS), sendAtByRep: false }, 'rep', at(6))).toBe(true);
        expect((await store.getDraft('drf_1'))?.sendAtByRep).toBe(false);
      });

      it('withdraws a pending or approved draft with its queued email, never a sent one', async () => {
        await seed();
        await store.insertDraft(aDraft({ id: 'd1', reasonKey: 'k1' }));
        await store.insertDraft(aDraft({ id: 'd2', reasonKey: 'k2' }));
        await store.insertDraft(aDraft({ id: 'd3', reasonKey: 'k3' }));
        await store.approveDraft('d2', { by: 'rep', at: T0, outbox: anOutboxItem({ id: 'o2', draftId: 'd2', messageId: '<o2@example.com>' }) });
        await store.approveDraft('d3', { by: 'rep', at: T0, outbox: anOutboxItem({ id: 'o3', draftId: 'd3', messageId: '<o3@example.com>' }) });
        await store.markOutboxSent('o3', { at: T0 });

        expect(await store.withdrawDraft('d1', { reason: 'Linda replied' })).toBe(true);
        expect(await store.getDraft('d1')).toEqual(aDraft({ id: 'd1', reasonKey: 'k1', status: 'cancelled', cancelledReason: 'Linda replied' }));
        expect(await store.withdrawDraft('d2', { reason: 'held' })).toBe(true);
        expect((await store.getDraft('d2'))?.status).toBe('cancelled');
        expect(await store.getOutbox('o2')).toMatchObject({ status: 'withdrawn', lastError: 'held' });
        expect(await store.withdrawDraft('d3', { reason: 'too late' })).toBe(false);
        expect((await store.getOutbox('o3'))?.status).toBe('sent');
        expect(await store.withdrawDraft('d1', { reason: 'again' })).toBe(false);
        expect((await store.getDraft('d1'))?.cancelledReason).toBe('Linda replied');
      });

      it('words a waiting draft and its queued email again, not as the rep\'s edit, never a sent one', async () => {
        await seed();
        await store.insertDraft(aDraft({ id: 'd1', reasonKey: 'k1' }));
        await store.insertDraft(aDraft({ id: 'd2', reasonKey: 'k2' }));
        await store.insertDraft(aDraft({ id: 'd3', reasonKey: 'k3' }));
        await store.approveDraft('d2', { by: 'rep', at: T0, outbox: anOutboxItem({ id: 'o2', draftId: 'd2', messageId: '<o2@example.com>', notBefore: T0 }) });
        await store.approveDraft('d3', { by: 'rep', at: T0, outbox: anOutboxItem({ id: 'o3', draftId: 'd3', messageId: '<o3@example.com>' }) });
        await store.markOutboxSent('o3', { at: T0 });
        const words = { subject: 'Another day to connect?', text: 'Is there another day in the next few days we can connect?\n' };

        expect(await store.rewordDraft('d1', words)).toBe(true);
        expect(await store.getDraft('d1')).toEqual(aDraft({ id: 'd1', reasonKey: 'k1', ...words }));
        // Claimed for sending: the row about to go out takes the words too.
        expect((await store.claimOutbox({ owner: 'w1', now: at(HOUR_MS), limit: 5 })).map((o) => o.id)).toEqual(['o2']);
        expect(await store.rewordDraft('d2', words)).toBe(true);
        expect(await store.getDraft('d2')).toMatchObject({ ...words, status: 'approved', editedBy: null, editedAt: null });
        expect(await store.getOutbox('o2')).toMatchObject({ ...words, status: 'sending' });
        const sentBefore = await store.getOutbox('o3');
        expect(await store.rewordDraft('d3', words)).toBe(false);
        expect(await store.getOutbox('o3')).toEqual(sentBefore);
      });

      it('withdraws an email claimed for sending but not yet sent, and leaves the other drafts alone', async () => {
        await seed();
        await store.insertDraft(aDraft({ id: 'd1', reasonKey: 'k1' }));
        await store.insertDraft(aDraft({ id: 'd2', reasonKey: 'k2' }));
        await store.approveDraft('d1', { by: 'rep', at: T0, outbox: anOutboxItem({ id: 'o1', draftId: 'd1', messageId: '<o1@example.com>', notBefore: T0 }) });
        expect((await store.claimOutbox({ owner: 'w1', now: at(HOUR_MS), limit: 5 })).map((o) => o.id)).toEqual(['o1']);
        expect(await store.withdrawDraft('d1', { reason: 'Linda replied' })).toBe(true);
        expect(await store.getOutbox('o1')).toMatchObject({ status: 'withdrawn', lastError: 'Linda replied' });
        expect((await store.getDraft('d2'))?.status).toBe('pending');
        expect(await store.claimOutbox({ owner: 'w1', now: at(2 * HOUR_MS), limit: 5 })).toEqual([]);
      });

      it('approves a pending draft and enqueues its outbox row in one step', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const outbox = anOutboxItem({ draftId: 'drf_1', notBefore: at(HOUR_MS) });
        const item = await store.approveDraft('drf_1', { by: 'rep.one@example.com', at: at(10), outbox });
        expect(item).toEqual(outbox);
        expect(await store.getOutbox('out_1')).toEqual(outbox);
        expect(await store.getDraft('drf_1')).toEqual(
          aDraft({ status: 'approved', approvedBy: 'rep.one@example.com', approvedAt: at(10) }),
        );
      });

      it('approving twice returns null the second time and enqueues one row', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const first = await store.approveDraft('drf_1', { by: 'a', at: at(1), outbox: anOutboxItem({ draftId: 'drf_1' }) });
        const second = await store.approveDraft('drf_1', {
          by: 'b',
          at: at(2),
          outbox: anOutboxItem({ id: 'out_2', draftId: 'drf_1', messageId: '<out-2@example.com>' }),
        });
        expect(first).not.toBeNull();
        expect(second).toBeNull();
        expect(await store.listOutbox({})).toHaveLength(1);
        expect(await store.getDraft('drf_1')).toMatchObject({ status: 'approved', approvedBy: 'a', approvedAt: at(1) });
      });

      it('concurrent approvals: exactly one wins and one row is enqueued', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) =>
            store.approveDraft('drf_1', {
              by: `approver_${i}`,
              at: at(i),
              outbox: anOutboxItem({ id: `out_${i}`, draftId: 'drf_1', messageId: `<out-${i}@example.com>` }),
            }),
          ),
        );
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const outbox = await store.listOutbox({});
        expect(outbox).toHaveLength(1);
        expect(outbox[0]?.id).toBe(results.find((r) => r !== null)?.id);
      });

      it('does not approve a draft that is not pending, or unknown', async () => {
        await seed();
        await store.insertDraft(aDraft({ status: 'rejected' }));
        expect(await store.approveDraft('drf_1', { by: 'a', at: T0, outbox: anOutboxItem({ draftId: 'drf_1' }) })).toBeNull();
        expect(await store.approveDraft('nope', { by: 'a', at: T0, outbox: anOutboxItem({ draftId: 'nope' }) })).toBeNull();
        expect(await store.listOutbox({})).toEqual([]);
        expect((await store.getDraft('drf_1'))?.status).toBe('rejected');
      });

      it('rolls the approval back when the outbox row cannot be inserted', async () => {
        await seed();
        await store.insertDraft(aDraft());
        await store.enqueueOutbox(anOutboxItem({ id: 'out_0', messageId: '<taken@example.com>' }));
        await expect(
          store.approveDraft('drf_1', {
            by: 'a',
            at: T0,
            outbox: anOutboxItem({ draftId: 'drf_1', messageId: '<taken@example.com>' }),
          }),
        ).rejects.toThrow();
        expect(await store.getDraft('drf_1')).toEqual(aDraft());
        expect(await store.getOutbox('out_1')).toBeNull();
      });

      it('rejects a pending draft only', async () => {
        await seed();
        await store.insertDraft(aDraft());
        expect(await store.rejectDraft('drf_1', { by: 'rep', at: T0, reason: 'Wrong tone' })).toBe(true);
        expect(await store.getDraft('drf_1')).toEqual(aDraft({ status: 'rejected', rejectedReason: 'Wrong tone', rejectedBy: 'rep', rejectedAt: T0 }));
        expect(await store.rejectDraft('drf_1', { by: 'rep', at: T0, reason: 'again' })).toBe(false);
        expect((await store.getDraft('drf_1'))?.rejectedReason).toBe('Wrong tone');

        await store.insertDraft(aDraft({ id: 'drf_2', reasonKey: 'k2' }));
        await store.approveDraft('drf_2', { by: 'rep', at: T0, outbox: anOutboxItem({ draftId: 'drf_2' }) });
        expect(await store.rejectDraft('drf_2', { by: 'rep', at: T0, reason: 'late' })).toBe(false);
        expect((await store.getDraft('drf_2'))?.status).toBe('approved');
      });

      it('cancels pending drafts of one prospect, optionally by template', async () => {
        await seed();
        await store.insertDraft(aDraft({ id: 'd1', reasonKey: 'k1', template: 'missed-nudge-1' }));
        await store.insertDraft(aDraft({ id: 'd2', reasonKey: 'k2', template: 'follow-up' }));
        await store.insertDraft(aDraft({ id: 'd3', reasonKey: 'k3', template: 'missed-nudge-2' }));
        await store.insertDraft(aDraft({ id: 'd4', reasonKey: 'k4', template: 'missed-nudge-1', status: 'approved' }));
        await store.insertDraft(aDraft({ id: 'd5', reasonKey: 'k5', template: 'missed-nudge-1', prospectId: 'pro_2' }));

        expect(await store.cancelPendingDrafts('pro_1', { reason: 'replied', templates: [] })).toEqual([]);
        const byTemplate = await store.cancelPendingDrafts('pro_1', { reason: 'replied', templates: ['missed-nudge-1', 'missed-nudge-2'] });
        expect(byTemplate.sort()).toEqual(['d1', 'd3']);
        expect((await store.cancelPendingDrafts('pro_1', { reason: 'opted out' })).sort()).toEqual(['d2']);
        expect(await store.cancelPendingDrafts('pro_1', { reason: 'again' })).toEqual([]);

        const status = async (id: string) => (await store.getDraft(id))?.status;
        expect(await status('d1')).toBe('cancelled');
        expect(await status('d2')).toBe('cancelled');
        expect((await store.getDraft('d1'))?.cancelledReason).toBe('replied');
        expect((await store.getDraft('d2'))?.cancelledReason).toBe('opted out');
        expect((await store.getDraft('d5'))?.cancelledReason).toBeNull();
        expect(await status('d4')).toBe('approved');
        expect(await status('d5')).toBe('pending');
      });
    });

    describe('outbox', () => {
      it('enqueues once: a repeated id, draftId or messageId is refused', async () => {
        await seed();
        await store.insertDraft(aDraft());
        const item = anOutboxItem({
          draftId: 'drf_1',
          html: '<p>x</p>',
          thread: { threadId: 't', inReplyTo: '<a@x>', references: ['<a@x>'], subject: 'S', replyToProviderId: 'p' },
          attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: 'X', method: null }],
        });
        expect(await store.enqueueOutbox(item)).toBe(true);
        expect(await store.getOutbox('out_1')).toEqual(item);
        expect(await store.enqueueOutbox({ ...item, messageId: '<other@x>', draftId: null })).toBe(false);
        expect(await store.enqueueOutbox({ ...item, id: 'out_2', draftId: null })).toBe(false);
        expect(await store.enqueueOutbox({ ...item, id: 'out_3', messageId: '<other@x>' })).toBe(false);
        expect(await store.enqueueOutbox(anOutboxItem({ id: 'out_4', messageId: '<4@x>' }))).toBe(true);
        expect(await store.enqueueOutbox(anOutboxItem({ id: 'out_5', messageId: '<5@x>' }))).toBe(true);
        expect(await store.listOutbox({})).toHaveLength(3);
        expect(await store.getOutbox('nope')).toBeNull();
      });

      it('lists by status, account and prospect', async () => {
        await store.enqueueOutbox(anOutboxItem({ id: 'o1', messageId: '<1@x>' }));
        await store.enqueueOutbox(anOutboxItem({ id: 'o2', messageId: '<2@x>', status: 'failed', createdAt: at(1) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'o3', messageId: '<3@x>', accountId: 'acc_2', prospectId: null }));
        const ids = async (filter: Parameters<Store['listOutbox']>[0]) => (await store.listOutbox(filter)).map((o) => o.id).sort();
        expect(await ids({ status: 'approved' })).toEqual(['o1', 'o3']);
        expect(await ids({ status: ['failed', 'sent'] })).toEqual(['o2']);
        expect(await ids({ accountId: 'acc_1' })).toEqual(['o1', 'o2']);
        expect(await ids({ prospectId: 'pro_1' })).toEqual(['o1', 'o2']);
      });

      it('claims due approved items, oldest first, up to the limit, once', async () => {
        await store.enqueueOutbox(anOutboxItem({ id: 'late', messageId: '<l@x>', notBefore: at(1) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'b', messageId: '<b@x>', notBefore: at(-MINUTE_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'a', messageId: '<a@x>', notBefore: at(-HOUR_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'c', messageId: '<c@x>', notBefore: T0 }));
        await store.enqueueOutbox(anOutboxItem({ id: 'f', messageId: '<f@x>', notBefore: at(-DAY_MS), status: 'failed' }));

        const first = await store.claimOutbox({ now: T0, owner: 'w1', limit: 2 });
        expect(first.map((o) => o.id)).toEqual(['a', 'b']);
        for (const item of first) expect(item).toMatchObject({ status: 'sending', attempts: 1 });
        const second = await store.claimOutbox({ now: T0, owner: 'w1', limit: 10 });
        expect(second.map((o) => o.id)).toEqual(['c']);
        expect(await store.claimOutbox({ now: T0, owner: 'w2', limit: 10 })).toEqual([]);
        expect(await store.claimOutbox({ now: at(1), owner: 'w2', limit: 0 })).toEqual([]);
        expect((await store.claimOutbox({ now: at(1), owner: 'w2', limit: 10 })).map((o) => o.id)).toEqual(['late']);
        expect((await store.getOutbox('a'))?.status).toBe('sending');
        expect((await store.getOutbox('f'))?.status).toBe('failed');
      });

      it('claims only one account\'s items when asked (a per-account send job), still once', async () => {
        await store.upsertAccount(anAccount({ id: 'acc_2', email: 'other@example.com' }));
        await store.upsertProspect(aProspect({ id: 'pro_2', accountId: 'acc_2', email: 'b@x.example' }));
        await store.enqueueOutbox(anOutboxItem({ id: 'mine', messageId: '<m@x>', notBefore: at(-HOUR_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'theirs', messageId: '<t@x>', accountId: 'acc_2', prospectId: 'pro_2', to: 'b@x.example', notBefore: at(-2 * HOUR_MS) }));
        expect((await store.claimOutbox({ now: T0, owner: 'w1', limit: 10, accountId: 'acc_2' })).map((o) => o.id)).toEqual(['theirs']);
        expect(await store.claimOutbox({ now: T0, owner: 'w2', limit: 10, accountId: 'acc_2' })).toEqual([]);
        expect((await store.claimOutbox({ now: T0, owner: 'w2', limit: 10 })).map((o) => o.id)).toEqual(['mine']);
      });

      it('lists items stuck in sending, claimed before an instant', async () => {
        await store.enqueueOutbox(anOutboxItem({ id: 'old', messageId: '<o@x>', notBefore: at(-2 * HOUR_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'new', messageId: '<n@x>', notBefore: at(-HOUR_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'idle', messageId: '<i@x>', notBefore: at(HOUR_MS) }));
        await store.claimOutbox({ now: at(-30 * MINUTE_MS), owner: 'dead', limit: 1 });
        await store.claimOutbox({ now: T0, owner: 'alive', limit: 1 });
        expect((await store.listStuckSending(at(-10 * MINUTE_MS))).map((o) => o.id)).toEqual(['old']);
        expect((await store.listStuckSending(at(1))).map((o) => o.id)).toEqual(['old', 'new']);
        expect(await store.listStuckSending(at(-30 * MINUTE_MS))).toEqual([]);
      });

      it('marks an item sent, with its draft, keeping the provider ids', async () => {
        await seed();
        await store.insertDraft(aDraft());
        await store.approveDraft('drf_1', { by: 'rep', at: T0, outbox: anOutboxItem({ draftId: 'drf_1' }) });
        await store.claimOutbox({ now: T0, owner: 'w', limit: 1 });
        await store.markOutboxSent('out_1', { at: at(1234), providerMessageId: 'gm_sent_1', threadId: 'thr_9' });
        const item = await store.getOutbox('out_1');
        expect(item).toMatchObject({ status: 'sent', sentAt: at(1234), providerMessageId: 'gm_sent_1', attempts: 1 });
        expect(item?.thread.threadId).toBe('thr_9');
        expect((await store.getDraft('drf_1'))?.status).toBe('sent');

        await store.enqueueOutbox(anOutboxItem({ id: 'solo', messageId: '<solo@x>' }));
        await store.markOutboxSent('solo', { at: T0 });
        expect(await store.getOutbox('solo')).toMatchObject({ status: 'sent', sentAt: T0, providerMessageId: null });
      });

      it('retries: back to approved with a notBefore and the error, claimable again then', async () => {
        await store.enqueueOutbox(anOutboxItem());
        await store.claimOutbox({ now: T0, owner: 'w', limit: 1 });
        await store.markOutboxRetry('out_1', { notBefore: at(5 * MINUTE_MS), error: 'rate limited' });
        expect(await store.getOutbox('out_1')).toMatchObject({ status: 'approved', notBefore: at(5 * MINUTE_MS), lastError: 'rate limited' });
        expect(await store.claimOutbox({ now: at(5 * MINUTE_MS - 1), owner: 'w', limit: 5 })).toEqual([]);
        const again = await store.claimOutbox({ now: at(5 * MINUTE_MS), owner: 'w', limit: 5 });
        expect(again).toHaveLength(1);
        expect(again[0]?.attempts).toBe(2);
      });

      it('marks failed or uncertain with the reason, but never reopens a sent item', async () => {
        await store.enqueueOutbox(anOutboxItem({ id: 'o1', messageId: '<1@x>' }));
        await store.enqueueOutbox(anOutboxItem({ id: 'o2', messageId: '<2@x>' }));
        await store.markOutboxFailed('o1', { status: 'failed', error: 'mailbox does not exist' });
        await store.markOutboxFailed('o2', { status: 'uncertain', error: 'timeout after send' });
        expect(await store.getOutbox('o1')).toMatchObject({ status: 'failed', lastError: 'mailbox does not exist' });
        expect(await store.getOutbox('o2')).toMatchObject({ status: 'uncertain', lastError: 'timeout after send' });
        expect(await store.claimOutbox({ now: at(DAY_MS), owner: 'w', limit: 5 })).toEqual([]);

        await store.enqueueOutbox(anOutboxItem({ id: 'o3', messageId: '<3@x>' }));
        await store.markOutboxSent('o3', { at: T0 });
        await store.markOutboxRetry('o3', { notBefore: T0, error: 'late retry' });
        await store.markOutboxFailed('o3', { status: 'failed', error: 'late failure' });
        expect(await store.getOutbox('o3')).toMatchObject({ status: 'sent', lastError: null });
      });

      it('counts emails sent or being sent to a prospect since an instant', async () => {
        const since = at(-7 * DAY_MS);
        await store.enqueueOutbox(anOutboxItem({ id: 'old', messageId: '<old@x>', notBefore: at(-8 * DAY_MS) }));
        await store.claimOutbox({ now: at(-8 * DAY_MS), owner: 'w', limit: 1 });
        await store.markOutboxSent('old', { at: at(-7 * DAY_MS - 1) });
        await store.enqueueOutbox(anOutboxItem({ id: 'edge', messageId: '<edge@x>' }));
        await store.markOutboxSent('edge', { at: since });
        await store.enqueueOutbox(anOutboxItem({ id: 'sending', messageId: '<s@x>', notBefore: at(-DAY_MS) }));
        await store.claimOutbox({ now: at(-DAY_MS), owner: 'w', limit: 1 });
        await store.enqueueOutbox(anOutboxItem({ id: 'queued', messageId: '<q@x>', notBefore: at(HOUR_MS) }));
        await store.enqueueOutbox(anOutboxItem({ id: 'failed', messageId: '<f@x>' }));
        await store.markOutboxFailed('failed', { status: 'failed', error: 'x' });
        await store.enqueueOutbox(anOutboxItem({ id: 'other', messageId: '<o@x>', prospectId: 'pro_2' }));
        await store.markOutboxSent('other', { at: T0 });

        expect(await store.countOutboxSince('pro_1', since)).toBe(2);
        expect(await store.countOutboxSince('pro_1', at(1))).toBe(0);
        expect(await store.countOutboxSince('pro_2', since)).toBe(1);
        expect(await store.countOutboxSince('pro_9', since)).toBe(0);
      });

      it('two stores claiming the same items: each item is claimed exactly once', async () => {
        const second = await openAnother();
        const total = 40;
        for (let i = 0; i < total; i++) {
          await store.enqueueOutbox(
            anOutboxItem({ id: `o${String(i).padStart(2, '0')}`, messageId: `<${i}@x>`, notBefore: at(-i * 1000) }),
          );
        }
        const drain = async (s: Store, owner: string, limit: number): Promise<OutboxItem[]> => {
          const claimed: OutboxItem[] = [];
          for (let round = 0; round < 100; round++) {
            const batch = await s.claimOutbox({ now: T0, owner, limit });
            if (batch.length === 0) break;
            claimed.push(...batch);
          }
          return claimed;
        };
        const results = await Promise.all([
          // Same limit for two claimers: both read the same candidates, then race for each row.
          store.claimOutbox({ now: T0, owner: 'w1', limit: total }),
          second.claimOutbox({ now: T0, owner: 'w2', limit: total }),
          drain(store, 'w3', 3),
          drain(second, 'w4', 2),
        ]);
        const ids = results.flat().map((o) => o.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(Array.from({ length: total }, (_, i) => `o${String(i).padStart(2, '0')}`));
        for (const item of results.flat()) expect(item.attempts).toBe(1);
        const stored = await store.listOutbox({});
        expect(stored.every((o) => o.status === 'sending' && o.attempts === 1)).toBe(true);
      });
    });

    describe('sync cursors', () => {
      it('saves, overwrites, reads and lists cursors', async () => {
        expect(await store.getCursor('acc_1', 'mailbox')).toBeNull();
        await store.saveCursor(aCursor());
        await store.saveCursor(aCursor({ key: 'mailbox', cursor: null, lastSuccessAt: null, lastAttemptAt: null }));
        await store.saveCursor(aCursor({ accountId: 'acc_2' }));
        expect(await store.getCursor('acc_1', 'calendar:cal_1')).toEqual(aCursor());
        const failing = aCursor({ cursor: 'sync-token-2', lastError: 'rate limited', notBefore: at(MINUTE_MS + 1) });
        await store.saveCursor(failing);
        expect(await store.getCursor('acc_1', 'calendar:cal_1')).toEqual(failing);
        expect((await store.listCursors('acc_1')).map((c) => c.key)).toEqual(['calendar:cal_1', 'mailbox']);
        expect(await store.listCursors()).toHaveLength(3);
      });

      it('saves several cursors at once, inserting new ones and overwriting every field of old ones', async () => {
        await store.saveCursors([]);
        expect(await store.listCursors()).toEqual([]);
        await store.saveCursor(aCursor({ cursor: 'old', lastError: 'old error', notBefore: at(5) }));
        const calendar = aCursor({ cursor: 'sync-token-3', lastSuccessAt: at(2), lastAttemptAt: at(2), lastError: null, notBefore: null });
        const mailbox = aCursor({ key: 'mailbox', cursor: '5018', lastSuccessAt: null, lastAttemptAt: at(2), lastError: 'rate limited', notBefore: at(MINUTE_MS) });
        await store.saveCursors([calendar, mailbox]);
        expect(await store.listCursors('acc_1')).toEqual([calendar, mailbox]);
        // The same shape again (compiled once), other values.
        const later = [aCursor({ cursor: 'sync-token-4', lastSuccessAt: at(3), lastAttemptAt: at(3) }), aCursor({ key: 'mailbox', cursor: '5020', lastSuccessAt: at(3), lastAttemptAt: at(3), lastError: null, notBefore: null })];
        await store.saveCursors(later);
        expect(await store.listCursors('acc_1')).toEqual(later);
      });
    });

    describe('suppressions', () => {
      it('suppresses an address case-insensitively, keeping the first reason', async () => {
        expect(await store.isSuppressed('linda@customer.example')).toBe(false);
        await store.addSuppression({ email: 'Linda@Customer.Example', reason: 'opt-out reply', at: T0 });
        await store.addSuppression({ email: 'LINDA@customer.example', reason: 'bounce', at: at(1) });
        await store.addSuppression({ email: 'bob@customer.example', reason: 'bounce', at: at(-1) });
        expect(await store.isSuppressed('linda@CUSTOMER.example')).toBe(true);
        expect(await store.isSuppressed('linda2@customer.example')).toBe(false);
        expect(await store.listSuppressions()).toEqual([
          { email: 'bob@customer.example', reason: 'bounce', at: at(-1) },
          { email: 'linda@customer.example', reason: 'opt-out reply', at: T0 },
        ]);
      });
    });

    describe('prevention (issue 15): further addresses, next steps, call holds, lifted suppressions', () => {
      it('a prospect is found by any of its addresses, the primary one first', async () => {
        await store.upsertAccount(anAccount());
        await store.upsertProspect({ ...aProspect(), emails: ['linda.home@example.org'], phone: '+1 555 0101' });
        const found = await store.findProspectByEmail('Linda.Home@example.org');
        expect(found?.id).toBe(aProspect().id);
        expect(found?.emails).toEqual(['linda.home@example.org']);
        expect(found?.phone).toBe('+1 555 0101');
        expect(await store.findProspectByEmail('linda.homeXexample.org')).toBeNull();
      });

      it('keeps next steps once by id, oldest first', async () => {
        await seed();
        const step = { id: 'ns1', accountId: anAccount().id, prospectId: aProspect().id, what: 'call', due: at(60), source: 'email' as const, messageId: '<m@x>', subject: 'Hi', foundAt: T0 };
        expect(await store.addNextStep(step)).toBe(true);
        expect(await store.addNextStep({ ...step, what: 'other' })).toBe(false);
        await store.addNextStep({ ...step, id: 'ns0', source: 'rep', messageId: null, subject: null, foundAt: at(-5) });
        expect((await store.listNextSteps(aProspect().id)).map((n) => n.id)).toEqual(['ns0', 'ns1']);
        expect((await store.listNextSteps(aProspect().id))[1]).toEqual(step);
      });

      it('saves call holds by uid (insert or replace) and lists them by start', async () => {
        await seed();
        const hold = { uid: 'h2@followup', accountId: anAccount().id, prospectId: aProspect().id, meetingId: 'm1', step: 2, start: at(60), end: at(75), status: 'placed' as const, eventId: 'e2', updatedAt: T0 };
        await store.saveCallHold(hold);
        await store.saveCallHold({ ...hold, uid: 'h1@followup', step: 1, start: at(1), end: at(16) });
        await store.saveCallHold({ ...hold, status: 'removed', updatedAt: at(5) });
        const list = await store.listCallHolds({ prospectId: aProspect().id });
        expect(list.map((h) => [h.uid, h.status])).toEqual([['h1@followup', 'placed'], ['h2@followup', 'removed']]);
        expect(await store.listCallHolds({ prospectId: 'nobody' })).toEqual([]);
      });

      it('lifting a suppression records who, why and what was lifted; lifting nothing records nothing', async () => {
        await store.addSuppression({ email: 'linda@customer.example', reason: 'opt-out reply', at: T0 });
        const removal = await store.removeSuppression('LINDA@customer.example', { id: 'r1', reason: 'she asked to hear from us again', by: 'alex@x.example', at: at(10) });
        expect(removal).toEqual({ id: 'r1', email: 'linda@customer.example', reason: 'she asked to hear from us again', by: 'alex@x.example', at: at(10), was: { email: 'linda@customer.example', reason: 'opt-out reply', at: T0 } });
        expect(await store.isSuppressed('linda@customer.example')).toBe(false);
        expect(await store.removeSuppression('linda@customer.example', { id: 'r2', reason: 'again', by: 'alex@x.example', at: at(11) })).toBeNull();
        expect(await store.listSuppressionRemovals()).toEqual([removal]);
      });
    });

    describe('bookings', () => {
      it('inserts once by id, updates and lists', async () => {
        expect(await store.insertBooking(aBooking())).toBe(true);
        expect(await store.insertBooking(aBooking({ status: 'booked' }))).toBe(false);
        expect(await store.getBooking('bkg_1')).toEqual(aBooking());
        expect(await store.getBooking('nope')).toBeNull();

        await store.updateBooking('bkg_1', { status: 'booked', eventId: 'evt_9' });
        expect(await store.getBooking('bkg_1')).toEqual(aBooking({ status: 'booked', eventId: 'evt_9' }));
        await store.updateBooking('bkg_1', { status: 'failed', error: 'calendar refused' });
        expect(await store.getBooking('bkg_1')).toEqual(aBooking({ status: 'failed', eventId: 'evt_9', error: 'calendar refused' }));

        await store.insertBooking(aBooking({ id: 'bkg_0', createdAt: at(-1) }));
        await store.insertBooking(aBooking({ id: 'bkg_x', prospectId: 'pro_2' }));
        expect((await store.listBookings('pro_1')).map((b) => b.id)).toEqual(['bkg_0', 'bkg_1']);
      });
    });

    describe('slot offers', () => {
      it('returns the latest offer of a prospect with its slots as Dates', async () => {
        expect(await store.latestSlotOffer('pro_1')).toBeNull();
        await store.saveSlotOffer(aSlotOffer());
        await store.saveSlotOffer(aSlotOffer({ id: 'slo_0', createdAt: at(-DAY_MS) }));
        await store.saveSlotOffer(aSlotOffer({ id: 'slo_other', prospectId: 'pro_2', createdAt: at(DAY_MS) }));
        const latest = await store.latestSlotOffer('pro_1');
        expect(latest).toEqual(aSlotOffer());
        expect(latest?.slots[1]?.start).toBeInstanceOf(Date);
        const newer = aSlotOffer({ id: 'slo_2', createdAt: at(1), slots: [{ start: at(3 * DAY_MS), end: at(3 * DAY_MS + 1) }] });
        await store.saveSlotOffer(newer);
        expect(await store.latestSlotOffer('pro_1')).toEqual(newer);
      });
    });

    describe('leases', () => {
      it('one holder until expiry, across two stores; renewals; release by the holder only', async () => {
        const other = await openAnother();
        const lease = (s: Store, owner: string, offsetMs: number) =>
          s.acquireLease({ name: 'tick', owner, now: at(offsetMs), ttlMs: 1000 });

        expect(await lease(store, 'A', 0)).toBe(true);
        expect(await lease(other, 'B', 500)).toBe(false);
        expect(await lease(store, 'A', 600)).toBe(true); // renewed until 1600
        expect(await lease(other, 'B', 1200)).toBe(false);
        expect(await lease(other, 'B', 1600)).toBe(true); // expired: taken over
        expect(await lease(store, 'A', 1700)).toBe(false);

        await store.releaseLease({ name: 'tick', owner: 'A' }); // not A's any more: no effect
        expect(await lease(store, 'A', 1800)).toBe(false);
        await other.releaseLease({ name: 'tick', owner: 'B' });
        expect(await lease(store, 'A', 1900)).toBe(true);
        expect(await store.acquireLease({ name: 'other-lease', owner: 'B', now: at(1900), ttlMs: 1000 })).toBe(true);
      });

      it('concurrent acquisitions from two stores: exactly one wins', async () => {
        const other = await openAnother();
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            (i % 2 ? other : store).acquireLease({ name: 'tick', owner: `w${i}`, now: T0, ttlMs: 60_000 }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('single-use tokens', () => {
      it('consumes a key once, across two stores, even when raced', async () => {
        const other = await openAnother();
        const expires = at(60_000);
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).consumeOnce('magic:abc', expires)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.consumeOnce('magic:abc', expires)).toBe(false);
        expect(await other.consumeOnce('magic:def', expires)).toBe(true);
      });
    });

    describe('web sessions', () => {
      it('a session ended by one store is ended for another; an account\'s sessions end together; expiry counts', async () => {
        const other = await openAnother();
        await store.startSession({ sid: 'sid-a-1', accountId: 'acc_1', expiresAt: at(60_000) });
        await store.startSession({ sid: 'sid-a-2', accountId: 'acc_1', expiresAt: at(60_000) });
        await store.startSession({ sid: 'sid-b-1', accountId: 'acc_2', expiresAt: at(60_000) });
        expect(await other.isSessionLive('sid-a-1', T0)).toBe(true);
        expect(await other.isSessionLive('sid-unknown', T0)).toBe(false);
        expect(await store.isSessionLive('sid-a-1', at(60_000))).toBe(false); // expired
        await other.endSession('sid-a-1', T0);
        expect(await store.isSessionLive('sid-a-1', T0)).toBe(false);
        expect(await store.endAccountSessions('acc_1', T0)).toBe(1);
        expect(await other.isSessionLive('sid-a-2', T0)).toBe(false);
        expect(await other.isSessionLive('sid-b-1', T0)).toBe(true);
      });

      it('lists the live sessions (of one account or all), soonest expiry first, as every store sees them', async () => {
        const other = await openAnother();
        await store.startSession({ sid: 'sid-l-2', accountId: 'acc_1', expiresAt: at(120_000) });
        await store.startSession({ sid: 'sid-l-1', accountId: 'acc_1', expiresAt: at(60_000) });
        await store.startSession({ sid: 'sid-l-3', accountId: 'acc_2', expiresAt: at(90_000) });
        await store.startSession({ sid: 'sid-l-4', accountId: 'acc_2', expiresAt: at(90_000) });
        await store.endSession('sid-l-4', T0);
        expect(await other.listLiveSessions(T0)).toEqual([
          { sid: 'sid-l-1', accountId: 'acc_1', expiresAt: at(60_000) },
          { sid: 'sid-l-3', accountId: 'acc_2', expiresAt: at(90_000) },
          { sid: 'sid-l-2', accountId: 'acc_1', expiresAt: at(120_000) },
        ]);
        expect((await other.listLiveSessions(T0, 'acc_1')).map((s) => s.sid)).toEqual(['sid-l-1', 'sid-l-2']);
        expect((await other.listLiveSessions(at(60_000))).map((s) => s.sid)).toEqual(['sid-l-3', 'sid-l-2']); // expired ones drop out
        await other.endAccountSessions('acc_1', T0);
        expect((await store.listLiveSessions(T0)).map((s) => s.sid)).toEqual(['sid-l-3']);
      });
    });

    describe('rate-limit counters', () => {
      it('counts hits per key atomically across two stores', async () => {
        const other = await openAnother();
        const expires = at(60_000);
        const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).countHit('ip:1:0', expires)));
        expect([...counts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(await store.countHit('ip:2:0', expires)).toBe(1);
      });

      it('purgeExpired forgets expired counters and spent keys, and keeps live ones', async () => {
        await store.countHit('old', at(-1));
        await store.countHit('live', at(60_000));
        await store.consumeOnce('spent-old', at(-1));
        await store.consumeOnce('spent-live', at(60_000));
        expect(await store.purgeExpired(at(0))).toEqual({ tokens: 1, rateLimits: 1 });
        expect(await store.countHit('old', at(60_000))).toBe(1);
        expect(await store.countHit('live', at(60_000))).toBe(2);
        expect(await store.consumeOnce('spent-old', at(60_000))).toBe(true);
        expect(await store.consumeOnce('spent-live', at(60_000))).toBe(false);
        expect(await store.purgeExpired(at(0))).toEqual({ tokens: 0, rateLimits: 0 });
      });
    });

    describe('transactions', () => {
      it('commits everything fn did and returns its value', async () => {
        await seed();
        const value = await store.transaction(async (tx) => {
          await tx.addAttempt(anAttempt({ id: 'a1' }));
          await tx.insertDraft(aDraft());
          await tx.transaction(async (nested) => nested.addAttempt(anAttempt({ id: 'a2' })));
          expect(await tx.getDraft('drf_1')).toEqual(aDraft());
          return 42;
        });
        expect(value).toBe(42);
        expect((await store.listAttempts('pro_1')).map((a) => a.id)).toEqual(['a1', 'a2']);
        expect(await store.getDraft('drf_1')).toEqual(aDraft());
      });

      it('rolls everything back when fn throws', async () => {
        await seed();
        await expect(
          store.transaction(async (tx) => {
            await tx.addAttempt(anAttempt({ id: 'a1' }));
            await tx.insertDraft(aDraft());
            await tx.setProspectStatus('pro_1', { status: 'closed' });
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.listAttempts('pro_1')).toEqual([]);
        expect(await store.getDraft('drf_1')).toBeNull();
        expect((await store.getProspect('pro_1'))?.status).toBe('open');
      });
    });
  });
}
