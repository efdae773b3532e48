import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BUNDLED_CONFIG_DIR } from '../../src/cli/starter-config.js';
import { parseConfig, resolveFromConfig } from '../../src/config.js';
import { buildDemoScenario } from '../../src/demo/build-scenario.js';
import { seedLocalWorkspace } from '../../src/demo/seed-local.js';

const NOW = '2026-11-23T15:00:00Z';

/** Runs the CLI in-process and returns what it printed. */
async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('the followup command', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'followup-cli-'));
    config = seedLocalWorkspace(dir, buildDemoScenario(new Date(NOW)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drafts list --json prints the documented fields, after a run', async () => {
    expect((await run(['--config', config, '--now', NOW, 'run', '--once'])).code).toBe(0);
    const { code, out } = await run(['--config', config, 'drafts', 'list', '--json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    expect(rows.length).toBe(5);
    for (const r of rows) {
      for (const key of ['id', 'prospectEmail', 'template', 'subject', 'text', 'status', 'sendAt', 'reason']) expect(r).toHaveProperty(key);
    }
    const priya = rows.find((r) => r.prospectEmail === 'priya@initech.example')!;
    expect(priya.template).toBe('follow-up-apology');
    expect(priya.status).toBe('pending');
  });

  it('approve, edit and reject record who and when; the edited text is what is queued', async () => {
    await run(['--config', config, '--now', NOW, 'run', '--once']);
    const rows = JSON.parse((await run(['--config', config, 'drafts', 'list', '--json'])).out) as { id: string; prospectEmail: string }[];
    const tom = rows.find((r) => r.prospectEmail === 'tom@globex.example')!;
    const ken = rows.find((r) => r.prospectEmail === 'ken@umbrella.example')!;
    expect((await run(['--config', config, '--now', NOW, 'drafts', 'edit', tom.id, '--text', 'Hi Tom, here are the options.\n'])).code).toBe(0);
    expect((await run(['--config', config, '--now', NOW, 'drafts', 'approve', tom.id])).code).toBe(0);
    expect((await run(['--config', config, '--now', NOW, 'drafts', 'reject', ken.id, '--reason', 'not now'])).code).toBe(0);
    const all = JSON.parse((await run(['--config', config, 'drafts', 'list', '--json', '--status', 'all'])).out) as Record<string, unknown>[];
    const t = all.find((r) => r.id === tom.id)!;
    expect(t.status).toBe('approved');
    expect(t.text).toBe('Hi Tom, here are the options.\n');
    expect(t.approvedAt).toBe(new Date(NOW).toISOString());
    const k = all.find((r) => r.id === ken.id)!;
    expect(k).toMatchObject({ status: 'rejected', rejectedReason: 'not now', rejectedAt: new Date(NOW).toISOString() });
    expect(k.rejectedBy).toEqual(expect.any(String));
    expect(t).toMatchObject({ editedAt: new Date(NOW).toISOString(), editedBy: expect.any(String) });
    const shown = await run(['--config', config, 'drafts', 'show', ken.id]);
    expect(shown.out).toMatch(/Rejected: by .+, .+: not now/);
    // Approving twice is refused with a plain message.
    const again = await run(['--config', config, '--now', NOW, 'drafts', 'approve', tom.id]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/is approved, not pending/);
  });

  it('outbox list says when each email waits for, and when it went, in the rep\'s zone', async () => {
    await run(['--config', config, '--now', NOW, 'run', '--once']);
    expect((await run(['--config', config, 'outbox', 'list'])).out).toBe('The outbox is empty.');
    const rows = JSON.parse((await run(['--config', config, 'drafts', 'list', '--json'])).out) as { id: string; prospectEmail: string }[];
    const tom = rows.find((r) => r.prospectEmail === 'tom@globex.example')!;
    await run(['--config', config, '--now', NOW, 'drafts', 'approve', tom.id]);
    const waiting = (await run(['--config', config, 'outbox', 'list'])).out;
    expect(waiting).toMatch(/approved\s+tom@globex\.example\s+not before \w{3} \d+ \w{3}, \d+:\d\d [AP]M E[SD]T/);
    await run(['--config', config, '--now', new Date(Date.parse(NOW) + 7 * 86_400_000).toISOString(), 'run', '--once']);
    const sent = (await run(['--config', config, 'outbox', 'list'])).out;
    expect(sent).toMatch(/sent\s+tom@globex\.example\s+sent \w{3} \d+ \w{3}, \d+:\d\d [AP]M E[SD]T/);
    expect(sent).not.toMatch(/\d{4}-\d\d-\d\dT/);
  });

  it('run exits 0 when all went well and 2 when some items were skipped, after doing the rest', async () => {
    expect((await run(['--config', config, '--now', NOW, 'run', '--once'])).code).toBe(0);
    appendFileSync(join(dir, 'prospects.yaml'), '- { email: typo@x.example, name: Typo, timeZone: Europe/Londn }\n');
    const later = new Date(Date.parse(NOW) + 60_000).toISOString();
    const partial = await run(['--config', config, '--now', later, 'run', '--once']);
    expect(partial.code).toBe(2);
    expect(partial.out).toMatch(/Problems \(skipped, the rest went on\)\n\s+- prospects file: .*typo@x\.example/);
    expect(partial.err).toMatch(/1 problem \(listed above\) was skipped; everything else ran\. Exit status 2\./);
  });

  it('the summary names the prospects file once in a problem line, for a bad entry and for a file it cannot read', async () => {
    const file = join(dir, 'prospects.yaml');
    appendFileSync(file, '- { email: typo@x.example, name: Typo, timeZone: Europe/Londn }\n');
    const line = (out: string) => out.split('\n').find((l) => l.includes('prospects file')) ?? '';
    const once = (text: string, what: string) => text.toLowerCase().split(what.toLowerCase()).length - 1;
    const bad = line((await run(['--config', config, '--now', NOW, 'run', '--once'])).out);
    expect(bad).toMatch(/^\s+- prospects file: .*prospects\.yaml, entry \[\d+\] \(typo@x\.example\) skipped: timeZone: /);
    expect([once(bad, 'prospects file'), once(bad, file)]).toEqual([1, 1]);
    writeFileSync(file, '- [unclosed\n');
    const unreadable = line((await run(['--config', config, '--now', new Date(Date.parse(NOW) + 60_000).toISOString(), 'run', '--once'])).out);
    expect(unreadable).toMatch(/^\s+- prospects file: .*prospects\.yaml is not valid YAML or JSON at line \d+, column \d+: /);
    expect([once(unreadable, 'prospects file'), once(unreadable, file)]).toEqual([1, 1]);
  });

  it('templates preview renders a template for a prospect', async () => {
    const { code, out } = await run(['--config', config, '--now', NOW, 'templates', 'preview', 'follow-up-apology', '--prospect', 'priya@initech.example']);
    expect(code).toBe(0);
    expect(out).toMatch(/Hi Priya,/);
    expect(out).toMatch(/let it slip/);
  });

  it('explains a bad --now and an unknown draft in plain words', async () => {
    const bad = await run(['--config', config, '--now', 'yesterday', 'run']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/--now "yesterday" is not an ISO time/);
    const port = await run(['emulate', 'google', '--port', 'eighty']);
    expect(port.err).toMatch(/--port "eighty" is not a port number/);
    const missing = await run(['--config', config, 'drafts', 'show', 'dr_nope']);
    expect(missing.err).toMatch(/No draft with id dr_nope; list them with `followup drafts list`/);
  });

  it('init writes a starting config that validates (with ~ paths expanded)', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      rmSync(join(dir, 'followup.yaml'));
      rmSync(join(dir, 'prospects.yaml'));
      expect((await run(['init'])).code).toBe(0);
      expect(readFileSync(join(dir, 'followup.yaml'), 'utf8')).toBe(readFileSync(join(BUNDLED_CONFIG_DIR, 'followup.example.yaml'), 'utf8'));
      const cfg = parseConfig(readFileSync(join(dir, 'followup.yaml'), 'utf8'), join(dir, 'followup.yaml'), {});
      expect(cfg.accounts[0]?.provider).toBe('local');
      expect(resolveFromConfig(cfg, cfg.accounts[0]!.local!.calendarDir)).toBe(join(homedir(), '.calendars/work'));
      expect((await run(['init'])).err).toMatch(/already exists; pass --force/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('names the bad key of a config file and what it expects', () => {
    expect(() => parseConfig('accounts:\n  - { id: a, name: A, email: not-an-email, timeZone: Mars/Base, provider: local }\n', 'x.yaml', {})).toThrow(
      /accounts\[0\]\.email: .*\n.*accounts\[0\]\.timeZone: an IANA time zone/,
    );
  });
});
