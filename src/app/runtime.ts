import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { loadConfig, resolveFromConfig, type AccountConfig, type AppConfig } from '../config.js';
import type { Account, Prospect } from '../domain/types.js';
import { createLogger, type Logger } from '../log.js';
import type { Store } from '../ports/store.js';
import { openStore } from '../store/open-store.js';
import { loadTemplates, type TemplateSet } from '../templates/engine.js';
import { BUNDLED_TEMPLATES_DIR } from '../templates/context.js';
import type { AccountRuntime, WorkerContext } from '../worker/context.js';
import { ProspectsSource } from './prospects-file.js';
import { withSealedCredentials } from './sealed-credentials.js';
import { PROVIDER_FACTORIES } from './providers.js';
import { resolveWebSecret } from '../http/secret.js';
import { pushClientState } from '../security/push-secret.js';
import type { PushSettings } from '../worker/push.js';

/** Families whose credentials are passwords from the environment: a disconnected account is
 *  checked again on every run (the password may have been fixed) and reconnects by itself. */
const RECONNECT_BY_ITSELF: ReadonlySet<AccountConfig['provider']> = new Set(['local', 'standard']);

export interface ContextOptions {
  progress?: (m: string) => void;
  deadlineMs?: number;
  webSecret?: string;
  /** Connect only these accounts (a per-account job); all of them when absent. */
  accounts?: readonly string[];
  /** Reuse an account's providers built by an earlier call of this process (the job engine's
   *  step jobs: one account's sync, replies, plan and send each build a context). */
  reuseProviders?: boolean;
  /** The account rows as the step before this one (same account, same chain) left them: not read again. */
  known?: readonly Account[];
  /** An account's sealed credentials (every kind), read with its job: its providers, when built
   *  here, read them from this instead of the store (see sealed-credentials.ts). */
  credentials?: { accountId: string; sealed: ReadonlyMap<string, string> };
}

/** Families whose provider set does not depend on the tick's `now` and may be kept between jobs. */
const REUSABLE: ReadonlySet<AccountConfig['provider']> = new Set(['google', 'microsoft']);
/** A kept provider set is built again after this long (credentials changed by `followup auth`). */
const PROVIDERS_KEPT_MS = 10 * 60_000;

/** Everything built once from the config: the composition root. */
export interface Runtime {
  config: AppConfig;
  store: Store;
  templates: TemplateSet;
  logger: Logger;
  /** The prospects file as last read (read again when it changes). */
  readonly prospects: Prospect[];
  /** Builds a worker context for a tick at `now` (connects providers). */
  context(now: Date, options?: ContextOptions): Promise<WorkerContext>;
  close(): Promise<void>;
}

export function accountFromConfig(a: AppConfig['accounts'][number], stored: Account | null): Account {
  return {
    id: a.id,
    email: a.email.toLowerCase(),
    name: a.name,
    timeZone: a.timeZone,
    provider: a.provider,
    role: a.role,
    status: stored?.status ?? 'connected',
    statusDetail: stored?.statusDetail ?? null,
  };
}

