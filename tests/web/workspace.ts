import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';
import { stableId } from '../../src/domain/ids.js';
import type { Attempt, Draft, Prospect } from '../../src/domain/types.js';
import { createLogger } from '../../src/log.js';
import type { OutgoingEmail } from '../../src/ports/providers.js';

export const SECRET = 'test-secret-0123456789abcdefghijklmnopqrstuvwxyz';
/** A Tuesday, 14:00 UTC (09:00 in New York). */
export const NOW = new Date('2025-03-11T14:00:00Z');
export const SCRIPT_REPLY = 'Sure! <script>alert("pwned")</script> <img src=x onerror=alert(1)> Tuesday works.';

export interface Workspace {
  dir: string;
  runtime: Runtime;
  linda: Prospect;
  priya: Prospect;
  bob: Prospect;
  lindaDraft: Draft;
  priyaDraft: Draft;
  bobDraft: Draft;
  sent: { accountId: string; email: OutgoingEmail }[];
  close(): Promise<void>;
}

/**
 * The demo workspace (rep alex) plus a second rep (bea, with prospect Bob) and an admin (ada).
 * Drafts are put in the store directly, so these tests depend on the pages only.
 */
export async function makeWorkspace(input: { env?: Record<string, string>; now?: Date } = {}): Promise<Workspace> {
  const now = input.now ?? NOW;
  const dir = mkdtempSync(join(tmpdir(), 'followup-web-'));
  const configPath = seedLocalWorkspace(dir, buildDemoScenario(now));
  const config = parse(readFileSync(configPath, 'utf8')) as { accounts: Record<string, unknown>[] };
  const local = config.accounts[0]!.local;
  config.accounts.push(
    { id: 'bea', name: 'Bea Quinn', email: 'bea@northwind.example', timeZone: 'Europe/Paris', provider: 'local', local },
    { id: 'ada', name: 'Ada Admin', email: 'ada@northwind.example', timeZone: 'America/New_York', provider: 'local', role: 'admin', local },
  );
  writeFileSync(configPath, stringify(config));
  const prospectsPath = join(dir, 'prospects.yaml');
  const prospects = parse(readFileSync(prospectsPath, 'utf8')) as Record<string, unknown>[];
  prospects.push({ email: 'bob@contoso.example', name: 'Bob <b>Bold</b>', company: 'Contoso', timeZone: 'Europe/Paris', account: 'bea' });
  writeFileSync(prospectsPath, stringify(prospects));

  const runtime = await openRuntime({
    config: loadConfig(configPath, { ...input.env } as NodeJS.ProcessEnv),
    logger: createLogger({ level: 'silent' }),
  });
  for (const p of runtime.prospects) await runtime.store.upsertProspect(p);
  const find = (email: string) => {
    const p = runtime.prospects.find((x) => x.email === email);
    if (!p) throw new Error(`no prospect ${email} (accounts: ${runtime.prospects.map((x) => `${x.email}@${x.accountId}`).join(', ')})`);
    return p;
  };
  const linda = find('linda@acme.example');
  const priya = find('priya@initech.example');
  const bob = find('bob@contoso.example');

  const draft = (p: Prospect, template: Draft['template'], subject: string, text: string, reason: string, sendAt: Date): Draft => ({
    id: stableId('dr', `test:${p.id}:${template}`),
    accountId: p.accountId,
    prospectId: p.id,
    reasonKey: `test:${p.id}:${template}`,
    template,
    to: p.email,
    subject,
    text,
    html: null,
    status: 'pending',
    sendAt,
    reason,
    evidence: template.startsWith('missed')
      ? [{ kind: 'rsvp', confidence: 'possible', detail: 'Linda never answered the invite and sent no message around the meeting.' }]
      : [],
    thread: { references: [] },
    autoApproved: false,
    createdAt: now,
    attachments: [],
  });
  const lindaDraft = draft(linda, 'missed-nudge-1', 'Sorry we missed each other', 'Hi Linda,\n\nSorry we missed each other today. Does Thursday work?\n\nAlex', "Linda missed today's 8:30 AM call; she never accepted the invite.", new Date(now.getTime() + 2 * 3_600_000));
  const priyaDraft = draft(priya, 'follow-up-apology', 'The revised proposal', 'Hi Priya,\n\nApologies for the delay: here is the revised proposal.\n\nAlex', 'You promised Priya the revised proposal 12 days ago.', new Date(now.getTime() + 26 * 3_600_000));
  const bobDraft = draft(bob, 'follow-up', 'Next steps', 'Hi Bob,\n\nChecking in.\n\nBea', 'You promised Bob next steps.', new Date(now.getTime() + 3_600_000));
  for (const d of [lindaDraft, priyaDraft, bobDraft]) await runtime.store.insertDraft(d);

  // Linda's story so far: an invite, a missed call, a nudge drafted.
  const callStart = new Date(now.getTime() - 1.5 * 3_600_000);
  await runtime.store.upsertMeeting({
    id: 'mt_linda_intro',
    accountId: linda.accountId,
    prospectId: linda.id,
    eventId: 'demo-linda-intro',
    calendarId: 'demo',
    title: 'Acme / Northwind: intro call',
    start: callStart,
    end: new Date(callStart.getTime() + 30 * 60_000),
    outcome: 'missed',
    prospectResponse: 'needs_action',
    evidence: [{ kind: 'rsvp', confidence: 'possible', detail: 'Linda never answered the invite and sent no message around the meeting.' }],
    conference: null,
    categories: [],
  });
  const lindaStory: [number, Attempt['kind'], string, string][] = [
    [-4 * 86_400_000, 'email_sent', 'sent', 'Sent "Invitation: Acme / Northwind intro call" to linda@acme.example'],
    [callStart.getTime() - now.getTime(), 'meeting', 'missed', 'Acme / Northwind: intro call: missed (Linda never answered the invite)'],
    [-30 * 60_000, 'draft_created', 'missed-nudge-1', "Linda missed today's call; she never accepted the invite."],
  ];
  for (const [offset, kind, outcome, detail] of lindaStory) {
    await runtime.store.addAttempt({ id: stableId('at', 'test', kind, detail), prospectId: linda.id, accountId: linda.accountId, at: new Date(now.getTime() + offset), kind, outcome, detail, refId: null });
  }

  // A reply from Linda that tries to inject script into the page.
  await runtime.store.recordMessage({
    accountId: linda.accountId,
    prospectId: linda.id,
    direction: 'in',
    providerId: 'reply-1',
    messageId: '<reply-1@acme.example>',
    threadId: null,
    inReplyTo: null,
    references: [],
    subject: 'Re: intro <script>x()</script>',
    at: new Date(now.getTime() - 3_600_000),
    replyKind: 'other',
    parsed: null,
    visibleText: SCRIPT_REPLY,
  });
  await runtime.store.addAttempt({
    id: 'at_reply_1',
    prospectId: linda.id,
    accountId: linda.accountId,
    at: new Date(now.getTime() - 3_600_000),
    kind: 'reply_received',
    outcome: 'other',
    detail: 'Reply "Re: intro <script>x()</script>" (other)',
    refId: '<reply-1@acme.example>',
  });

  const sent: Workspace['sent'] = [];
  return {
    dir,
    runtime,
    linda,
    priya,
    bob,
    lindaDraft,
    priyaDraft,
    bobDraft,
    sent,
    async close() {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie jar for app.request / fetch. */
export class Browser {
  cookies = new Map<string, string>();

  constructor(private readonly fetcher: (path: string, init: RequestInit) => Response | Promise<Response>) {}

  async request(path: string, init: RequestInit & { form?: Record<string, string | string[]> } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
      body = params.toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    const res = await this.fetcher(path, { ...init, headers, body: body ?? null, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** GET a page and return its HTML and CSRF token. */
  async page(path: string): Promise<{ res: Response; html: string; csrf: string }> {
    const res = await this.request(path);
    const html = await res.text();
    return { res, html, csrf: /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
  }
}

export function linkIn(text: string): string {
  const m = /https?:\/\/\S+\/(login|a)\/[\w.-]+/.exec(text);
  if (!m) throw new Error(`no link in: ${text}`);
  return m[0];
}
