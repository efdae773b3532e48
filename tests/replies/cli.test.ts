import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerReplyCommands, runReplyParse, type ReplyIo } from '../../src/cli/reply-command.js';

const EML = [
  'From: Sam Buyer <sam@buyer.example>',
  'To: dana@seller.io',
  'Subject: Re: Demo',
  'Date: Mon, 23 Nov 2026 09:00:00 -0500',
  'Message-ID: <1@buyer.example>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Tuesday at 3pm works for me.',
  '',
  'On Mon, Nov 23, 2026 at 8:00 AM Dana <dana@seller.io> wrote:',
  '> Would Wednesday at 10am work?',
  '',
].join('\r\n');

function io(stdin = EML): ReplyIo & { out: string[] } {
  const out: string[] = [];
  return { out, readStdin: async () => Buffer.from(stdin), readFile: async () => Buffer.from(EML), write: (s) => out.push(s) };
}

describe('followup reply parse', () => {
  it('--rep-tz reads "your time" in the rep\'s zone, and names a bad zone', async () => {
    const yourTime = EML.replace('Tuesday at 3pm works for me.', 'Tuesday at 3pm your time works for me.');
    const json = await runReplyParse('-', { tz: 'America/New_York', repTz: 'Europe/Berlin' }, io(yourTime));
    expect(json.proposals[0]?.start).toBe('2026-11-24T14:00:00.000Z');
    await expect(runReplyParse('-', { tz: 'America/New_York', repTz: 'Berlin' }, io())).rejects.toThrow(/--rep-tz: "Berlin" is not an IANA time zone/);
  });

  it('prints exactly the documented JSON shape', async () => {
    const program = new Command().exitOverride();
    const sink = io();
    registerReplyCommands(program, sink);
    await program.parseAsync(['node', 'followup', 'reply', 'parse', '--tz', 'America/New_York', '-']);
    const json = JSON.parse(sink.out.join(''));
    expect(json).toEqual({
      kind: 'proposal',
      proposals: [{ start: '2026-11-24T20:00:00.000Z', end: null, text: 'Tuesday at 3pm' }],
      ambiguous: false,
      alternatives: [],
      returnDate: null,
      certain: true,
      language: 'en',
      visibleText: 'Tuesday at 3pm works for me.',
    });
  });

  it('says "certain": false with the reasons when it is not sure, the most likely reading first', async () => {
    // Said on a Monday, "next Tuesday" is tomorrow or the week after.
    const json = await runReplyParse('-', { tz: 'America/New_York' }, io(EML.replace('Tuesday at 3pm works for me.', 'How about next Tuesday at 3pm?')));
    expect(json.certain).toBe(false);
    expect(json.uncertain?.[0]).toMatch(/^ambiguous/);
    expect(json.proposals[0]?.start).toBe('2026-12-01T20:00:00.000Z');
    expect(json.alternatives[0]?.start).toBe('2026-11-24T20:00:00.000Z');
  });

  it('--country reads numeric dates in that country\'s order', async () => {
    const numeric = EML.replace('Tuesday at 3pm works for me.', 'Would 12/3 at 10am work?');
    expect((await runReplyParse('-', { tz: 'America/New_York', country: 'US' }, io(numeric))).proposals[0]?.start).toBe('2026-12-03T15:00:00.000Z');
    expect((await runReplyParse('-', { tz: 'America/New_York', country: 'GB' }, io(numeric))).proposals[0]?.start).toBe('2027-03-12T15:00:00.000Z');
    await expect(runReplyParse('-', { tz: 'UTC', country: 'Germany' }, io())).rejects.toThrow(/--country: "Germany"/);
  });

  it('adds explain only with --explain, and reads a file', async () => {
    const json = await runReplyParse('reply.eml', { tz: 'America/New_York', explain: true }, io());
    expect(Object.keys(json)).toEqual(['kind', 'proposals', 'ambiguous', 'alternatives', 'returnDate', 'certain', 'language', 'visibleText', 'explain']);
    expect(json.explain?.length).toBeGreaterThan(0);
  });

  it('resolves acceptance against --offered', async () => {
    const json = await runReplyParse('-', { tz: 'America/New_York', offered: '2026-11-25T15:00:00Z,2026-11-25T15:30:00Z;2026-11-26T15:00:00Z,2026-11-26T15:30:00Z' }, io(EML.replace('Tuesday at 3pm works for me.', 'The second one.')));
    expect(json.proposals[0]).toMatchObject({ start: '2026-11-26T15:00:00.000Z', end: '2026-11-26T15:30:00.000Z' });
  });

  it('names the flag when the zone is invalid', async () => {
    await expect(runReplyParse('-', { tz: 'Mars/Olympus' }, io())).rejects.toThrow(/--tz: "Mars\/Olympus"/);
    await expect(runReplyParse('-', { tz: 'UTC', offered: 'nope' }, io())).rejects.toThrow(/--offered/);
  });
});
