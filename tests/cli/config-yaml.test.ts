import { describe, expect, it, vi } from 'vitest';
import { parse as parseWithYaml, stringify } from 'yaml';
import { isTimeZone, parseConfig, parseConfigYaml } from '../../src/config.js';

/**
 * The config of many reps is read by js-yaml (fast), and by the `yaml` package only when js-yaml
 * refuses it: the result must be what `yaml` alone gives, and an error must read as `yaml`'s.
 */
describe('reading the config YAML', () => {
  const docs = [
    'a: 0755\nb: 0o14\nc: 0x1F\nd: 1e3\ne: +12\nf: 0.5\ng: -.5',
    'a: 2024-01-01\nb: 2024-01-01T10:00:00Z\nc: 09:00\nd: 12:30\ne: 1_000\nf: 0b101',
    'a: ~\nb: null\nc: Null\nd: yes\ne: on\nf: True\ng: NULL',
    'x: &a {b: 1}\ny: *a\n<<: {m: 1}\n"q": "\\u00e9"\n? complex\n: v',
    'a: |\n  line\nb: >-\n  folded\n  text\nc: !!str 12',
    'a: !custom 1',
    stringify({ schedule: '*/10 * * * *', accounts: Array.from({ length: 5 }, (_, i) => ({ id: `rep${i}`, email: `rep${i}@example.com`, timeZone: 'Europe/Berlin', google: { calendarId: `rep${i}@example.com`, requestsPerSecond: 50 } })) }),
  ];

  it.each(docs)('gives what the yaml package gives: %s', (doc) => {
    expect(parseConfigYaml(doc)).toEqual(parseWithYaml(doc));
  });

  it.each(['a: 1\na: 2', 'a: [1, 2', 'a:\n\t- 1', 'a: 1\n---\nb: 2'])('an invalid file fails with the yaml package\'s message: %s', (doc) => {
    let expected = '';
    try {
      parseWithYaml(doc);
    } catch (err) {
      expected = (err as Error).message;
    }
    expect(expected).not.toBe('');
    expect(() => parseConfig(doc, 'followup.yaml', {})).toThrow(`Config file followup.yaml is not valid YAML: ${expected}`);
  });

  it('checks each time zone once, however many reps name it', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      const accounts = Array.from({ length: 40 }, (_, i) => ({ id: `rep${i}`, name: `Rep ${i}`, email: `rep${i}@example.com`, timeZone: i % 2 ? 'Asia/Kolkata' : 'America/Denver', provider: 'google', google: {} }));
      const config = parseConfig(stringify({ accounts }), 'followup.yaml', {});
      expect(config.accounts).toHaveLength(40);
      const checked = spy.mock.calls.filter(([, options]) => options && 'timeZone' in options).map(([, options]) => (options as { timeZone: string }).timeZone);
      expect(checked.filter((z) => z === 'Asia/Kolkata').length).toBeLessThanOrEqual(1);
      expect(checked.filter((z) => z === 'America/Denver').length).toBeLessThanOrEqual(1);
    } finally {
      spy.mockRestore();
    }
    expect(isTimeZone('Not/AZone')).toBe(false);
    expect(() => parseConfig(stringify({ accounts: [{ id: 'a', name: 'A', email: 'a@example.com', timeZone: 'Not/AZone', provider: 'google', google: {} }] }), 'followup.yaml', {})).toThrow('an IANA time zone');
  });

  it('builds no formatter for a zone ICU lists (the first one of a zone costs up to 10 ms), and still checks the others', () => {
    const listed = Intl.supportedValuesOf('timeZone').filter((z) => z.startsWith('Pacific/')).slice(0, 3);
    expect(listed.length).toBe(3);
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      for (const zone of listed) expect(isTimeZone(zone), zone).toBe(true);
      expect(spy.mock.calls.length, 'formatters built for listed zones').toBe(0);
      // Not listed by ICU, valid all the same: a formatter decides.
      for (const zone of ['UTC', 'US/Eastern', 'Etc/GMT+5']) expect(isTimeZone(zone), zone).toBe(true);
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(spy.mock.calls.length).toBe(4);
    } finally {
      spy.mockRestore();
    }
  });
});
