import type { Command } from 'commander';
import { ensureAccountRow, findAccount, subcommand, type ProviderCommandDeps } from './provider-commands.js';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from '../security/crypto.js';
// msal and the emulator (msw) load only when these commands run: `run --once` never pays for them.
import type { GraphEmulator, ServedGraphEmulator } from '../emulators/microsoft/index.js';
import { addEmulateOptions, serveEmulator, type EmulateOptions } from './emulate-command.js';

/**
 * `followup auth microsoft --account <id>`: device code sign-in with @azure/msal-node; msal's
 * token cache is sealed (AES-256-GCM, aad = account id) and stored as credential "microsoft".
 * `followup emulate microsoft --port <n>`: serves the Graph emulator (Graph + token endpoint).
 */
export interface MicrosoftCommandDeps extends ProviderCommandDeps {
  /** Shows the device-code instructions (default: print them). */
  onDeviceCode?: (message: string) => void | Promise<void>;
  /** Called once the emulator listens (tests stop it; the CLI waits for Ctrl-C). */
  onEmulatorReady?: (served: ServedGraphEmulator) => void | Promise<void>;
}

export function registerMicrosoftCommands(program: Command, deps: MicrosoftCommandDeps): void {
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  subcommand(program, 'auth', 'Connect an account to its provider')
    .command('microsoft')
    .description("Connect a rep's Microsoft 365 account (device code sign-in; stores an encrypted token cache)")
    .requiredOption('--account <id>', 'account id from the config file')
    .action(async (opts: { account: string }, cmd: Command) => {
      const config = await deps.loadConfig(cmd);
      const account = findAccount(config, opts.account);
      const ms = account.microsoft;
      if (!ms) throw new Error(`Account "${account.id}" has no microsoft section; set provider: microsoft and add one (see README, Microsoft 365).`);
      if (ms.auth === 'client-credentials') {
        print(`Account "${account.id}" uses application permissions (client credentials): nothing to sign in. Set ${ms.clientSecretEnv}.`);
        return;
      }
      // Fail before the sign-in if the token cache cannot be stored.
      parseEncryptionKey(config.env.get(ENCRYPTION_KEY_ENV));
      const store = await deps.openStore(config);
      try {
        await ensureAccountRow(store, account);
        const { MicrosoftTokenSource } = await import('../providers/microsoft/microsoft.auth.js');
        const source = new MicrosoftTokenSource({ account, config, store });
        const { username } = await source.signInWithDeviceCode(async (message) => {
          if (deps.onDeviceCode) await deps.onDeviceCode(message);
          else {
            print(message);
            print(`Sign in as ${account.email}. Waiting for Microsoft to confirm...`);
          }
        });
        await store.setAccountStatus(account.id, 'connected', null);
        print(`Connected ${username} (account "${account.id}"). The token cache is stored encrypted.`);
      } finally {
        await store.close();
      }
    });

  addEmulateOptions(
    subcommand(program, 'emulate', 'Serve a provider emulator over HTTP (demo, tests)')
      .command('microsoft')
      .description('Serve the Microsoft Graph emulator (calendar, mail, Teams attendance, token endpoint) on 127.0.0.1')
      .option('--port <n>', 'port to listen on (0 = any free port)', '8086')
      .option('--user <email...>', 'mailboxes to create (each gets a printed access token)'),
  ).action((opts: EmulateOptions) =>
    serveEmulator({
      family: 'microsoft',
      what: 'the Microsoft Graph emulator',
      opts,
      graphDefaults: { deviceCodeAutoApprove: opts.user?.[0] ?? null },
      print,
      onReady: deps.onEmulatorReady,
      announce: (controlled): ServedGraphEmulator => {
        const emulator = controlled.family.emulator as GraphEmulator;
        const served: ServedGraphEmulator = { emulator, port: controlled.port, url: controlled.url, close: () => controlled.close() };
        print(`Microsoft Graph emulator listening on ${served.url}`);
        print(`Point an account at it with:  microsoft: { baseUrl: "${served.url}/", authorityHost: "${served.url}", clientId: "emulator" }`);
        for (const email of opts.user ?? []) {
          emulator.control.addMailbox({ email });
          print(`mailbox ${email}: access token ${emulator.control.issueToken(email, 24 * 3600)}`);
        }
        return served;
      },
    }),
  );
}
