import type { Command } from 'commander';
import type { Runtime } from '../app/runtime.js';
import { when } from './format.js';
import { printJson } from './json-output.js';
import { withRuntime } from './context.js';

/**
 * `followup sessions list [--json]` and `followup sessions revoke <email|account>`: the signed-in
 * web sessions kept in the store (migration 0009). Revoking ends every session of that rep on every
 * `serve` replica and serverless instance at once, as the "End sessions" button of the accounts
 * page does. A session id is a bearer secret's name: only its first 8 characters are printed.
 */
export function registerSessionsCommands(program: Command): void {
  const sessions = program.command('sessions').description('Signed-in web sessions: list them, or end every session of a rep');
  sessions
    .command('list')
    .description('Live web sessions (not signed out, not ended, not expired)')
    .option('--account <id>', 'only this account')
    .option('--json', 'print a JSON array')
    .action(async (opts: { account?: string; json?: boolean }, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        if (opts.account !== undefined) accountOf(rt, opts.account);
        const list = await rt.store.listLiveSessions(now, opts.account);
        const rows = list.map((s) => ({ session: s.sid.slice(0, 8), accountId: s.accountId, email: rt.config.accounts.find((a) => a.id === s.accountId)?.email ?? null, expiresAt: s.expiresAt.toISOString() }));
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return console.log('No one is signed in on the web.');
        const zone = rt.config.accounts[0]?.timeZone ?? 'UTC';
        for (const r of rows) console.log(`${r.session}…  ${r.accountId.padEnd(14)} ${(r.email ?? '').padEnd(30)} until ${when(new Date(r.expiresAt), zone)}`);
      });
    });
  sessions
    .command('revoke <rep>')
    .description("End every web session of a rep (an address or an account id), on every replica: they must sign in again")
    .action(async (rep: string, _opts: unknown, cmd: Command) => {
      await withRuntime(cmd, async (rt, now) => {
        const account = accountOf(rt, rep);
        const ended = await rt.store.endAccountSessions(account.id, now);
        console.log(`Ended ${ended} session${ended === 1 ? '' : 's'} of ${account.name} <${account.email}> (${account.id}); they must sign in again.`);
      });
    });
}

function accountOf(rt: Runtime, rep: string): Runtime['config']['accounts'][number] {
  const wanted = rep.trim().toLowerCase();
  const account = rt.config.accounts.find((a) => a.id === rep.trim() || a.email.toLowerCase() === wanted);
  if (!account) {
    const known = rt.config.accounts.map((a) => `${a.email} (${a.id})`).join(', ');
    throw new Error(`No rep "${rep}" in the config; give an address or an account id: ${known || 'none configured'}.`);
  }
  return account;
}
