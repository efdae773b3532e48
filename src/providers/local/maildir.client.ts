import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ProviderError } from '../../ports/errors.js';
import { ensureDir, writeTemp } from './atomic-file.client.js';

/**
 * A Maildir (https://cr.yp.to/proto/maildir.html) as mbsync, offlineimap and getmail keep it:
 * messages are delivered into tmp/ and renamed into new/; a mail client moves them to cur/ and
 * appends ":2,<flags>". This client only does file I/O.
 */
export interface MaildirMessage {
  /** File name inside new/ or cur/. */
  name: string;
  folder: 'new' | 'cur';
  /** The unique part before ":2,", stable when a client moves or flags the message. */
  base: string;
  mtimeMs: number;
  size: number;
}

const HEADER_READ_LIMIT_BYTES = 256 * 1024;
let deliveries = 0;

export class MaildirClient {
  constructor(
    readonly dir: string,
    /** For error messages: "mailbox", "outbox". */
    private readonly role: string,
  ) {}

  /** Creates the folder with tmp/, new/ and cur/. */
  async ensure(): Promise<void> {
    for (const sub of ['tmp', 'new', 'cur']) await ensureDir(join(this.dir, sub));
  }

  /** Identity of the Maildir: a replaced folder invalidates cursors. */
  async identity(): Promise<string> {
    try {
      const s = await stat(join(this.dir, 'cur'));
      return `${s.dev}:${s.ino}`;
    } catch (err) {
      throw this.missing(err);
    }
  }

  /** Messages in new/ and cur/ (never tmp/, where deliveries are still being written). */
  async list(): Promise<MaildirMessage[]> {
    const messages: MaildirMessage[] = [];
    for (const folder of ['new', 'cur'] as const) {
      let names: string[];
      try {
        names = await readdir(join(this.dir, folder));
      } catch (err) {
        throw this.missing(err);
      }
      for (const name of names) {
        if (name.startsWith('.')) continue;
        try {
          const s = await stat(join(this.dir, folder, name));
          if (!s.isFile()) continue;
          messages.push({ name, folder, base: baseName(name), mtimeMs: s.mtimeMs, size: s.size });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err; // moved meanwhile
        }
      }
    }
    return messages;
  }

  /** The header block (up to the first empty line), or null when the message is gone. */
  async readHead(message: MaildirMessage): Promise<Buffer | null> {
    let handle;
    try {
      handle = await open(join(this.dir, message.folder, message.name), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      const buffer = Buffer.alloc(Math.min(HEADER_READ_LIMIT_BYTES, Math.max(message.size, 1)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, bytesRead);
      const end = headerEnd(head);
      return end === -1 ? head : head.subarray(0, end);
    } finally {
      await handle.close();
    }
  }

  /** The whole message; null when it was moved or removed meanwhile (the caller re-lists). */
  async read(message: MaildirMessage): Promise<Buffer | null> {
    for (const folder of [message.folder, message.folder === 'new' ? 'cur' : 'new'] as const) {
      try {
        return await readFile(join(this.dir, folder, message.name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    // A client may have moved it new -> cur and added flags: find it by its base name.
    const moved = (await this.list()).find((m) => m.base === message.base);
    return moved ? readFile(join(this.dir, moved.folder, moved.name)).catch(() => null) : null;
  }

  /** Delivers a message: written and synced in tmp/, then renamed into new/ (or, for a copy
   *  that is already read, such as a Sent copy, into cur/ with the Seen flag). Returns its name. */
  async deliver(raw: Uint8Array, options: { now?: Date; seen?: boolean; unique?: string; flags?: string } = {}): Promise<string> {
    const unique = options.unique ?? uniqueName(options.now ?? new Date());
    const flags = options.flags ?? (options.seen ? 'S' : null);
    const name = flags !== null ? `${unique}:2,${flags}` : unique;
    const tmp = await writeTemp(join(this.dir, 'tmp'), raw, unique);
    try {
      await rename(tmp, join(this.dir, flags !== null ? 'cur' : 'new', name));
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    return name;
  }

  /** The message whose unique part is `base`, wherever a client moved or flagged it; null when gone. */
  async locate(base: string): Promise<MaildirMessage | null> {
    return (await this.list()).find((m) => m.base === base) ?? null;
  }

  /** Replaces a message's flags (an atomic rename within cur/); returns its new name. */
  async setFlags(message: MaildirMessage, flags: string): Promise<string> {
    const name = `${message.base}:2,${[...new Set(flags)].sort().join('')}`;
    if (name !== message.name || message.folder !== 'cur') await rename(join(this.dir, message.folder, message.name), join(this.dir, 'cur', name));
    return name;
  }

  async remove(message: MaildirMessage): Promise<void> {
    await unlink(join(this.dir, message.folder, message.name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  private missing(err: unknown): ProviderError {
    return new ProviderError({
      code: 'NOT_FOUND',
      where: `local ${this.role} ${this.dir}`,
      message: `the Maildir is missing its new/ or cur/ folder (${(err as Error).message}). Create it, mount it, or fix the path in the config`,
      cause: err,
    });
  }
}

/** "1700000000.M123456P4242Q7R1a2b3c.host" (the Maildir convention, with a random part). */
export function uniqueName(now: Date): string {
  deliveries += 1;
  const seconds = Math.floor(now.getTime() / 1000);
  const micros = (now.getTime() % 1000) * 1000;
  const host = hostname().replace(/\//g, '\\057').replace(/:/g, '\\072') || 'localhost';
  return `${seconds}.M${micros}P${process.pid}Q${deliveries}R${randomBytes(4).toString('hex')}.${host}`;
}

/** The flags of a Maildir file name (the letters after ":2,"), '' when it has none. */
export function flagsOf(name: string): string {
  const m = /[:;!]2,([^/]*)$/.exec(name);
  return m ? m[1]! : '';
}

/** The part of a Maildir file name before the info (":2,FLAGS"; "!" or ";" on some systems). */
export function baseName(name: string): string {
  return name.replace(/[:;!]2,[^/]*$/, '');
}

function headerEnd(buf: Buffer): number {
  if (!buf.includes(0x0a)) {
    const cr = buf.indexOf('\r\r'); // old Mac line ends
    return cr === -1 ? -1 : cr + 1;
  }
  const crlf = buf.indexOf('\r\n\r\n');
  const lf = buf.indexOf('\n\n');
  if (crlf === -1) return lf === -1 ? -1 : lf + 1;
  if (lf === -1) return crlf + 2;
  return Math.min(crlf + 2, lf + 1);
}
