import { readFileSync, statSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { stableId } from '../domain/ids.js';
import type { Prospect } from '../domain/types.js';
import { issueLines, timeZoneSchema } from '../config.js';

/** The rep's prospects list (YAML or JSON): who they sell to and what they promised. */
const zoneSchema = timeZoneSchema('America/New_York');

const isoInstant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date or date-time such as "2026-11-20T15:00:00Z"');

export const prospectEntrySchema = z
  .object({
    email: z.string().email(),
    /** Further addresses of the same person: replies, bounces and opt-outs from any of them count. */
    emails: z.array(z.string().email()).default([]),
    /** Call holds carry it. */
    phone: z.string().min(3).optional(),
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

export interface ProspectsRead {
  prospects: Prospect[];
  /** Entries that were skipped, each naming the file, the entry and what to fix; they are shown
   *  after "prospects file: " in the run summary, so they do not say "Prospects file" again. */
  problems: string[];
  /** The file could not be read at all and no earlier read exists: the prospects already in the
   *  store stand in for the list, and no new drafts are planned until the file is fixed. */
  unreadable?: boolean;
}

/** A prospects file that cannot be read at all: "Prospects file <detail>", detail starting at the path. */
export class ProspectsFileError extends Error {
  override readonly name = 'ProspectsFileError';
  constructor(readonly detail: string) {
    super(`Prospects file ${detail}`);
  }
}

/**
 * Reads the prospects list. A file that is not YAML/JSON or not a list throws (nothing can be
 * read); a bad entry is skipped with a problem that names it, so one typo never stops the
 * follow-ups of every other prospect.
 */
export function parseProspects(text: string, file: string, accountIds: string[]): ProspectsRead {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 10_000 });
  } catch (err) {
    throw new ProspectsFileError(`${file} is not valid YAML or JSON${yamlPosition(err)}: ${firstLine(err)}.`);
  }
  if (data == null) return { prospects: [], problems: [] };
  if (!Array.isArray(data)) throw new ProspectsFileError(`${file} must be a list of prospects (one "- email: ..." entry each).`);
  const defaultAccount = accountIds[0];
  const prospects: Prospect[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  data.forEach((entry: unknown, i) => {
    const email = typeof entry === 'object' && entry && typeof (entry as { email?: unknown }).email === 'string' ? (entry as { email: string }).email : null;
    const label = `entry [${i}]${email ? ` (${email})` : ''}`;
    const parsed = prospectEntrySchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(`${file}, ${label} skipped: ${issueLines(parsed.error.issues).join('; ')}. Fix it; the next run picks it up.`);
      return;
    }
    const p = parsed.data;
    const accountId = p.account ?? defaultAccount;
    if (!accountId || !accountIds.includes(accountId)) {
      problems.push(`${file}, ${label} skipped: account "${p.account}" is not an account id in the config (${accountIds.join(', ')}).`);
      return;
    }
    const id = prospectId(accountId, p.email);
    if (seen.has(id)) {
      problems.push(`${file}, ${label} skipped: ${p.email} is listed twice for account ${accountId}; the first entry is used.`);
      return;
    }
    seen.add(id);
    prospects.push({
      id,
      accountId,
      email: p.email.toLowerCase(),
      ...(p.emails.length > 0 ? { emails: [...new Set(p.emails.map((e) => e.toLowerCase()))].filter((e) => e !== p.email.toLowerCase()) } : {}),
      ...(p.phone ? { phone: p.phone } : {}),
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
    } satisfies Prospect);
  });
  return { prospects, problems };
}

/** " at line L, column C" from the yaml parser's error, when it has a position. */
function yamlPosition(err: unknown): string {
  const pos = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
  return pos ? ` at line ${pos.line}, column ${pos.col}` : '';
}

function firstLine(err: unknown): string {
  return ((err as Error).message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

export function loadProspects(file: string, accountIds: string[]): ProspectsRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ProspectsFileError(`${file} cannot be read; fix "prospects" in the config or create the file.`);
  }
  return parseProspects(text, file, accountIds);
}

/**
 * The prospects file as a long-running worker (`serve`) sees it: read again when it changes, so
 * an edit counts from the next tick without a restart. An edit that cannot be read keeps the last
 * good list and says so.
 */
export class ProspectsSource {
  #version: string | null = null;
  #read: ProspectsRead = { prospects: [], problems: [] };
  #readAt: Date | null = null;

  constructor(
    private readonly file: string | null,
    private readonly accountIds: string[],
  ) {}

  current(): ProspectsRead {
    if (!this.file) return this.#read;
    let version: string;
    try {
      const s = statSync(this.file);
      version = `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      version = 'missing';
    }
    if (version === this.#version) return this.#read;
    try {
      this.#read = loadProspects(this.file, this.accountIds);
      this.#version = version;
      this.#readAt = new Date();
      return this.#read;
    } catch (err) {
      // The summary labels these "prospects file: ", so the message starts at the path.
      const said = err instanceof ProspectsFileError ? err.detail : (err as Error).message;
      if (!this.#readAt) {
        // Nothing read yet (a one-shot run): the rest of the work goes on; approved emails are sent.
        return {
          prospects: [],
          problems: [
            `${said} Fix the file; until then the prospects already known are kept, approved emails are still sent, and no new drafts are planned.`,
          ],
          unreadable: true,
        };
      }
      return {
        prospects: this.#read.prospects,
        problems: [`${said} The list read at ${this.#readAt.toISOString()} is used until the file is fixed.`],
      };
    }
  }
}
