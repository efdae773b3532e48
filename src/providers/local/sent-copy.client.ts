import { baseName, flagsOf, uniqueName, type MaildirClient, type MaildirMessage } from './maildir.client.js';
import type { SentIndex } from './sent-index.client.js';

/**
 * The Sent Maildir copy of an SMTP send, written BEFORE the SMTP transaction so that a crash at
 * any point can be told apart afterwards. The state lives in the copy's Maildir flags, which a
 * rename changes atomically:
 *
 *   (no copy)    nothing was submitted: SMTP never starts before the copy exists;
 *   ":2,DS"      Draft + Seen: "the SMTP transaction may have started" (written before it);
 *   ":2,S"       an ordinary Sent message: the server accepted it (renamed after its 250);
 *   ":2,DFS"     Draft + Flagged: it was "DS" when a worker looked after a crash or a lost
 *                connection; nobody can tell whether it went out, so the rep is asked.
 *
 * The Message-ID → file line is appended to the index (followup-sent.log) before the copy
 * appears, so a crash in between leaves a line that names no file: "nothing sent".
 */
export type SentCopyState = 'none' | 'sending' | 'held' | 'sent';

export interface SentCopy {
  state: SentCopyState;
  message: MaildirMessage | null;
}

const SENDING_FLAGS = 'DS';
const HELD_FLAGS = 'DFS';

export class SentCopies {
  constructor(
    readonly maildir: MaildirClient,
    private readonly index: SentIndex,
  ) {}

  async find(messageId: string): Promise<SentCopy> {
    const name = await this.index.find(messageId);
    if (!name) return { state: 'none', message: null };
    const message = await this.maildir.locate(baseName(name));
    if (!message) return { state: 'none', message: null };
    const flags = flagsOf(message.name);
    if (!flags.includes('D')) return { state: 'sent', message };
    return { state: flags.includes('F') ? 'held' : 'sending', message };
  }

  /** Writes the copy, flagged "sending", before the SMTP transaction starts. */
  async prepare(messageId: string, raw: Uint8Array, now: Date): Promise<MaildirMessage> {
    const unique = uniqueName(now);
    await this.index.record(messageId, unique);
    const name = await this.maildir.deliver(raw, { unique, flags: SENDING_FLAGS });
    return { name, folder: 'cur', base: unique, mtimeMs: now.getTime(), size: raw.length };
  }

  /** A held copy that the rep asked to send again: back to "sending". */
  async reopen(message: MaildirMessage): Promise<MaildirMessage> {
    return this.rename(message, `${flagsOf(message.name).replace(/[DF]/g, '')}${SENDING_FLAGS}`);
  }

  /** The server accepted it: an ordinary Sent message (Draft and Flagged removed, other flags kept). */
  async confirm(message: MaildirMessage): Promise<void> {
    await this.rename(message, `${flagsOf(message.name).replace(/[DF]/g, '')}S`);
  }

  /** Nobody can tell whether it went out: held for the rep. */
  async hold(message: MaildirMessage): Promise<void> {
    await this.rename(message, `${flagsOf(message.name).replace(/D/g, '')}${HELD_FLAGS}`);
  }

  /** The server refused it: nothing went out, so there is no Sent copy. */
  async discard(message: MaildirMessage): Promise<void> {
    await this.maildir.remove(message);
  }

  private async rename(message: MaildirMessage, flags: string): Promise<MaildirMessage> {
    const name = await this.maildir.setFlags(message, flags);
    return { ...message, name, folder: 'cur' };
  }
}
