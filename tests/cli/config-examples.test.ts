import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProspects } from '../../src/app/prospects-file.js';
import { BUNDLED_CONFIG_DIR, readStarter, STARTER_FILES } from '../../src/cli/starter-config.js';
import { parseConfig } from '../../src/config.js';

const examples = readdirSync(BUNDLED_CONFIG_DIR).filter((f) => f.endsWith('.example.yaml'));
const configs = examples.filter((f) => f !== 'prospects.example.yaml');

describe('the example configs in config/', () => {
  it('are all there: a local, a Google, a Microsoft and a standard-protocols config, and a prospects file', () => {
    expect(examples.sort()).toEqual(['followup.example.yaml', 'google.example.yaml', 'microsoft.example.yaml', 'prospects.example.yaml', 'standard.example.yaml']);
  });

  it('the standard example has caldav, imap and smtp per account, with passwords named, not written', () => {
    const file = join(BUNDLED_CONFIG_DIR, 'standard.example.yaml');
    const cfg = parseConfig(readFileSync(file, 'utf8'), file, {});
    for (const a of cfg.accounts) {
      expect(a.caldav?.passwordEnv).toMatch(/^[A-Z_]+$/);
      expect(a.imap?.passwordEnv).toMatch(/^[A-Z_]+$/);
      expect(a.smtp?.passwordEnv).toMatch(/^[A-Z_]+$/);
    }
    expect(cfg.accounts[1]!.smtp?.port).toBe(587);
    expect(cfg.accounts[0]!.feeds).toEqual(['webcal://calendar.example/team-offsites.ics']);
    // A standard account without its imap section names the missing key.
    const broken = readFileSync(file, 'utf8').replace(/\n {4}imap: \{ host: imap\.fastmail[^\n]*/, '');
    expect(() => parseConfig(broken, file, {})).toThrow(/accounts\[0\]\.imap: provider is "standard" but the "imap" section is missing/);
  });

  it.each(configs)('%s validates against the config schema', (name) => {
    const file = join(BUNDLED_CONFIG_DIR, name);
    const cfg = parseConfig(readFileSync(file, 'utf8'), file, {});
    expect(cfg.accounts.length).toBeGreaterThan(0);
    const provider = name.split('.')[0]!;
    const expected = provider === 'followup' ? 'local' : provider;
    for (const account of cfg.accounts) expect(account.provider).toBe(expected);
  });

  it('policy.workingHolidays: a list of holiday names, empty by default', () => {
    const file = join(BUNDLED_CONFIG_DIR, 'followup.example.yaml');
    const text = readFileSync(file, 'utf8');
    expect(parseConfig(text, file, {}).policy.workingHolidays).toEqual([]);
    const custom = text.replace('workingHolidays: []', 'workingHolidays: ["Columbus Day", "Veterans Day"]');
    expect(parseConfig(custom, file, {}).policy.workingHolidays).toEqual(['Columbus Day', 'Veterans Day']);
    expect(() => parseConfig(text.replace('workingHolidays: []', 'workingHolidays: Columbus Day'), file, {})).toThrow(/policy\.workingHolidays: /);
  });

  it('the Google and Microsoft examples show both ways to connect', () => {
    const load = (n: string) => parseConfig(readFileSync(join(BUNDLED_CONFIG_DIR, n), 'utf8'), n, {});
    expect(load('google.example.yaml').accounts.map((a) => a.google?.auth).sort()).toEqual(['oauth', 'service-account']);
    expect(load('microsoft.example.yaml').accounts.map((a) => a.microsoft?.auth).sort()).toEqual(['client-credentials', 'device-code']);
  });

  it('the prospects example names its prospects for the local example account', () => {
    const file = join(BUNDLED_CONFIG_DIR, 'prospects.example.yaml');
    const { prospects, problems } = parseProspects(readFileSync(file, 'utf8'), file, ['me']);
    expect(problems).toEqual([]);
    expect(prospects.map((p) => p.email)).toEqual(['linda@example.com']);
  });

  it('`followup init` copies exactly these files', () => {
    expect(STARTER_FILES.map((f) => f.example)).toEqual(['followup.example.yaml', 'prospects.example.yaml']);
    for (const { example } of STARTER_FILES) expect(readStarter(example)).toBe(readFileSync(join(BUNDLED_CONFIG_DIR, example), 'utf8'));
    expect(() => readStarter('nope.example.yaml')).toThrow(/missing from this installation; reinstall followup/);
  });
});
