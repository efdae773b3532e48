import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProspects } from '../app/prospects-file.js';
import { seedLocalWorkspace } from '../demo/seed-local.js';
import { scaledDemoScenario } from './scaled-scenario.js';

describe('the scaled demo used by bench:tick', () => {
  const scenario = scaledDemoScenario(new Date('2026-11-23T15:00:00Z'), 3);

  it('copies every prospect, call and email with its own address and ids', () => {
    expect(scenario.prospects).toHaveLength(21);
    expect(new Set(scenario.prospects.map((p) => p.email)).size).toBe(21);
    expect(scenario.prospects.map((p) => p.email)).toContain('linda.2@acme.example');
    expect(new Set(scenario.events.map((e) => e.id)).size).toBe(scenario.events.length);
    expect(scenario.events.filter((e) => e.title === 'Team sync')).toHaveLength(1);
    const ids = scenario.messages.map((m) => /^Message-ID: (.*)$/m.exec(m.raw)?.[1]);
    expect(new Set(ids).size).toBe(scenario.messages.length);
    expect(scenario.messages.every((m) => !/\b(?:linda|sara|dana|omar)@/.test(m.raw))).toBe(true);
  });

  it('writes a prospects file that reads back in full (no YAML aliases for shared lists)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-scaled-'));
    try {
      seedLocalWorkspace(dir, scaledDemoScenario(new Date('2026-11-23T15:00:00Z'), 150));
      const file = join(dir, 'prospects.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/[&*]a\d+/);
      expect(parseProspects(text, file, ['alex']).prospects).toHaveLength(1050);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
