import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { TEMPLATE_NAMES, type TemplateName } from '../domain/types.js';
import { formatWithZone } from '../domain/zone-label.js';

/**
 * Email templates: Handlebars files with YAML front matter (subject, approval policy).
 * Compiled in strict mode, and stricter: a variable printed outside {{#if}}/{{#unless}}/{{#each}}/
 * {{#with}} that is missing, null, an empty string or an empty list is an error for that draft, named
 * with the file, the line as counted in the file (front matter included) and the variable. Never a
 * half-filled email. Optional values are passed as null and guarded in the template.
 */

const frontMatterSchema = z
  .object({
    subject: z.string().min(1),
    approval: z.enum(['approve', 'auto']),
    description: z.string().optional(),
  })
  .strict();

export interface LoadedTemplate {
  name: TemplateName;
  file: string;
  approval: 'approve' | 'auto';
  description: string;
  render(context: Record<string, unknown>): { subject: string; text: string };
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  const fmt = (value: unknown, zone: unknown, format: string, withZone: boolean) => {
    if (!(value instanceof Date)) throw new TemplateError(`expected a date, got ${value === null ? 'null' : typeof value}`);
    if (typeof zone !== 'string') throw new TemplateError('a time zone is needed to format a date');
    return withZone ? formatWithZone(value, zone, format) : DateTime.fromJSDate(value, { zone }).setLocale('en-US').toFormat(format);
  };
  /** {{datetime date zone}} -> "Tuesday, November 24 at 3:00 PM CET" ("... 11:00 PM Tokyo time") */
  hb.registerHelper('datetime', (value: unknown, zone: unknown) => fmt(value, zone, "cccc, LLLL d 'at' h:mm a", true));
  /** {{date date zone}} -> "Tuesday, November 24" */
  hb.registerHelper('date', (value: unknown, zone: unknown) => fmt(value, zone, 'cccc, LLLL d', false));
  /** {{time date zone}} -> "3:00 PM CET" */
  hb.registerHelper('time', (value: unknown, zone: unknown) => fmt(value, zone, 'h:mm a', true));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  return hb;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** Block helpers that guard the variables inside them: an empty value there is the author's choice. */
const GUARDS = new Set(['if', 'unless', 'each', 'with']);

/** A variable the template prints outside any guard, with its line in the file. */
export interface Use {
  path: string;
  parts: string[];
  line: number;
}

type Node = { type: string; loc?: { start: { line: number } } | null; [key: string]: unknown };

function linesBefore(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

/** Variables printed (or passed to a helper) outside {{#if}}/{{#unless}}/{{#each}}/{{#with}}. */
function unguardedUses(ast: Node, lineOffset: number): Use[] {
  const uses: Use[] = [];
  const addPath = (node: unknown, line: number): void => {
    const n = node as Node;
    if (n?.type === 'SubExpression') return visitCall(n, line);
    if (n?.type !== 'PathExpression') return;
    const original = String(n['original']);
    const data = Boolean(n['data']);
    const parts = (n['parts'] as string[]) ?? [];
    if (data && !original.startsWith('@root')) return; // @index, @first...: always set by their block
    if (parts.length === 0) return; // {{this}} / {{.}}
    uses.push({ path: original.replace(/^@root\./, ''), parts, line });
  };
  const visitCall = (n: Node, line: number): void => {
    const params = (n['params'] as unknown[]) ?? [];
    const pairs = ((n['hash'] as { pairs?: { value: unknown }[] } | null)?.pairs ?? []).map((p) => p.value);
    if (params.length === 0 && pairs.length === 0) return addPath(n['path'], line);
    for (const p of [...params, ...pairs]) addPath(p, line);
  };
  const walk = (node: Node | null | undefined): void => {
    if (!node) return;
    const line = lineOffset + (node.loc?.start.line ?? 1);
    if (node.type === 'Program') for (const child of node['body'] as Node[]) walk(child);
    else if (node.type === 'MustacheStatement') visitCall(node, line);
    else if (node.type === 'BlockStatement') {
      const name = String((node['path'] as Node)['original']);
      if (GUARDS.has(name)) return;
      walk(node['program'] as Node);
      walk(node['inverse'] as Node);
    }
  };
  walk(ast);
  return uses;
}

function describeEmpty(value: unknown): string | null {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string' && value.trim() === '') return 'an empty string';
  if (Array.isArray(value) && value.length === 0) return 'an empty list';
  return null;
}

/** The first unguarded variable that is null, missing or empty in this context. */
function firstEmpty(uses: Use[], context: Record<string, unknown>): { use: Use; what: string } | null {
  for (const use of uses) {
    let value: unknown = context;
    for (const part of use.parts) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
      if (value === undefined || value === null) break;
    }
    const what = describeEmpty(value);
    if (what) return { use, what };
  }
  return null;
}

/** Handlebars counts lines from the start of the text it compiled; the file has front matter above it. */
function shiftLines(message: string, offset: number): string {
  return message
    .replace(/Parse error on line (\d+)/g, (_m, n: string) => `Parse error on line ${Number(n) + offset}`)
    .replace(/ - (\d+):(\d+)$/, (_m, l: string, c: string) => ` (line ${Number(l) + offset}, column ${Number(c) + 1})`);
}

/**
 * What reading a template file finds, all that rendering needs besides Handlebars: its front matter,
 * its subject and body sources, where their lines are in the file, and the variables printed outside
 * a guard. A pure function of the file's text (the file name only names it in errors).
 */
export interface TemplateAnalysis {
  source: string;
  approval: 'approve' | 'auto';
  description: string;
  subjectSource: string;
  bodySource: string;
  bodyOffset: number;
  subjectLine: number;
  uses: Use[];
}

/** Validates a template's text (front matter, Handlebars syntax); throws TemplateError naming the file. */
function analyseTemplateSource(source: string, file: string, hb: typeof Handlebars): TemplateAnalysis {
  const match = FRONT_MATTER.exec(source);
  if (!match) throw new TemplateError(`${file}: missing front matter (a block between --- lines with subject and approval).`);
  let meta: unknown;
  try {
    meta = parseYaml(match[1] ?? '');
  } catch (err) {
    throw new TemplateError(`${file}: front matter is not valid YAML: ${(err as Error).message}`);
  }
  const parsed = frontMatterSchema.safeParse(meta);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`).join('; ');
    throw new TemplateError(`${file}: front matter ${issues} (subject: text, approval: approve | auto).`);
  }
  const bodySource = match[2] ?? '';
  // Lines above the body (front matter and its --- lines), and the line of `subject:` in the file.
  const bodyOffset = linesBefore(source.slice(0, source.length - bodySource.length));
  const subjectLine = 1 + (match[1] ?? '').split(/\r?\n/).findIndex((l) => /^subject\s*:/.test(l)) + 1;
  let uses: Use[];
  let part = 'subject';
  try {
    const subjectAst = hb.parse(parsed.data.subject) as unknown as Node;
    part = 'body';
    const bodyAst = hb.parse(bodySource) as unknown as Node;
    // Subject lines are all on the subject's own line in the file.
    uses = [...unguardedUses(subjectAst, subjectLine - 1).map((u) => ({ ...u, line: subjectLine })), ...unguardedUses(bodyAst, bodyOffset)];
  } catch (err) {
    // The whole message (it shows the line and where in it), with lines counted in the file.
    const offset = part === 'subject' ? subjectLine - 1 : bodyOffset;
    throw new TemplateError(`${file}: ${part === 'subject' ? 'the subject' : 'the body'} is not valid Handlebars:\n${shiftLines((err as Error).message, offset)}`);
  }
  return { source, approval: parsed.data.approval, description: parsed.data.description ?? '', subjectSource: parsed.data.subject, bodySource, bodyOffset, subjectLine, uses };
}

/**
 * The analyses of the bundled templates/ as `npm run build` made them (scripts/bundle.mjs puts them
 * in the bundle), so that a start-up whose templates are those files, unchanged, does not parse them
 * again (Handlebars, YAML and zod cost about 40 ms of each `run --once`). A file is taken from here
 * only when its whole text is the text analysed; any other text is parsed and checked as always.
 */
declare const __FOLLOWUP_TEMPLATE_ANALYSES__: Readonly<Record<string, TemplateAnalysis>> | undefined;
const PREPARED: Readonly<Record<string, TemplateAnalysis>> = typeof __FOLLOWUP_TEMPLATE_ANALYSES__ === 'undefined' ? {} : __FOLLOWUP_TEMPLATE_ANALYSES__;

/** Analyses of every .hbs in a folder, by file name (scripts/bundle.mjs, for the bundled templates). */
export function analyseTemplateFolder(dir: string): Record<string, TemplateAnalysis> {
  const hb = createHandlebars();
  const out: Record<string, TemplateAnalysis> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.hbs')).sort()) out[f] = analyseTemplateSource(readFileSync(join(dir, f), 'utf8'), join(dir, f), hb);
  return out;
}

export function parseTemplateSource(source: string, file: string, hb = createHandlebars(), prepared: Readonly<Record<string, TemplateAnalysis>> = PREPARED): LoadedTemplate {
  const name = basename(file).replace(/\.hbs$/, '');
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw new TemplateError(`${file}: unknown template name "${name}"; expected one of ${TEMPLATE_NAMES.join(', ')}.`);
  }
  const known = Object.prototype.hasOwnProperty.call(prepared, basename(file)) ? prepared[basename(file)] : undefined;
  const { approval, description, subjectSource, bodySource, bodyOffset, subjectLine, uses } = known?.source === source ? known : analyseTemplateSource(source, file, hb);
  // Handlebars compiles a template on its first render; the text was parsed above (or at build).
  const subject = hb.compile(subjectSource, { strict: true, noEscape: true });
  const body = hb.compile(bodySource, { strict: true, noEscape: true });
  return {
    name: name as TemplateName,
    file,
    approval,
    description,
    render(context) {
      // Never a half-filled email: a printed variable that is null, missing or empty refuses the draft.
      const empty = firstEmpty(uses, context);
      if (empty) {
        throw new TemplateError(
          `${file}:${empty.use.line}: {{${empty.use.path}}} is ${empty.what} for this draft. ` +
            `Guard it in the template ({{#if ${empty.use.path}}}...{{/if}}) or fill it in (for a prospect: prospects.yaml).`,
        );
      }
      let text: string;
      let subjectText: string;
      try {
        text = body(context).replace(/\n{3,}/g, '\n\n').trim() + '\n';
      } catch (err) {
        throw new TemplateError(`${file}: ${shiftLines((err as Error).message.replace(/\s+/g, ' '), bodyOffset)}. Pass the value (null when unknown) or change the template.`);
      }
      try {
        subjectText = subject(context).replace(/\s+/g, ' ').trim();
      } catch (err) {
        throw new TemplateError(`${file}:${subjectLine} (subject): ${(err as Error).message.replace(/\s+/g, ' ')}. Pass the value (null when unknown) or change the template.`);
      }
      return { subject: subjectText, text };
    },
  };
}

