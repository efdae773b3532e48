import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ParsedReply, ProposedTime, TimeInterval } from '../domain/types.js';
import { parseRawEmail } from '../mail/parse-mime.js';

export interface ReplyParseOptions {
  tz: string;
  explain?: boolean;
  offered?: string;
  /** The rep's zone ("2pm your time"). */
  repTz?: string;
  /** The prospect's country (numeric dates in its order). */
  country?: string;
}

export interface ReplyIo {
  readStdin: () => Promise<Buffer>;
  readFile: (path: string) => Promise<Buffer>;
  write: (s: string) => void;
}

const defaultIo: ReplyIo = {
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks);
  },
  readFile: (p) => readFile(p),
  write: (s) => process.stdout.write(s),
};

/** `followup reply parse --tz <zone> [--rep-tz <zone>] [--country <cc>] [--explain] [--offered <iso,iso;...>] <file.eml | ->` */
export function registerReplyCommands(program: Command, io: ReplyIo = defaultIo): void {
  const reply = program.command('reply').description('Understand prospect replies');
  reply
    .command('parse')
    .description('Parse a raw email reply and print what the prospect said as JSON')
    .requiredOption('--tz <zone>', "the prospect's IANA time zone, e.g. America/New_York")
    .option('--explain', 'add which rule or header decided')
    .option('--offered <slots>', 'slots the worker offered: start,end;start,end (ISO instants)')
    .option('--rep-tz <zone>', 'the rep\'s IANA zone ("2pm your time" is read in it)')
    .option('--country <code>', 'the prospect\'s country, ISO 3166 alpha-2 (numeric dates in its order: US 12/3, elsewhere 3/12)')
    .argument('<file>', 'the .eml file, or - for stdin')
    .action(async (file: string, opts: ReplyParseOptions) => {
      const json = await runReplyParse(file, opts, io);
      io.write(`${JSON.stringify(json, null, 2)}\n`);
    });
}

export type ReplyJson = ReturnType<typeof toJson>;

/** Reads, decodes and parses one reply; throws a plain error naming the bad flag or file. */
export async function runReplyParse(file: string, opts: ReplyParseOptions, io: ReplyIo = defaultIo): Promise<ReplyJson> {
  // The parser loads only for this command (chrono-node and the language tables are large).
  const { isValidZone, parseReply } = await import('../domain/reply/index.js');
  if (!isValidZone(opts.tz)) throw new Error(`--tz: "${opts.tz}" is not an IANA time zone (e.g. America/New_York, Europe/Berlin)`);
  const offeredSlots = opts.offered ? parseOffered(opts.offered) : undefined;
  let raw: Buffer;
  try {
    raw = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  const message = await parseRawEmail(raw, file === '-' ? 'stdin' : file);
  if (opts.repTz !== undefined && !isValidZone(opts.repTz)) throw new Error(`--rep-tz: "${opts.repTz}" is not an IANA time zone (e.g. America/New_York, Europe/Berlin)`);
  if (opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country)) throw new Error(`--country: "${opts.country}" is not a two-letter country code (e.g. US, DE, BR)`);
  const parsed = parseReply({ message, timeZone: opts.tz, offeredSlots, ...(opts.repTz ? { repTimeZone: opts.repTz } : {}), ...(opts.country ? { country: opts.country } : {}) });
  return toJson(parsed, Boolean(opts.explain));
}

export function parseOffered(value: string): TimeInterval[] {
  return value.split(';').filter((s) => s.trim()).map((pair) => {
    const [a, b] = pair.split(',').map((s) => s.trim());
    const start = new Date(a ?? '');
    const end = b ? new Date(b) : new Date(start.getTime() + 30 * 60_000);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
      throw new Error(`--offered: "${pair}" is not start,end in ISO 8601 (e.g. 2026-11-24T15:00:00Z,2026-11-24T15:30:00Z)`);
    }
    return { start, end };
  });
}

function timeJson(t: ProposedTime): { start: string; end: string | null; text: string } {
  return { start: t.start.toISOString(), end: t.end ? t.end.toISOString() : null, text: t.text.trim() };
}

export function toJson(p: ParsedReply, explain: boolean) {
  const out: {
    kind: ParsedReply['kind'];
    proposals: ReturnType<typeof timeJson>[];
    ambiguous: boolean;
    alternatives: ReturnType<typeof timeJson>[];
    returnDate: string | null;
    certain: boolean;
    uncertain?: string[];
    language?: string;
    visibleText: string;
    explain?: string[];
  } = {
    kind: p.kind,
    proposals: p.proposals.map(timeJson),
    ambiguous: p.ambiguous,
    alternatives: p.alternatives.map(timeJson),
    returnDate: p.returnDate,
    certain: p.certain,
    ...(p.certain ? {} : { uncertain: p.uncertain }),
    ...(p.language ? { language: p.language } : {}),
    visibleText: p.visibleText,
  };
  if (explain) out.explain = p.explain;
  return out;
}
