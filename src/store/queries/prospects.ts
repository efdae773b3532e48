import type { NextStep, Prospect } from '../../domain/types.js';
import type { ProspectStore } from '../../ports/store.js';
import { emailKey, fromIsoOrNull, fromJson, fromJsonOrNull, reviveDate, toIso, toIsoOrNull, toJson } from '../codec.js';
import type { ProspectsTable } from '../schema.js';
import type { QueryContext } from './query-context.js';

export function prospectToRow(p: Prospect): ProspectsTable {
  return {
    id: p.id,
    account_id: p.accountId,
    email: p.email,
    email_lower: emailKey(p.email),
    name: p.name,
    company: p.company ?? null,
    time_zone: p.timeZone,
    country: p.country ?? null,
    hot_button: p.hotButton ?? null,
    material_sent_json: toJson(p.materialSent),
    next_step_json: p.nextStep ? toJson({ what: p.nextStep.what, due: toIso(p.nextStep.due) }) : null,
    status: p.status,
    paused_until: toIsoOrNull(p.pausedUntil),
    status_reason: p.statusReason ?? null,
    emails_json: p.emails && p.emails.length > 0 ? toJson(p.emails) : null,
    phone: p.phone ?? null,
  };
}

export function rowToProspect(r: ProspectsTable): Prospect {
  const nextStep = fromJsonOrNull<{ what: string; due: unknown }>(r.next_step_json, 'prospects.next_step_json');
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    name: r.name,
    company: r.company,
    timeZone: r.time_zone,
    country: r.country,
    hotButton: r.hot_button,
    materialSent: fromJson<string[]>(r.material_sent_json, 'prospects.material_sent_json'),
    nextStep: nextStep ? ({ what: nextStep.what, due: reviveDate(nextStep.due, 'prospects.next_step_json.due') } satisfies NextStep) : null,
    status: r.status as Prospect['status'],
    pausedUntil: fromIsoOrNull(r.paused_until),
    statusReason: r.status_reason,
    // Present only when set (issue 15), so prospects without them read back exactly as before.
    ...(r.emails_json ? { emails: fromJson<string[]>(r.emails_json, 'prospects.emails_json') } : {}),
    ...(r.phone ? { phone: r.phone } : {}),
  };
}

/** The patch of setProspectStatus as columns: fields left undefined keep their value; null clears them. */
export function prospectStatusPatch(patch: Parameters<ProspectStore['setProspectStatus']>[1]): Partial<ProspectsTable> {
  const set: Partial<ProspectsTable> = { status: patch.status };
  if (patch.pausedUntil !== undefined) set.paused_until = patch.pausedUntil ? toIso(patch.pausedUntil) : null;
  if (patch.statusReason !== undefined) set.status_reason = patch.statusReason;
  return set;
}

export function prospectQueries({ db }: QueryContext): ProspectStore {
  return {
    async upsertProspect(prospect) {
      const row = prospectToRow(prospect);
      const { id: _id, ...update } = row;
      await db
        .insertInto('prospects')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(update))
        .execute();
    },

    async getProspect(id) {
      const row = await db.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToProspect(row) : null;
    },

    /** Without accountId, and with the same person known to several accounts, the first by id wins. */
    async findProspectByEmail(email, accountId) {
      let query = db.selectFrom('prospects').selectAll().where('email_lower', '=', emailKey(email));
      if (accountId !== undefined) query = query.where('account_id', '=', accountId);
      const row = await query.orderBy('id').limit(1).executeTakeFirst();
      if (row) return rowToProspect(row);
      // A further address of a prospect (issue 15) when no prospect has it as the primary one.
      let others = db.selectFrom('prospects').selectAll().where('emails_json', 'like', `%${JSON.stringify(emailKey(email))}%`);
      if (accountId !== undefined) others = others.where('account_id', '=', accountId);
      const found = (await others.orderBy('id').execute()).map(rowToProspect).find((p) => p.emails?.includes(emailKey(email)));
      return found ?? null;
    },

    async listProspects(accountId) {
      let query = db.selectFrom('prospects').selectAll();
      if (accountId !== undefined) query = query.where('account_id', '=', accountId);
      const rows = await query.orderBy('email_lower').orderBy('id').execute();
      return rows.map(rowToProspect);
    },

    async setProspectStatus(id, patch) {
      await db.updateTable('prospects').set(prospectStatusPatch(patch)).where('id', '=', id).execute();
    },
  };
}
