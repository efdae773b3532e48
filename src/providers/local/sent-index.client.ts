import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readHeaderHints } from './mail-headers.parser.js';
import type { MaildirClient } from './maildir.client.js';

/**
 * Which Message-IDs were delivered into a Maildir (the outbox, or the Sent copy of SMTP sends).
 *
 * An append-only log in the Maildir's top folder ("followup-sent.log", one
 * "<message-id> TAB <file name>" per line, next to files like dovecot-uidlist) records every
 * delivery, and keeps answering after a mail program has taken the message out of the
 * outbox. Messages in new/ and cur/ that the log does not know (a crash between delivery and
 * the log line, or a copy put there by hand) are found by reading their headers.
 */
export const SENT_LOG_FILE = 'followup-sent.log';

export class SentIndex {
  private readonly byMessageId = new Map<string, string>();
  private readonly scannedNames = new Set<string>();
  private logBytesRead = 0;

  constructor(private readonly maildir: MaildirClient) {}

  async record(messageId: string, name: string): Promise<void> {
    this.byMessageId.set(messageId, name);
    this.scannedNames.add(name);
    await appendFile(this.logPath(), `${messageId}\t${name}\n`, { encoding: 'utf8', mode: 0o600 });
  }

  /** The file name the message was delivered as, or null when it never was. */
  async find(messageId: string): Promise<string | null> {
    await this.readLog();
    const known = this.byMessageId.get(messageId);
    if (known) return known;
    for (const message of await this.maildir.list()) {
      if (this.scannedNames.has(message.name)) continue;
      this.scannedNames.add(message.name);
      const head = await this.maildir.readHead(message);
      const id = head ? readHeaderHints(head).messageId : null;
      if (id) this.byMessageId.set(id, message.name);
    }
    return this.byMessageId.get(messageId) ?? null;
  }

  private async readLog(): Promise<void> {
    let buf: Buffer;
    try {
      buf = await readFile(this.logPath());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    if (buf.length < this.logBytesRead) this.logBytesRead = 0; // rotated or truncated
    const text = buf.subarray(this.logBytesRead).toString('utf8');
    const complete = text.lastIndexOf('\n') + 1; // a line still being written waits
    for (const line of text.slice(0, complete).split('\n')) {
      const [id, name] = line.split('\t');
      if (id && name) {
        this.byMessageId.set(id, name);
        this.scannedNames.add(name);
      }
    }
    this.logBytesRead += Buffer.byteLength(text.slice(0, complete), 'utf8');
  }

  private logPath(): string {
    return join(this.maildir.dir, SENT_LOG_FILE);
  }
}
