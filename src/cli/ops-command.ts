import { isPushKey, pushStatus } from '../worker/push.js';
import { GMAIL_WATCH_RESOURCE } from '../ports/providers.js';
import type { Command } from 'commander';
import type { PROSPECT_STATUSES } from '../domain/types.js';
import { buildTemplateContext } from '../templates/context.js';
import { markMeeting } from '../worker/meetings.js';
import { when } from './format.js';
import { accountsJson, attemptJson, meetingsJson, printJson, prospectsJson } from './json-output.js';
import { parseInstant, withRuntime } from './context.js';

export function registerOpsCommands(program: Command): void {
  const meetings = program.command('meetings').description('List meetings with prospects, or mark one held or missed');
  meetings
    .command('list')
    .description('Meetings with prospects and their outcome')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const list = await rt.store.listMeetings({});
        if (opts.json) return printJson(await meetingsJson(rt, list));
        if (list.length === 0) return console.log('No meetings with prospects yet.');
        for (const m of list.sort((a, b) => a.start.getTime() - b.start.getTime())) {
          const p = await rt.store.getProspect(m.prospectId);
          console.log(`${m.id}  ${m.outcome.padEnd(9)} ${when(m.start, rt.config.accounts[0]!.timeZone)}  ${p?.email ?? ''}  ${m.title}`);
          for (const e of m.evidence) console.log(`    ${e.kind} (${e.confidence}): ${e.detail}`);
        }
      });
    });
  meetings
    .command('mark <id> <outcome>')
    .description('Mark a meeting held or missed (the strongest no-show evidence)')
    .action(async (id: string, outcome: string, _o: unknown, cmd: Command) => {
      if (outcome !== 'held' && outcome !== 'missed') throw new Error('The outcome must be "held" or "missed".');
      await withRuntime(cmd, async (rt, now) => {
        const m = await markMeeting({ store: rt.store, now, policy: rt.config.policy }, { meetingId: id, outcome, by: `${process.env.USER ?? 'rep'} (cli)` });
        console.log(`Marked "${m.title}" ${outcome}. The next run plans the follow-up.`);
        for (const w of m.withdrawn) console.log(`Withdrawn ${w.draftId} (${w.template}): ${w.detail}`);
      });
    });

  const prospects = program.command('prospects').description('List prospects with their status, or pause, resume or close one');
  prospects
    .command('list')
    .description('Prospects, status and next step')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        if (opts.json) return printJson(await prospectsJson(rt));
        for (const listed of rt.prospects) {
          const p = (await rt.store.getProspect(listed.id)) ?? listed;
          const next = p.nextStep ? `next: ${p.nextStep.what} (due ${p.nextStep.due.toISOString().slice(0, 10)})` : '';
          const status = p.status + (p.pausedUntil ? ` until ${p.pausedUntil.toISOString().slice(0, 10)}` : '');
          console.log(`${p.email.padEnd(26)} ${status.padEnd(22)} ${p.statusReason ?? next}`);
        }
      });
    });
  prospects
    .command('timeline <email>')
    .description('Every meeting, email, nudge and reply with a prospect, date-stamped')
    .option('--json', 'print a JSON object')
    .action(async (email: string, opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const p = await rt.store.findProspectByEmail(email);
        if (!p) throw new Error(`No prospect with address ${email}; see \`followup prospects list\`.`);
        const attempts = (await rt.store.listAttempts(p.id)).sort((a, b) => a.at.getTime() - b.at.getTime());
        if (opts.json) return printJson({ prospect: { id: p.id, email: p.email, name: p.name, status: p.status }, attempts: attempts.map(attemptJson) });
        console.log(`${p.name} <${p.email}> (${p.status})`);
        for (const a of attempts) console.log(`  ${a.at.toISOString()}  ${a.kind.padEnd(15)} ${a.outcome ?? ''}  ${a.detail}`);
      });
    });
  for (const [name, status, description] of [
    ['pause', 'paused', 'Pause a prospect (no drafts or emails) until --until or until resumed'],
    ['resume', 'open', 'Resume a paused prospect'],
    ['close', 'closed', 'Close a prospect: no more follow-ups'],
  ] as const) {
    prospects
      .command(`${name} <email>`)
      .description(description)
      .option('--until <iso>', 'pause until this time')
      .action(async (email: string, opts: { until?: string }, cmd: Command) => {
        await withRuntime(cmd, async (rt) => {
          const p = await rt.store.findProspectByEmail(email);
          if (!p) throw new Error(`No prospect with address ${email}; see \`followup prospects list\`.`);
          const st: (typeof PROSPECT_STATUSES)[number] = status;
          await rt.store.setProspectStatus(p.id, { status: st, pausedUntil: opts.until ? parseInstant(opts.until, '--until') : null, statusReason: `${name}d by the rep` });
          if (st !== 'open') await rt.store.cancelPendingDrafts(p.id, { reason: `prospect ${name}d by the rep` });
          console.log(`${p.email}: ${st}.`);
        });
      });
  }

  const templates = program.command('templates').description('List the email templates or preview one for a prospect');
  templates
    .command('list')
    .description('Templates with their approval policy')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        if (opts.json) return printJson(rt.templates.list().map((t) => ({ name: t.name, approval: t.approval, description: t.description })));
        for (const t of rt.templates.list()) console.log(`${t.name.padEnd(22)} ${t.approval.padEnd(8)} ${t.description}`);
      });
    });
  templates
    .command('preview <template>')
    .description('Render a template for a prospect')
    .requiredOption('--prospect <email>', 'the prospect to render it for')
    .action(async (name: string, opts: { prospect: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const listed = rt.prospects.find((p) => p.email === opts.prospect.toLowerCase());
        const p = listed ? ((await rt.store.getProspect(listed.id)) ?? listed) : null;
        if (!p) throw new Error(`No prospect with address ${opts.prospect} in the prospects file.`);
        const account = rt.config.accounts.find((a) => a.id === p.accountId)!;
        const t = rt.templates.list().find((x) => x.name === name);
        if (!t) throw new Error(`No template "${name}"; see \`followup templates list\`.`);
        const start = new Date(now.getTime() + 86_400_000);
        const end = new Date(start.getTime() + 30 * 60_000);
        const gapDays = p.nextStep ? Math.max(0, Math.floor((now.getTime() - p.nextStep.due.getTime()) / 86_400_000)) : 0;
        const out = t.render(
          buildTemplateContext({
            prospect: p,
            rep: { name: account.name, email: account.email, timeZone: account.timeZone },
            thread: await rt.store.latestThread(p.id),
            meeting: { start, end, title: 'Sample meeting' },
            booking: { start, end, timeZone: p.timeZone },
            slots: [{ start, end }, { start: new Date(start.getTime() + 86_400_000), end: new Date(end.getTime() + 86_400_000) }],
            alternatives: [{ start, end }, { start: new Date(start.getTime() + 12 * 3_600_000), end: null }],
            gapDays,
            step: 1,
            lastContact: null,
          }),
        );
        console.log(`Subject: ${out.subject}\n(approval: ${t.approval})\n\n${out.text}`);
      });
    });

  const outbox = program.command('outbox').description('What was sent, is waiting to be sent, or failed');
  outbox
    .command('list')
    .description('Outbox rows, newest first')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const rows = (await rt.store.listOutbox({})).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
        if (opts.json) return console.log(JSON.stringify(rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, status: r.status, messageId: r.messageId, sentAt: r.sentAt ?? null, notBefore: r.notBefore, lastError: r.lastError ?? null })), null, 2));
        if (rows.length === 0) return console.log('The outbox is empty.');
        for (const r of rows) {
          const zone = rt.config.accounts.find((a) => a.id === r.accountId)?.timeZone ?? 'UTC';
          const whenText = r.sentAt ? `sent ${when(r.sentAt, zone)}` : `${r.status === 'sent' ? 'sent' : 'not before'} ${when(r.notBefore, zone)}`;
          console.log(`${r.id}  ${r.status.padEnd(9)} ${r.to.padEnd(26)} ${whenText}  "${r.subject}"`);
          if (r.lastError && r.status !== 'sent') console.log(`    ${r.lastError}`);
        }
      });
    });
  outbox
    .command('retry <id>')
    .description('Send an uncertain or failed email again (after checking your Sent folder)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const item = await rt.store.getOutbox(id);
        if (!item) throw new Error(`No outbox row ${id}; see \`followup outbox list\`.`);
        if (item.status !== 'failed' && item.status !== 'uncertain') throw new Error(`Outbox row ${id} is ${item.status}; only failed or uncertain rows can be retried.`);
        await rt.store.markOutboxRetry(id, { notBefore: now, error: 'retry requested by the rep' });
        console.log(`${id} will be sent on the next run.`);
      });
    });

  program
    .command('accounts')
    .alias('status')
    .description('Connected calendars and mailboxes: last successful sync and any error, with what to do')
    .option('--json', 'print every account\'s state as a JSON array (for monitoring)')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        if (opts.json) return printJson(await accountsJson(rt, now));
        for (const a of await rt.store.listAccounts()) {
          console.log(`${a.id} <${a.email}> ${a.provider}: ${a.status}${a.statusDetail ? ` - ${a.statusDetail}` : ''}`);
          const cursors = await rt.store.listCursors(a.id);
          for (const c of cursors.filter((k) => !isPushKey(k.key))) {
            const last = c.lastSuccessAt ? `${Math.round((now.getTime() - c.lastSuccessAt.getTime()) / 60_000)} min ago` : 'never';
            console.log(`    ${c.key.padEnd(20)} last success ${last}${c.lastError ? `; last error: ${c.lastError}` : ''}`);
          }
          const push = pushStatus(cursors, now);
          for (const s of push?.subscriptions ?? []) {
            const left = Math.round((s.expiresAt.getTime() - now.getTime()) / 3600_000);
            const gmail = s.resource === GMAIL_WATCH_RESOURCE;
            const what = gmail ? `Gmail watch on ${s.id}` : s.resource.startsWith('calendars/') ? `channel ${s.id}` : `subscription ${s.id}`;
            console.log(`    push ${s.resource}: ${what}, ${left > 0 ? `expires in ${left} h (${gmail ? 'renewed daily' : 'renewed at half-life'})` : 'expired: renewed on the next run'}`);
          }
          if (push?.lastError) console.log(`    push: last error: ${push.lastError} (polling goes on; check push.publicUrl is reachable from the provider)`);
          if (push?.syncRequestedAt) console.log(`    push: a notification asked for a sync at ${push.syncRequestedAt.toISOString()}; it runs shortly`);
        }
      });
    });
}
