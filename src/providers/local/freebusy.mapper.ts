import type { TimeInterval } from '../../domain/types.js';
import type { ReadEvent } from './ics-event.mapper.js';

/**
 * Busy time from calendar events (pure): confirmed or tentative, not TRANSP:TRANSPARENT, and
 * not declined by the rep. Intervals are clipped to the window and merged.
 */
export function busyIntervals(events: ReadEvent[], window: TimeInterval, repEmail: string): TimeInterval[] {
  const rep = repEmail.toLowerCase();
  const start = window.start.getTime();
  const end = window.end.getTime();
  const spans = events
    .filter(({ event, transparent }) => {
      if (transparent || event.status === 'cancelled') return false;
      return !event.attendees.some((a) => a.email === rep && a.response === 'declined');
    })
    .map(({ event }) => [Math.max(event.start.getTime(), start), Math.min(event.end.getTime(), end)] as const)
    .filter(([s, e]) => e > s);
  return mergeSpans(spans);
}

/** Spans of epoch milliseconds, in any order, as sorted intervals with the overlapping ones joined. */
export function mergeSpans(spans: readonly (readonly [number, number])[]): TimeInterval[] {
  const merged: [number, number][] = [];
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}
