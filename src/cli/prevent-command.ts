import type { Command } from 'commander';
import { CALL_OUTCOMES, type CallOutcome } from '../domain/call-holds.js';
import { stableId } from '../domain/ids.js';
import { readDueTime } from '../domain/promises.js';
import { addressesOf, type Prospect } from '../domain/types.js';
import type { Runtime } from '../app/runtime.js';
import { spellInstant } from '../templates/context.js';
import { logCall, setNextStep } from '../worker/prevent.js';
import { subcommand } from './provider-commands.js';
import { withRuntime } from './context.js';

/** Issue 15: `calls log`, `prospects next`, `suppressions list|add|remove`. */

function actor(): string {
  return process.env.USER ? `${process.env.USER} (cli)` : 'cli';
}

/** A prospect by any of its addresses, or by id; the error says what to do next. */
async function prospectOf(rt: Runtime, who: string): Promise<Prospect> {
  const p = (await rt.store.findProspectByEmail(who)) ?? (await rt.store.getProspect(who));
  if (!p) throw new Error(`No prospect with address or id "${who}"; see \`followup prospects list\`.`);
  return p;
}

function repZoneOf(rt: Runtime, p: Prospect): string {
  return rt.config.accounts.find((a) => a.id === p.accountId)?.timeZone ?? p.timeZone;
}

export function registerPreventCommands(program: Command): void {
  const calls = subcommand(program, 'calls', 'Log the calls you make to prospects');
  calls
    .command('log <prospect> <outcome>')
    .description(`Date-stamp a call on the prospect's timeline: ${CALL_OUTCOMES.join(' | ')}. "reached" ends the missed-meeting calls; voicemails count toward them`)
    .option('--note <text>', 'what was said or left on the voicemail')
    .action(async (who: string, outcome: string, opts: { note?: string }, cmd: Command) => {
      if (!(CALL_OUTCOMES as readonly string[]).includes(outcome)) {
        throw new Error(`<outcome> "${outcome}" is not one of ${CALL_OUTCOMES.join(', ')}; e.g. \`followup calls log ${who} voicemail --note "left my number"\`.`);
      }
      await withRuntime(cmd, async (rt, now) => {
        const p = await prospectOf(rt, who);
        await logCall(rt.store, { prospect: p, outcome: outcome as CallOutcome, note: opts.note ?? null, at: now, by: actor() });
        console.log(`${p.email}: call logged (${outcome}) at ${spellInstant(now, repZoneOf(rt, p))}.${outcome === 'reached' ? ' The missed-meeting call holds still ahead are removed on the next run.' : ''}`);
      });
    });

  const prospects = subcommand(program, 'prospects', 'List prospects with their status, or pause, resume or close one');
  prospects
    .command('next <email> <what>')
    .description('Set the prospect\'s next step by hand: what you will do, and when (--due)')
    .requiredOption('--due <time>', 'an ISO time or words such as "tomorrow 10am", "Friday", "next Tuesday at 3pm" (your zone)')
    .action(async (email: string, what: string, opts: { due: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const p = await prospectOf(rt, email);
        const zone = repZoneOf(rt, p);
        const due = readDueTime({ text: opts.due, now, repZone: zone, policy: rt.config.policy });
        if (!due) throw new Error(`--due "${opts.due}" names no time ahead; use an ISO time (2026-12-01T10:00) or words such as "tomorrow 10am".`);
        if (what.trim() === '') throw new Error('<what> is empty; say what you will do, e.g. "send the revised proposal".');
        await setNextStep(rt.store, { id: stableId('ns', p.id, 'rep', now.toISOString(), what.trim(), due.toISOString()), accountId: p.accountId, prospectId: p.id, what: what.trim(), due, source: 'rep', messageId: null, subject: null, foundAt: now }, zone);
        console.log(`${p.email}: next step "${what.trim()}" due ${spellInstant(due, zone)} (your time).`);
      });
    });

  const suppressions = subcommand(program, 'suppressions', 'Addresses never emailed again (opt-outs, bounces), and lifting one');
  suppressions
    .command('list')
    .description('Suppressed addresses with why and since when, and the ones lifted')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt) => {
        const [list, removals] = await Promise.all([rt.store.listSuppressions(), rt.store.listSuppressionRemovals()]);
        if (opts.json) {
          console.log(JSON.stringify({ suppressions: list, removals }, null, 2));
          return;
        }
        if (list.length === 0) console.log('No suppressed addresses.');
        for (const s of list) console.log(`${s.email.padEnd(36)} ${s.reason.padEnd(16)} since ${s.at.toISOString()}`);
        for (const r of removals) console.log(`lifted: ${r.email} on ${r.at.toISOString()} by ${r.by}: ${r.reason} (was: ${r.was.reason})`);
      });
    });
  suppressions
    .command('add <email>')
    .description('Never email this address again; a prospect with it stops')
    .requiredOption('--reason <text>', 'why (kept with the suppression)')
    .action(async (email: string, opts: { reason: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`<email> "${email}" is not an email address.`);
        await rt.store.addSuppression({ email, reason: opts.reason, at: now });
        const p = await rt.store.findProspectByEmail(email);
        if (p) {
          await rt.store.setProspectStatus(p.id, { status: 'suppressed', statusReason: `suppressed by the rep: ${opts.reason}` });
          await rt.store.cancelPendingDrafts(p.id, { reason: `${email} suppressed by the rep` });
          await rt.store.addAttempt({ id: stableId('at', 'suppress', email, now.toISOString()), prospectId: p.id, accountId: p.accountId, at: now, kind: 'status_change', outcome: 'suppressed', detail: `${email} suppressed by ${actor()}: ${opts.reason}`, refId: null });
        }
        console.log(`${email.toLowerCase()}: suppressed${p ? `; ${p.name} stopped` : ''}.`);
      });
    });
  suppressions
    .command('remove <email>')
    .description('Lift a suppression (recorded with the reason); the prospect opens again when none of its addresses is suppressed')
    .requiredOption('--reason <text>', 'why it is lifted (recorded)')
    .action(async (email: string, opts: { reason: string }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        if (opts.reason.trim() === '') throw new Error('--reason is empty; say why the address may be emailed again.');
        const removal = await rt.store.removeSuppression(email, { id: stableId('sr', email.toLowerCase(), now.toISOString()), reason: opts.reason.trim(), by: actor(), at: now });
        if (!removal) throw new Error(`${email} is not suppressed; see \`followup suppressions list\`.`);
        const p = await rt.store.findProspectByEmail(email);
        let reopened = false;
        if (p) {
          const still = await Promise.all(addressesOf(p).map((a) => rt.store.isSuppressed(a)));
          if (p.status === 'suppressed' && !still.some(Boolean)) {
            await rt.store.setProspectStatus(p.id, { status: 'open', statusReason: null });
            reopened = true;
          }
          await rt.store.addAttempt({ id: stableId('at', 'unsuppress', removal.id), prospectId: p.id, accountId: p.accountId, at: now, kind: 'status_change', outcome: 'unsuppressed', detail: `Suppression of ${removal.email} (${removal.was.reason}) lifted by ${removal.by}: ${removal.reason}`, refId: null });
        }
        console.log(`${removal.email}: suppression lifted (${removal.reason}).${reopened ? ` ${p!.name} is open again.` : ''}`);
      });
    });
}
