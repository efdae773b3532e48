import { describe, expect, it } from 'vitest';
import { extractReturnDate } from './return-date.js';
import { readNextWeekday } from './times.js';
import { isMonthFirstZone, isValidZone, zoneWordAt } from './zones.js';

describe('zones', () => {
  it.each([
    ['America/New_York', true], ['America/Los_Angeles', true], ['America/Sao_Paulo', false], ['Europe/Berlin', false], ['Asia/Tokyo', false],
  ])('%s month-first numeric dates: %s', (zone, expected) => {
    expect(isMonthFirstZone(zone)).toBe(expected);
  });

  it('validates IANA zones', () => {
    expect(isValidZone('Europe/Paris')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });

  it('reads a zone word after a time', () => {
    expect(zoneWordAt(' PT works')?.zone).toBe('America/Los_Angeles');
    expect(zoneWordAt(' Eastern time')?.zone).toBe('America/New_York');
    expect(zoneWordAt(' works')).toBeNull();
  });
});

describe('readNextWeekday', () => {
  const monday = new Date('2025-11-17T15:00:00Z');
  const friday = new Date('2025-11-21T15:00:00Z');
  it('on a Monday, "next Tuesday" is next week with tomorrow as the alternative', () => {
    const r = readNextWeekday('tue', monday, 'America/New_York');
    expect(r.primary.toISODate()).toBe('2025-11-25');
    expect(r.alternative?.toISODate()).toBe('2025-11-18');
  });
  it('on a Friday, "next Tuesday" is the coming one, unambiguous', () => {
    const r = readNextWeekday('tue', friday, 'America/New_York');
    expect(r.primary.toISODate()).toBe('2025-11-25');
    expect(r.alternative).toBeNull();
  });
});

describe('extractReturnDate', () => {
  const ref = new Date('2025-11-17T15:00:00Z');
  it.each([
    ['I will be back on Monday 1 December.', 'America/New_York', '2025-12-01'],
    ['Away until 12/03.', 'America/New_York', '2025-12-03'],
    ['Away until 12/03.', 'Europe/Berlin', '2026-03-12'],
    ['Returning Dec 3rd.', 'America/New_York', '2025-12-03'],
    ['Ich bin bis zum 28.11.2025 nicht im Büro. Ab dem 01.12. wieder erreichbar.', 'Europe/Berlin', '2025-12-01'],
    ['Estoy fuera hasta el 2 de diciembre.', 'Europe/Madrid', '2025-12-02'],
    ['I am away with limited access to email.', 'America/New_York', null],
  ])('%s (%s)', (text, zone, expected) => {
    expect(extractReturnDate(text, ref, zone)).toBe(expected);
  });
});
