import { ImapFlow, type FetchMessageObject } from 'imapflow';
import { ProviderError } from '../../ports/errors.js';
import { mapImapError } from './imap-error.mapper.js';

/**
 * IMAP (imapflow) for one account: one connection per tick, opened on first use. Everything the
 * adapters need and nothing more: folder state (UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ), headers
 * and sources by UID, search by Message-ID, APPEND with flags, flag changes. Every failure
 * leaves here as a ProviderError (imap-error.mapper.ts). This client only does IMAP.
 */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  passwordEnv: string;
  password: () => string | undefined;
  timeoutMs?: number;
  /** TLS options for servers with a private CA (tests, self-hosted). */
  tls?: { rejectUnauthorized?: boolean };
}

export interface FolderState {
  uidValidity: string;
  uidNext: number;
  /** CONDSTORE (RFC 7162): null when the server has no MODSEQ. */
  highestModseq: string | null;
}

export interface HeaderItem {
  uid: number;
  flags: Set<string>;
  /** The raw header block. */
  head: Buffer;
}

const HINT_HEADERS = ['from', 'message-id', 'in-reply-to', 'references', 'date', 'subject', 'content-type'];
const DEFAULT_TIMEOUT_MS = 30_000;

export class ImapClient {
  private client: ImapFlow | null = null;
  private opening: Promise<ImapFlow> | null = null;
  private sessions = 0;

  constructor(private readonly settings: ImapSettings) {}

  where(folder?: string): string {
    return `imap ${this.settings.host}:${this.settings.port}${folder ? ` ${folder}` : ''}`;
  }

  /**
   * Runs `fn` on one logged-in connection and logs out when the outermost session ends, so no
   * connection outlives the adapter call that needed it (a `run --once` process exits).
   */
  async session<T>(fn: () => Promise<T>): Promise<T> {
    this.sessions += 1;
    try {
      return await fn();
    } finally {
      this.sessions -= 1;
      if (this.sessions === 0) await this.close();
    }
  }

