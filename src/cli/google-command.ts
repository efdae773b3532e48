import type { Command } from 'commander';
import { ensureAccountRow, findAccount, subcommand, type ProviderCommandDeps } from './provider-commands.js';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from '../security/crypto.js';
// The SDK and the emulator (msw) load only when these commands run: `run --once` never pays for them.
import type { GoogleEmulator, ServedGoogleEmulator } from '../emulators/google/index.js';
import { addEmulateOptions, serveEmulator, type EmulateOptions } from './emulate-command.js';

/**
 * `followup auth google --account <id>`: the OAuth installed-app flow (loopback redirect on
 * 127.0.0.1, PKCE), refresh token sealed with the account id as AAD.
 * `followup emulate google --port <n>`: serves the Google emulator over HTTP.
 */
export interface GoogleCommandDeps extends ProviderCommandDeps {
  /** Shows the consent URL (default: print it for the rep to open). */
  onAuthUrl?: (url: string) => void | Promise<void>;
  /** Called once the emulator listens (tests stop it; the CLI waits for Ctrl-C). */
  onEmulatorReady?: (served: ServedGoogleEmulator) => void | Promise<void>;
}

export function registerGoogleCommands(program: Command, deps: GoogleCommandDeps): void {
  const print = deps.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  subcommand(program, 'auth', 'Connect an account to its provider')
    .command('google')
    .description("Connect a rep's Google account (opens Google's consent screen; stores an encrypted refresh token)")
    .requiredOption('--account <id>', 'account id from the config file')
    .action(async (opts: { account: string }, cmd: Command) => {
      const config = await deps.loadConfig(cmd);
      const account = findAccount(config, opts.account);
      const g = account.google;
      if (!g) throw new Error(`Account "${account.id}" has no google section; set provider: google and add one (see README, Google Workspace).`);
      if (g.auth === 'service-account') {
        print(`Account "${account.id}" uses a service account with domain-wide delegation: nothing to connect. Set ${g.serviceAccountKeyEnv}.`);
        return;
      }
      // Fail before the consent screen if the secret cannot be stored.
      const key = parseEncryptionKey(config.env.get(ENCRYPTION_KEY_ENV));
      const clientId = g.clientId ?? (g.rootUrl ? 'followup-emulator' : undefined);
      if (!clientId) {
        throw new Error(`Account "${account.id}": set google.clientId to the OAuth client id of a "Desktop app" client (Google Cloud console → APIs & Services → Credentials).`);
      }
      const clientSecret = config.env.get(g.clientSecretEnv);
      // The account row exists before the consent screen, so the token can always be stored.
      const store = await deps.openStore(config);
      try {
        await ensureAccountRow(store, account);
        const { runInstalledAppFlow, saveRefreshToken } = await import('../providers/google/google.auth.js');
        const { refreshToken, scope } = await runInstalledAppFlow({
        clientId,
        ...(clientSecret ? { clientSecret } : {}),
        ...(g.rootUrl ? { rootUrl: g.rootUrl } : {}),
        loginHint: account.email,
        onAuthUrl:
          deps.onAuthUrl ??
          ((url) => {
            print(`Open this address in a browser and sign in as ${account.email}:`);
            print(url);
            print('Waiting for Google to send you back here...');
          }),
        });
        await saveRefreshToken({ store, accountId: account.id, refreshToken, ...(scope ? { scope } : {}), key });
        await store.setAccountStatus(account.id, 'connected', null);
      } finally {
        await store.close();
      }
      print(`Connected ${account.email} (account "${account.id}"). The refresh token is stored encrypted.`);
    });

  addEmulateOptions(
    subcommand(program, 'emulate', 'Serve a provider emulator over HTTP (demo, tests)')
      .command('google')
      .description('Serve the Google emulator (Calendar, Gmail, Meet, OAuth) on 127.0.0.1')
      .option('--port <n>', 'port to listen on (0 = any free port)', '8085')
      .option('--user <email...>', 'users to create (each gets a printed refresh token)'),
  ).action((opts: EmulateOptions) =>
    serveEmulator({
      family: 'google',
      what: 'the Google emulator',
      opts,
      print,
      onReady: deps.onEmulatorReady,
      announce: (controlled): ServedGoogleEmulator => {
        const emulator = controlled.family.emulator as GoogleEmulator;
        const served: ServedGoogleEmulator = { emulator, port: controlled.port, rootUrl: `${controlled.url}/`, close: () => controlled.close() };
        print(`Google emulator listening on ${served.rootUrl}`);
        print(`Point an account at it with:  google: { rootUrl: "${served.rootUrl}" }`);
        for (const email of opts.user ?? []) {
          emulator.control.addUser({ email });
          print(`user ${email}: refresh token ${emulator.control.issueRefreshToken(email)}`);
        }
        return served;
      },
    }),
  );
}
