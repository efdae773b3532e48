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
 * Compiled in strict mode: a missing variable is an error when the draft is made, never a
 * half-filled email. Optional values must be passed as null, not left out.
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

export function parseTemplateSource(source: string, file: string, hb = createHandlebars()): LoadedTemplate {
  const name = basename(file).replace(/\.hbs$/, '');
  if (!(TEMPLATE_NAMES as readonly string[]).includes(name)) {
    throw new TemplateError(`${file}: unknown template name "${name}"; expected one of ${TEMPLATE_NAMES.join(', ')}.`);
  }
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
  let subject: HandlebarsTemplateDelegate;
  let body: HandlebarsTemplateDelegate;
  try {
    subject = hb.compile(parsed.data.subject, { strict: true, noEscape: true });
    body = hb.compile(match[2] ?? '', { strict: true, noEscape: true });
    // Compile eagerly so syntax errors surface at load time, not at the first draft.
    hb.precompile(parsed.data.subject, { strict: true });
    hb.precompile(match[2] ?? '', { strict: true });
  } catch (err) {
    throw new TemplateError(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    name: name as TemplateName,
    file,
    approval: parsed.data.approval,
    description: parsed.data.description ?? '',
    render(context) {
      try {
        const text = body(context).replace(/\n{3,}/g, '\n\n').trim() + '\n';
        return { subject: subject(context).replace(/\s+/g, ' ').trim(), text };
      } catch (err) {
        const msg = (err as Error).message.replace(/\s+/g, ' ');
        throw new TemplateError(`template ${file}: ${msg}. Pass the value (null when unknown) or change the template.`);
      }
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

/** Loads every .hbs in the folder; every expected template must be there. */
export function loadTemplates(dir: string): TemplateSet {
  const hb = createHandlebars();
  const map = new Map<TemplateName, LoadedTemplate>();
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.hbs'));
  } catch {
    throw new TemplateError(`Templates folder ${dir} cannot be read; set "templates" in the config or restore the folder.`);
  }
  for (const f of files.sort()) {
    const t = parseTemplateSource(readFileSync(join(dir, f), 'utf8'), join(dir, f), hb);
    map.set(t.name, t);
  }
  const missing = TEMPLATE_NAMES.filter((n) => !map.has(n));
  if (missing.length > 0) throw new TemplateError(`Templates folder ${dir} lacks: ${missing.map((m) => `${m}.hbs`).join(', ')}.`);
  return new TemplateSet(map);
}