  /** Logs in (or fails with AUTH_REVOKED naming the password variable). */
  async connect(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    this.opening ??= this.open().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  /** The folder flagged \Sent by the server (RFC 6154), or one named "Sent". */
  async findSentFolder(): Promise<string | null> {
    const list = await this.run(null, (c) => c.list());
    return list.find((m) => m.specialUse === '\\Sent')?.path ?? list.find((m) => /^(sent|sent items|sent messages)$/i.test(m.name))?.path ?? null;
  }

  async state(folder: string): Promise<FolderState> {
    const status = await this.run(folder, (c) => c.status(folder, { uidValidity: true, uidNext: true, highestModseq: true }));
    if (!status || status.uidValidity === undefined || status.uidNext === undefined) {
      throw new ProviderError({ code: 'NOT_FOUND', where: this.where(folder), message: `the IMAP server gave no state for "${folder}"; check the folder name in the config` });
    }
    return { uidValidity: String(status.uidValidity), uidNext: status.uidNext, highestModseq: status.highestModseq === undefined ? null : String(status.highestModseq) };
  }

  /** UIDs of messages received or dated on or after `since` (day granularity, as IMAP SEARCH
   *  has it): SINCE (arrival) or SENTSINCE (the Date header), so a copied-in mailbox is found too. */
  async uidsSince(folder: string, since: Date): Promise<number[]> {
    return this.withFolder(folder, async (c) => ((await c.search({ or: [{ since }, { sentSince: since }] }, { uid: true })) || []).sort((a, b) => a - b));
  }

  /** Header blocks and flags of messages with UID >= fromUid (or of the given UIDs). */
  async headers(folder: string, range: { fromUid: number } | { uids: number[] }): Promise<HeaderItem[]> {
    if ('uids' in range && range.uids.length === 0) return [];
    const spec = 'uids' in range ? range.uids.join(',') : `${range.fromUid}:*`;
    const min = 'uids' in range ? 0 : range.fromUid;
    return this.withFolder(folder, async (c) => {
      const items: HeaderItem[] = [];
      for await (const m of c.fetch(spec, { uid: true, flags: true, headers: HINT_HEADERS }, { uid: true })) {
        // "n:*" returns the last message even when its UID is below n.
        if (m.uid < min) continue;
        items.push({ uid: m.uid, flags: m.flags ?? new Set(), head: m.headers ?? Buffer.alloc(0) });
      }
      return items;
    });
  }

  async source(folder: string, uid: number): Promise<Buffer | null> {
    return this.withFolder(folder, async (c) => {
      const m: FetchMessageObject | false = await c.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      return m && m.source ? m.source : null;
    });
  }

  /** Messages whose Message-ID header is `messageId`, with their flags. */
  async findByMessageId(folder: string, messageId: string): Promise<{ uid: number; flags: Set<string> }[]> {
    return this.withFolder(folder, async (c) => {
      const uids = (await c.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
      if (uids.length === 0) return [];
      const found: { uid: number; flags: Set<string> }[] = [];
      for await (const m of c.fetch(uids.join(','), { uid: true, flags: true, headers: ['message-id'] }, { uid: true })) {
        // SEARCH HEADER is a substring match: keep exact ids only.
        const id = /message-id:\s*(<[^>]+>)/i.exec(m.headers?.toString('latin1') ?? '')?.[1];
        if (id === messageId) found.push({ uid: m.uid, flags: m.flags ?? new Set() });
      }
      return found;
    });
  }

  /** Whether the folder keeps keywords of our own ($FollowupPending); otherwise \Draft is used. */
  async allowsKeywords(folder: string): Promise<boolean> {
    return this.withFolder(folder, async (c) => {
      const flags = c.mailbox ? c.mailbox.permanentFlags : undefined;
      return Boolean(flags?.has('\\*'));
    });
  }

  /** APPENDs a message; the UID when the server says it (UIDPLUS), else looked up by Message-ID. */
  async append(folder: string, raw: Buffer, flags: string[], messageId: string): Promise<number | null> {
    const result = await this.run(folder, (c) => c.append(folder, raw, flags));
    if (result && result.uid) return result.uid;
    const found = await this.findByMessageId(folder, messageId);
    return found.at(-1)?.uid ?? null;
  }

  async addFlags(folder: string, uid: number, flags: string[]): Promise<void> {
    await this.withFolder(folder, (c) => c.messageFlagsAdd(String(uid), flags, { uid: true }));
  }

  async removeFlags(folder: string, uid: number, flags: string[]): Promise<void> {
    await this.withFolder(folder, (c) => c.messageFlagsRemove(String(uid), flags, { uid: true }));
  }

  async remove(folder: string, uid: number): Promise<void> {
    await this.withFolder(folder, (c) => c.messageDelete(String(uid), { uid: true }));
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (!c) return;
    await c.logout().catch(() => c.close());
  }

  private async open(): Promise<ImapFlow> {
    const pass = this.settings.password();
    if (!pass) {
      throw new ProviderError({
        code: 'AUTH_REVOKED',
        where: this.where(),
        message: `the IMAP password is missing: set the environment variable ${this.settings.passwordEnv} (named by imap.passwordEnv) to the app password`,
      });
    }
    const timeout = this.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const client = new ImapFlow({
      host: this.settings.host,
      port: this.settings.port,
      secure: this.settings.secure,
      auth: { user: this.settings.user, pass },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 4,
      ...(this.settings.tls ? { tls: this.settings.tls } : {}),
    });
    // A dropped connection emits 'error'; the next call reconnects.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (err) {
      client.close();
      throw mapImapError(err, { where: this.where(), passwordEnv: this.settings.passwordEnv });
    }
    this.client = client;
    return client;
  }

  private async withFolder<T>(folder: string, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    return this.run(folder, async (c) => {
      const lock = await c.getMailboxLock(folder);
      try {
        return await fn(c);
      } finally {
        lock.release();
      }
    });
  }

  private async run<T>(folder: string | null, fn: (c: ImapFlow) => Promise<T>): Promise<T> {
    const c = await this.connect();
    try {
      return await fn(c);
    } catch (err) {
      if (err instanceof ProviderError) throw err;
      throw mapImapError(err, { where: this.where(folder ?? undefined), passwordEnv: this.settings.passwordEnv, folder });
    }
  }
}
