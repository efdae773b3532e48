import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { stableId } from '../domain/ids.js';
import type { Prospect } from '../domain/types.js';
import { describeIssues } from '../config.js';

/** The rep's prospects list (YAML or JSON): who they sell to and what they promised. */
const zoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as "America/New_York"');

const isoInstant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date or date-time such as "2026-11-20T15:00:00Z"');

export const prospectEntrySchema = z
  .object({
    email: z.string().email(),
    name: z.string().min(1),
    company: z.string().optional(),
    timeZone: zoneSchema,
    country: z.string().length(2).optional(),
    /** Which account (rep) owns the prospect; the first account when absent. */
    account: z.string().optional(),
    hotButton: z.string().optional(),
    materialSent: z.array(z.string()).default([]),
    nextStep: z.object({ what: z.string().min(1), due: isoInstant }).strict().optional(),
  })
  .strict();

export function prospectId(accountId: string, email: string): string {
  return stableId('pr', accountId, email.trim().toLowerCase());
}

export function parseProspects(text: string, file: string, accountIds: string[]): Prospect[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new Error(`Prospects file ${file} is not valid YAML or JSON: ${(err as Error).message}`);
  }
  const list = z.array(prospectEntrySchema).safeParse(data ?? []);
  if (!list.success) throw new Error(describeIssues(list.error.issues, file).replace('Config file', 'Prospects file'));
  const defaultAccount = accountIds[0];
  return list.data.map((p, i) => {
    const accountId = p.account ?? defaultAccount;
    if (!accountId || !accountIds.includes(accountId)) {
      throw new Error(`Prospects file ${file}: [${i}].account "${p.account}" is not an account id in the config (${accountIds.join(', ')}).`);
    }
    return {
      id: prospectId(accountId, p.email),
      accountId,
      email: p.email.toLowerCase(),
      name: p.name,
      company: p.company ?? null,
      timeZone: p.timeZone,
      country: p.country ?? null,
      hotButton: p.hotButton ?? null,
      materialSent: p.materialSent,
      nextStep: p.nextStep ? { what: p.nextStep.what, due: new Date(p.nextStep.due) } : null,
      status: 'open',
      pausedUntil: null,
      statusReason: null,
    } satisfies Prospect;
  });
}

export function loadProspects(file: string, accountIds: string[]): Prospect[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`Prospects file ${file} cannot be read; fix "prospects" in the config or create the file.`);
  }
  return parseProspects(text, file, accountIds);
}
