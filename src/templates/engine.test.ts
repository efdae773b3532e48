import { describe, expect, it } from 'vitest';
import { loadTemplates, parseTemplateSource } from './engine.js';
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
});
