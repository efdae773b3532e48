import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Draft, DraftStatus } from '../domain/types.js';
import { DRAFT_STATUSES } from '../domain/types.js';
import { approveDraft, editDraft, rejectDraft } from '../worker/drafts.js';
import { draftHistory, draftJson, when } from './format.js';
import { outsideBusinessHours } from '../domain/send-gate.js';
import { gateDraft, loadGateTimeline } from '../worker/gate.js';
import { parseInstant, withRuntime } from './context.js';
import type { Runtime } from '../app/runtime.js';

function repOf(rt: Runtime, accountId: string) {
  const a = rt.config.accounts.find((x) => x.id === accountId);
  if (!a) throw new Error(`Draft belongs to account "${accountId}", which is not in the config.`);
  return { name: a.name, email: a.email.toLowerCase(), timeZone: a.timeZone };
}

async function prospectEmail(rt: Runtime, d: Draft): Promise<string> {
  return (await rt.store.getProspect(d.prospectId))?.email ?? d.to;
}

function actor(): string {
  return process.env.USER ? `${process.env.USER} (cli)` : 'cli';
}

export function registerDraftCommands(program: Command): void {
  const drafts = program.command('drafts').description('List, show, approve, edit or reject the drafts waiting for you');

  drafts
    .command('list')
    .description('List drafts (pending by default)')
    .option('--json', 'print a JSON array')
    .option('--status <status>', `one of ${DRAFT_STATUSES.join(', ')}, or "all"`, 'pending')
    .action(async (opts: { json?: boolean; status: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        if (opts.status !== 'all' && !(DRAFT_STATUSES as readonly string[]).includes(opts.status)) {
          throw new Error(`--status must be one of ${DRAFT_STATUSES.join(', ')} or "all".`);
        }
        const list = await rt.store.listDrafts(opts.status === 'all' ? {} : { status: opts.status as DraftStatus });
        list.sort((a, b) => a.sendAt.getTime() - b.sendAt.getTime());
        if (opts.json) {
          const rows = [];
          for (const d of list) rows.push(draftJson(d, await prospectEmail(rt, d)));
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        if (list.length === 0) return console.log(`No ${opts.status === 'all' ? '' : `${opts.status} `}drafts.`);
        for (const d of list) {
          const zone = repOf(rt, d.accountId).timeZone;
          console.log(`${d.id}  ${d.status.padEnd(8)} ${(await prospectEmail(rt, d)).padEnd(26)} ${d.template.padEnd(20)} ${when(d.sendAt, zone)}`);
          console.log(`    ${d.subject}`);
          console.log(`    why: ${d.reason}`);
          if (d.status === 'cancelled' && d.cancelledReason) console.log(`    withdrawn: ${d.cancelledReason}`);
          if (d.sendAtByRep) console.log('    send time set by hand: it stands even outside business hours');
        }
      });
    });

  drafts
    .command('show <id>')
    .description('Show one draft in full, with why it exists')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const d = await rt.store.getDraft(id);
        if (!d) throw new Error(`No draft with id ${id}; list them with \`followup drafts list\`.`);
        const prospect = await rt.store.getProspect(d.prospectId);
        const zone = repOf(rt, d.accountId).timeZone;
        console.log(`Draft ${d.id} (${d.status}, template ${d.template})`);
        console.log(`To:      ${d.to}`);
        console.log(`Subject: ${d.subject}`);
        console.log(`Sends:   ${when(d.sendAt, zone)}${prospect ? ` (${when(d.sendAt, prospect.timeZone)} for ${prospect.name})` : ''}`);
        console.log(`Why:     ${d.reason}`);
        for (const e of d.evidence) console.log(`Evidence: ${e.kind} (${e.confidence}): ${e.detail}`);
        if (d.thread.inReplyTo) console.log(`Thread:  in reply to ${d.thread.inReplyTo}`);
        for (const line of draftHistory(d, zone)) console.log(line);
        console.log('');
        console.log(d.text);
      });
    });

  drafts
    .command('approve [id]')
    .description('Approve a draft (or --all pending ones); it goes out at its send time')
    .option('--all', 'approve every pending draft')
    .action(async (id: string | undefined, opts: { all?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        if (!id && !opts.all) throw new Error('Give a draft id, or --all to approve every pending draft.');
        const ids = opts.all ? (await rt.store.listDrafts({ status: 'pending' })).map((d) => d.id) : [id!];
        let n = 0;
        for (const draftId of ids) {
          const d = await rt.store.getDraft(draftId);
          if (!d) throw new Error(`No draft with id ${draftId}; list them with \`followup drafts list\`.`);
          const item = await approveDraft({ store: rt.store, now }, { draftId, by: actor(), rep: repOf(rt, d.accountId) });
          console.log(`Approved ${draftId} → ${d.to}, goes out ${when(item.notBefore, repOf(rt, d.accountId).timeZone)}`);
          // What the send gate would say if it went out now (it decides again when it does).
          const prospect = await rt.store.getProspect(d.prospectId);
          const approved = await rt.store.getDraft(draftId);
          if (prospect && approved && item.notBefore <= now) {
            const timeline = await loadGateTimeline(rt.store, prospect);
            const gate = gateDraft({ policy: rt.config.policy, now }, { draft: approved, timeline, repZone: repOf(rt, d.accountId).timeZone });
            if (gate.kind !== 'send') console.log(`    not now: ${gate.detail}`);
          }
          n += 1;
        }
        if (opts.all) console.log(n === 0 ? 'No pending drafts.' : `${n} draft(s) approved.`);
      });
    });

  drafts
    .command('reject <id>')
    .description('Reject a draft; it is never sent')
    .option('--reason <text>', 'why (kept on the timeline)', 'rejected by the rep')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        await rejectDraft({ store: rt.store, now }, { draftId: id, by: actor(), reason: opts.reason });
        console.log(`Rejected ${id}.`);
      });
    });

  drafts
    .command('edit <id>')
    .description('Edit a draft in $EDITOR (or with --subject/--text/--send-at); the edited text is what is sent')
    .option('--subject <text>', 'new subject')
    .option('--text <text>', 'new body')
    .option('--send-at <iso>', 'new send time')
    .action(async (id: string, opts: { subject?: string; text?: string; sendAt?: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const d = await rt.store.getDraft(id);
        if (!d) throw new Error(`No draft with id ${id}; list them with \`followup drafts list\`.`);
        let subject = opts.subject;
        let text = opts.text;
        if (subject === undefined && text === undefined && opts.sendAt === undefined) {
          ({ subject, text } = editInEditor(d));
        }
        const sendAt = opts.sendAt !== undefined ? parseInstant(opts.sendAt, '--send-at') : undefined;
        await editDraft({ store: rt.store, now }, {
          draftId: id,
          by: actor(),
          ...(subject !== undefined ? { subject } : {}),
          ...(text !== undefined ? { text } : {}),
          ...(sendAt !== undefined ? { sendAt, sendAtByRep: true } : {}),
        });
        console.log(`Saved ${id}. Approve it with \`followup drafts approve ${id}\`.`);
        const prospect = sendAt ? await rt.store.getProspect(d.prospectId) : null;
        const outside = prospect && sendAt && d.to.toLowerCase() === prospect.email.toLowerCase() ? outsideBusinessHours(sendAt, prospect, rt.config.policy) : null;
        if (outside) console.log(`Note: for ${prospect!.name}, ${outside}`);
      });
    });
}

function editInEditor(d: Draft): { subject: string; text: string } {
  const editor = process.env.VISUAL || process.env.EDITOR;
  if (!editor) throw new Error('Set $EDITOR (e.g. export EDITOR=nano), or pass --subject/--text.');
  const dir = mkdtempSync(join(tmpdir(), 'followup-'));
  const file = join(dir, `${d.id}.txt`);
  try {
    writeFileSync(file, `Subject: ${d.subject}\n\n${d.text}`);
    const res = spawnSync(editor, [file], { stdio: 'inherit', shell: true });
    if (res.status !== 0) throw new Error(`${editor} exited with status ${res.status}; the draft was not changed.`);
    const edited = readFileSync(file, 'utf8');
    const m = /^Subject:(.*)\r?\n\r?\n([\s\S]*)$/.exec(edited);
    if (!m) throw new Error('Keep the first line as "Subject: ..." followed by an empty line; the draft was not changed.');
    return { subject: (m[1] ?? '').trim(), text: m[2] ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
