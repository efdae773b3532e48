import type { Command } from 'commander';
import type { AccountConfig, AppConfig } from '../config.js';
import type { Store } from '../ports/store.js';

/** What the provider families' `auth` and `emulate` commands need from the CLI. */
export interface ProviderCommandDeps {
  /** Loads the config (the command passes itself, for --config and other global options). */
  loadConfig: (cmd: Command) => AppConfig | Promise<AppConfig>;
  /** Opens the store of that config; the command closes it. */
  openStore: (config: AppConfig) => Promise<Store>;
  /** Output lines (default: stdout). */
  print?: (line: string) => void;
}

/** The `auth` / `emulate` parent command, shared by every provider family. */
export function subcommand(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function findAccount(config: AppConfig, id: string): AccountConfig {
  const account = config.accounts.find((a) => a.id === id);
  if (!account) throw new Error(`No account "${id}" in ${config.path}. Accounts: ${config.accounts.map((a) => a.id).join(', ')}.`);
  return account;
}

/**
 * Makes sure the account has its row before a credential is stored for it: `followup auth`
 * may come before the first run, and the credential's foreign key needs the row. A row that is
 * there keeps its status; a new one starts disconnected until the sign-in succeeds.
 */
export async function ensureAccountRow(store: Store, account: AccountConfig): Promise<void> {
  const stored = await store.getAccount(account.id);
  await store.upsertAccount({
    id: account.id,
    email: account.email.toLowerCase(),
    name: account.name,
    timeZone: account.timeZone,
    provider: account.provider,
    role: account.role,
    status: stored?.status ?? 'disconnected',
    statusDetail: stored?.statusDetail ?? (stored ? null : `Not signed in yet. Run \`followup auth ${account.provider} --account ${account.id}\`.`),
  });
}

export function parsePort(value: string): number {
  const port = Number.parseInt(value, 10);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`--port "${value}" is not a port number.`);
  return port;
}

/** Resolves on Ctrl-C or SIGTERM: long-running commands (serve, emulate) wait on it. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