export async function openRuntime(input: { config: AppConfig | string; logger?: Logger }): Promise<Runtime> {
  const config = typeof input.config === 'string' ? loadConfig(input.config) : input.config;
  const logger = input.logger ?? createLogger();
  // A custom folder may override just some templates; the others are the bundled ones.
  const templates = config.templates ? loadTemplates(resolveFromConfig(config, config.templates), BUNDLED_TEMPLATES_DIR) : loadTemplates(BUNDLED_TEMPLATES_DIR);
  const accountIds = config.accounts.map((a) => a.id);
  const prospectsFile = new ProspectsSource(config.prospects ? resolveFromConfig(config, config.prospects) : null, accountIds);
  const store = await openStore({
    databaseUrl: config.env.databaseUrl,
    sqlitePath: resolveFromConfig(config, config.store.sqlitePath),
  });
  // One read of every account, a write only for those the config changed (or added): a process
  // working on a few of 1,000 accounts does not pay 2,000 queries to start.
  const storedAccounts = new Map((await store.listAccounts()).map((x) => [x.id, x]));
  for (const a of config.accounts) {
    const stored = storedAccounts.get(a.id) ?? null;
    const wanted = accountFromConfig(a, stored);
    if (!stored || (Object.keys(wanted) as (keyof Account)[]).some((k) => wanted[k] !== stored[k])) await store.upsertAccount(wanted);
  }
  const host = `${hostname()}:${process.pid}`;
  // Per process: the sealed credentials unsealed and the SDK clients built once per account (its
  // access token cached in memory with them), not once per job.
  const kept = new Map<string, { providers: AccountRuntime['providers']; at: number }>();
  // A step job's context is one account's: found by id, not by a pass over every account (three
  // contexts per idle account a tick made that pass quadratic in the number of accounts).
  const configIndex = new Map(config.accounts.map((a, i) => [a.id, i]));
  const selectAccounts = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => configIndex.get(id) ?? []))].sort((x, y) => x - y).map((i) => config.accounts[i]!);

  return {
    config,
    store,
    templates,
    logger,
    get prospects() {
      return prospectsFile.current().prospects;
    },
    async context(now, options = {}) {
      const prospectsRead = prospectsFile.current();
      const accounts: AccountRuntime[] = [];
      for (const a of options.accounts ? selectAccounts(options.accounts) : config.accounts) {
        let account = accountFromConfig(a, options.known?.find((k) => k.id === a.id) ?? (await store.getAccount(a.id)));
        // OAuth accounts wait for `followup auth`; password accounts are tried again on every run.
        if (account.status === 'disconnected' && !RECONNECT_BY_ITSELF.has(a.provider)) {
          kept.delete(a.id);
          accounts.push({ account, providers: null });
          continue;
        }
        const reuse = options.reuseProviders && REUSABLE.has(a.provider) && a.feeds.length === 0 && account.status === 'connected';
        const hit = reuse ? kept.get(a.id) : undefined;
        if (hit && Date.now() - hit.at < PROVIDERS_KEPT_MS) {
          accounts.push({ account, providers: hit.providers });
          continue;
        }
        try {
          const factory = await PROVIDER_FACTORIES[a.provider]();
          const read = options.credentials?.accountId === a.id ? withSealedCredentials(store, a.id, options.credentials.sealed) : null;
          let providers: AccountRuntime['providers'] & object;
          try {
            providers = await factory({ account: a, config, store: read?.store ?? store, logger: logger.child({ account: a.id }), now: () => now });
          } finally {
            read?.end();
          }
          if (a.feeds.length > 0) {
            // Read-only .ics feeds join the account's calendar (busy time, meeting matching); never written.
            const { FeedCalendarAdapter } = await import('../providers/local/feed-calendar.adapter.js');
            const calendar = new FeedCalendarAdapter({ inner: providers.calendar, feeds: a.feeds, floatingZone: a.timeZone, repEmail: a.email.toLowerCase(), logger: logger.child({ account: a.id }) });
            providers = { ...providers, calendar };
          }
          if (account.status === 'disconnected') {
            await providers.checkConnection?.();
            await store.setAccountStatus(a.id, 'connected', null);
            account = { ...account, status: 'connected', statusDetail: null };
            logger.info({ account: a.id }, 'account reconnected: its password works again');
          }
          if (reuse) kept.set(a.id, { providers, at: Date.now() });
          accounts.push({ account, providers });
        } catch (err) {
          const detail = `${(err as Error).message}`;
          logger.warn({ account: a.id }, 'account could not be connected');
          // A missing calendar or mailbox folder is the rep's to fix: the account needs attention
          // (it reconnects by itself on the first run that finds the folder).
          const setupProblem = (err as Error).name === 'MissingFolderError';
          if (account.status === 'disconnected' || setupProblem) await store.setAccountStatus(a.id, 'disconnected', detail);
          accounts.push({ account: { ...account, ...(setupProblem ? { status: 'disconnected' as const } : {}), statusDetail: detail }, providers: null, ...(setupProblem ? { setupProblem: detail } : {}) });
        }
      }
      let webSecret = config.web.digest ? options.webSecret : undefined;
      if (!webSecret && config.web.digest) {
        try {
          webSecret = resolveWebSecret({ get: config.env.get });
        } catch {
          webSecret = undefined; // no FOLLOWUP_WEB_SECRET: no digests (their links could not be verified)
        }
      }
      return {
        store,
        sync: config.sync,
        policy: config.policy,
        templates,
        accounts,
        logger,
        now,
        // One owner per tick: two overlapping ticks, even in one process, are told apart by the lease.
        owner: `${host}:${randomUUID().slice(0, 8)}`,
        // An unreadable file drops no one: the prospects already in the store stand in for it.
        prospectInputs: prospectsRead.unreadable ? await store.listProspects() : prospectsRead.prospects,
        prospectProblems: prospectsRead.problems,
        ...(prospectsRead.unreadable ? { prospectsUnreadable: true } : {}),
        ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
        ...(options.progress ? { progress: options.progress } : {}),
        webhooks: {
          endpoints: config.webhooks.map((w) => ({ url: w.url, secretEnv: w.secretEnv, secret: config.env.get(w.secretEnv)?.trim() || null, events: w.events })),
        },
        ...(config.push.publicUrl ? { push: pushSettings(config) } : {}),
        ...(webSecret ? { digest: { baseUrl: config.web.baseUrl.replace(/\/$/, ''), secret: webSecret, from: config.web.from } } : {}),
      };
    },
    close: () => store.close(),
  };
}

/** Where the provider posts notifications and the clientState it must echo (derived, not stored). */
function pushSettings(config: Runtime['config']): PushSettings {
  const base = config.push.publicUrl!.replace(/\/$/, '');
  return {
    notificationUrl: (accountId, provider) => `${base}/push/${provider === 'google' ? 'google/calendar' : 'microsoft'}?account=${encodeURIComponent(accountId)}`,
    clientState: (accountId) => pushClientState(config.env.get, accountId),
    safetyPollMinutes: config.push.safetyPollMinutes,
  };
}