export class TemplateSet {
  constructor(private readonly byName: Map<TemplateName, LoadedTemplate>) {}
  get(name: TemplateName): LoadedTemplate {
    const t = this.byName.get(name);
    if (!t) throw new TemplateError(`No template "${name}" was loaded; add templates/${name}.hbs.`);
    return t;
  }
  list(): LoadedTemplate[] {
    return [...this.byName.values()];
  }
}

/**
 * Loads every .hbs in the folder. With `fallbackDir` (the bundled templates), the folder may override
 * just some templates and the others come from there; without it, every template must be in the folder.
 */
export function loadTemplates(dir: string, fallbackDir?: string): TemplateSet {
  const hb = createHandlebars();
  const map = new Map<TemplateName, LoadedTemplate>();
  const read = (folder: string): string[] => {
    try {
      return readdirSync(folder).filter((f) => f.endsWith('.hbs')).sort();
    } catch {
      throw new TemplateError(`Templates folder ${folder} cannot be read; set "templates" in the config or restore the folder.`);
    }
  };
  for (const f of read(dir)) {
    const t = parseTemplateSource(readFileSync(join(dir, f), 'utf8'), join(dir, f), hb);
    map.set(t.name, t);
  }
  if (fallbackDir && fallbackDir !== dir) {
    for (const f of read(fallbackDir)) {
      const name = f.replace(/\.hbs$/, '') as TemplateName;
      if (map.has(name) || !(TEMPLATE_NAMES as readonly string[]).includes(name)) continue;
      map.set(name, parseTemplateSource(readFileSync(join(fallbackDir, f), 'utf8'), join(fallbackDir, f), hb));
    }
  }
  const missing = TEMPLATE_NAMES.filter((n) => !map.has(n));
  if (missing.length > 0) throw new TemplateError(`Templates folder ${dir} lacks: ${missing.map((m) => `${m}.hbs`).join(', ')}.`);
  return new TemplateSet(map);
}
