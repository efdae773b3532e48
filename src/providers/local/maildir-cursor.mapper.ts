import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The local mailbox's cursor: "m1." + base64url(deflate(JSON)).
 *
 * Maildir messages keep their modification time when a client moves them new -> cur or changes
 * their flags (a rename), and the part of the name before ":2," never changes. So the cursor
 * holds a watermark (the newest mtime seen) and the base names seen within SLACK of it: the next
 * fetch looks at messages with mtime >= watermark - SLACK that it has not seen. The slack
 * covers deliveries renamed into new/ out of mtime order (a slow writer) and small clock steps.
 */
const PREFIX = 'm1.';
export const MAILBOX_SLACK_MS = 10 * 60_000;

export interface MailboxCursor {
  /** Maildir identity (device:inode of cur/). */
  dir: string;
  /** Watermark: newest mtime seen, ms. */
  t: number;
  /** Base names seen with mtime >= t - MAILBOX_SLACK_MS. */
  seen: string[];
}

export function encodeMailboxCursor(cursor: MailboxCursor): string {
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(cursor), 'utf8')).toString('base64url');
}

/** The cursor, or a reason it cannot be used (the caller then looks back to `since`). */
export function decodeMailboxCursor(text: string, dir: string): MailboxCursor | { invalid: string } {
  if (!text.startsWith(PREFIX)) return { invalid: 'is not a local-mailbox cursor of this version' };
  try {
    const value = JSON.parse(inflateRawSync(Buffer.from(text.slice(PREFIX.length), 'base64url')).toString('utf8')) as Partial<MailboxCursor>;
    if (typeof value.dir !== 'string' || typeof value.t !== 'number' || !Array.isArray(value.seen)) return { invalid: 'is damaged' };
    if (value.dir !== dir) return { invalid: 'was made for a Maildir that has since been replaced' };
    return { dir: value.dir, t: value.t, seen: value.seen.filter((s): s is string => typeof s === 'string') };
  } catch {
    return { invalid: 'is damaged' };
  }
}
