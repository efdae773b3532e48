/** Subjects of emails in a thread. */

/** "Re: <subject>" unless it already starts with a reply prefix (English, German, Nordic, Dutch). */
export function replySubject(subject: string): string {
  return /^\s*(re|aw|sv|antw)\s*:/i.test(subject) ? subject.trim() : `Re: ${subject.trim()}`;
}

const RE_PREFIX = /^\s*re\s*:\s*/i;

/** The thread's own subject: every leading "Re:" removed. */
export function stripReplyPrefixes(subject: string): string {
  let s = subject;
  while (RE_PREFIX.test(s)) s = s.replace(RE_PREFIX, '');
  return s.trim();
}
