import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTemplateFolder, loadTemplates, parseTemplateSource, type LoadedTemplate } from './engine.js';
import { BUNDLED_TEMPLATES_DIR, buildTemplateContext } from './context.js';
import type { Prospect } from '../domain/types.js';

const prospect: Prospect = {
  id: 'p1',
  accountId: 'a1',
  email: 'priya@initech.example',
  name: 'Priya Shah',
  company: 'Initech',
  timeZone: 'Europe/London',
  materialSent: ['Pricing sheet'],
  nextStep: { what: 'send the revised proposal', due: new Date('2026-11-11T10:00:00Z') },
  status: 'open',
};
const rep = { name: 'Alex Morgan', email: 'alex@example.com', timeZone: 'America/New_York' };

describe('templates', () => {
  const set = loadTemplates(BUNDLED_TEMPLATES_DIR);

  it('loads every bundled template with its approval policy', () => {
    expect(set.list().length).toBeGreaterThanOrEqual(12);
    expect(set.get('rep-brief').approval).toBe('auto');
    expect(set.get('missed-nudge-1').approval).toBe('approve');
  });

  it('renders the apology with the gap in words and the open item, in the thread', () => {
    const ctx = buildTemplateContext({ prospect, rep, gapDays: 12, thread: { subject: 'RE: Proposal', references: [] } });
    const out = set.get('follow-up-apology').render(ctx);
    expect(out.subject).toBe('Re: Proposal');
    expect(out.text).toContain('Hi Priya');
    expect(out.text).toContain('last week and let it slip');
    expect(out.text).toContain('send the revised proposal');
  });

  it('formats dates in the zone it is given', () => {
    const ctx = buildTemplateContext({
      prospect: { ...prospect, timeZone: 'Europe/Berlin' },
      rep,
      booking: { start: new Date('2026-11-24T14:00:00Z'), end: new Date('2026-11-24T14:30:00Z'), timeZone: 'Europe/Berlin' },
    });
    expect(set.get('booking-confirmation').render(ctx).text).toContain('Tuesday, November 24 at 3:00 PM CET');
  });

  it('fails on a missing variable instead of sending a half-filled email', () => {
    const t = parseTemplateSource('---\nsubject: Hi\napproval: approve\n---\nHello {{prospect.nickname}}\n', '/x/follow-up.hbs');
    expect(() => t.render(buildTemplateContext({ prospect, rep }))).toThrow(/follow-up\.hbs.*nickname/);
  });

  it('names the file and key for bad front matter or syntax', () => {
    expect(() => parseTemplateSource('---\nsubject: Hi\napproval: maybe\n---\nx', '/t/follow-up.hbs')).toThrow(/follow-up\.hbs: front matter approval/);
    expect(() => parseTemplateSource('no front matter', '/t/follow-up.hbs')).toThrow(/missing front matter/);
    expect(() => parseTemplateSource('---\nsubject: Hi\napproval: auto\n---\n{{#if x}}', '/t/follow-up.hbs')).toThrow(/follow-up\.hbs/);
  });

  describe('never half-filled', () => {
    const src = (body: string, subject = 'Hi') => `---\nsubject: "${subject}"\napproval: approve\ndescription: test\n---\n${body}`;
    const ctx = (over: Partial<Prospect> = {}) => buildTemplateContext({ prospect: { ...prospect, ...over }, rep });

    it.each([
      ['null', { hotButton: null }, 'is null'],
      ['an empty string', { hotButton: '  ' }, 'is an empty string'],
    ])('refuses a printed variable that is %s, naming the file, the line in the file and the variable', (_what, over, words) => {
      const t = parseTemplateSource(src('Hi {{prospect.firstName}},\n\nLast time you told me {{prospect.hotButton}} was your top priority.\n'), '/t/follow-up.hbs');
      // Front matter is lines 1-5, the body starts on line 6: the variable is on line 8.
      expect(() => t.render(ctx(over))).toThrow(`/t/follow-up.hbs:8: {{prospect.hotButton}} ${words} for this draft.`);
    });
    it('refuses an empty list printed as is, and a variable whose parent is null', () => {
      const t = parseTemplateSource(src('Material: {{material}}\n'), '/t/follow-up.hbs');
      expect(() => t.render(ctx({ materialSent: [] }))).toThrow('/t/follow-up.hbs:6: {{material}} is an empty list');
      const m = parseTemplateSource(src('\n\nSee you {{datetime meeting.start prospect.timeZone}}\n'), '/t/missed-nudge-1.hbs');
      expect(() => m.render(ctx())).toThrow('/t/missed-nudge-1.hbs:8: {{meeting.start}} is null');
    });
    it('allows empty values the template guards with #if, #unless, #each or #with', () => {
      const t = parseTemplateSource(
        src('{{#if prospect.hotButton}}You said {{prospect.hotButton}}.{{else}}What matters most?{{/if}}\n{{#each material}}- {{this}}\n{{/each}}{{#with meeting}}{{title}}{{/with}}{{#unless prospect.company}}Hi{{/unless}}\n'),
        '/t/follow-up.hbs',
      );
      expect(t.render(ctx({ hotButton: null, materialSent: [], company: null })).text).toBe('What matters most?\nHi\n');
    });
    it('checks the subject too, on the subject\'s line', () => {
      const t = parseTemplateSource(src('Hello\n', 'About {{prospect.company}}'), '/t/follow-up.hbs');
      expect(() => t.render(ctx({ company: null }))).toThrow('/t/follow-up.hbs:2: {{prospect.company}} is null');
      expect(t.render(ctx()).subject).toBe('About Initech');
    });
    it('keeps the whole parse error, with the line counted in the file', () => {
      let message = '';
      try {
        parseTemplateSource(src('Hi {{prospect.firstName}},\n\n{{#if x}}never closed\n'), '/t/follow-up.hbs');
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain('/t/follow-up.hbs: the body is not valid Handlebars:');
      expect(message).toContain('Parse error on line 9:');
      expect(message.split('\n').length).toBeGreaterThan(2); // the source excerpt and the caret line
      expect(message).toMatch(/Expecting .+, got 'EOF'/);
    });
    it('lets a custom folder override just some templates; the others are the bundled ones', () => {
      const dir = mkdtempSync(join(tmpdir(), 'followup-templates-'));
      try {
        writeFileSync(join(dir, 'follow-up.hbs'), src('Custom {{prospect.firstName}}\n'));
        const mixed = loadTemplates(dir, BUNDLED_TEMPLATES_DIR);
        expect(mixed.get('follow-up').file).toBe(join(dir, 'follow-up.hbs'));
        expect(mixed.get('follow-up').render(ctx()).text).toBe('Custom Priya\n');
        expect(mixed.get('missed-nudge-1').file).toBe(join(BUNDLED_TEMPLATES_DIR, 'missed-nudge-1.hbs'));
        expect(() => loadTemplates(dir)).toThrow(/lacks: .*missed-nudge-1\.hbs/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

/** The bundle carries the bundled templates' analyses (scripts/bundle.mjs), so start-up does not parse them. */
describe('template analyses made at build time', () => {
  const analyses = analyseTemplateFolder(BUNDLED_TEMPLATES_DIR);
  const files = Object.keys(analyses);
  const outcome = (t: LoadedTemplate, ctx: Record<string, unknown>) => {
    try {
      return t.render(ctx);
    } catch (err) {
      return (err as Error).message;
    }
  };
  const contexts = [
    buildTemplateContext({ prospect, rep, gapDays: 12, thread: { subject: 'RE: Proposal', references: [] } }),
    buildTemplateContext({ prospect: { ...prospect, company: null, materialSent: [], nextStep: null }, rep }),
  ];

  it('give each bundled template what parsing its file gives: policy, description, renders and refusals', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const file = join(BUNDLED_TEMPLATES_DIR, f);
      const text = readFileSync(file, 'utf8');
      const parsed = parseTemplateSource(text, file, undefined, {});
      const prepared = parseTemplateSource(text, file, undefined, analyses);
      expect([prepared.name, prepared.approval, prepared.description]).toEqual([parsed.name, parsed.approval, parsed.description]);
      for (const ctx of contexts) expect(outcome(prepared, ctx)).toEqual(outcome(parsed, ctx));
    }
  });

  it('are taken for the exact text analysed, and only for it: a changed file is parsed and checked', () => {
    const file = join(BUNDLED_TEMPLATES_DIR, 'follow-up.hbs');
    const text = readFileSync(file, 'utf8');
    const marked = { 'follow-up.hbs': { ...analyses['follow-up.hbs']!, description: 'from the analysis' } };
    expect(parseTemplateSource(text, file, undefined, marked).description).toBe('from the analysis');
    expect(parseTemplateSource(`${text}\n`, file, undefined, marked).description).not.toBe('from the analysis');
    expect(() => parseTemplateSource(`${text}{{#if prospect.company}}`, file, undefined, marked)).toThrow(/follow-up\.hbs: the body is not valid Handlebars/);
  });
});
