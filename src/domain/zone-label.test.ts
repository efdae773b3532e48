import { describe, expect, it } from 'vitest';
import { formatWithZone, zoneLabel } from './zone-label.js';

const WINTER = new Date('2026-11-24T14:00:00Z');
const SUMMER = new Date('2026-07-24T14:00:00Z');

describe('zoneLabel', () => {
  it.each([
    ['America/New_York', 'EST', 'EDT'],
    ['America/Los_Angeles', 'PST', 'PDT'],
    ['America/Phoenix', 'MST', 'MST'],
    ['Europe/Berlin', 'CET', 'CEST'],
    ['Europe/Paris', 'CET', 'CEST'],
    ['Europe/London', 'GMT', 'BST'],
    ['Asia/Tokyo', 'Tokyo time', 'Tokyo time'],
    ['Asia/Kolkata', 'Kolkata time', 'Kolkata time'],
    ['America/Sao_Paulo', 'Sao Paulo time', 'Sao Paulo time'],
    ['Australia/Sydney', 'Sydney time', 'Sydney time'],
    ['UTC', 'UTC', 'UTC'],
  ])('%s: %s in November, %s in July', (zone, winter, summer) => {
    expect(zoneLabel(WINTER, zone)).toBe(winter);
    expect(zoneLabel(SUMMER, zone)).toBe(summer);
  });

  it('an Etc/GMT zone has no city: the offset stays', () => {
    expect(zoneLabel(WINTER, 'Etc/GMT-3')).toBe('GMT+3');
  });

  it('formats the time in the zone, then the label', () => {
    expect(formatWithZone(WINTER, 'Europe/Berlin', "cccc, LLLL d 'at' h:mm a")).toBe('Tuesday, November 24 at 3:00 PM CET');
    expect(formatWithZone(WINTER, 'Asia/Tokyo', 'h:mm a')).toBe('11:00 PM Tokyo time');
  });
});
