import ICAL from 'ical.js';

/**
 * When ical.js rejects a whole file (one bad RRULE, a stray line, a file cut off while being
 * written), the file is split at its BEGIN/END lines and each top-level component is parsed
 * on its own, so one broken event does not hide the others.
 */
export interface SalvageResult {
  /** null when the text holds no BEGIN:VCALENDAR or component at all. */
  calendar: ICAL.Component | null;
  problems: string[];
}

interface Block {
  name: string;
  lines: string[];
}

export function salvageCalendar(text: string, originalError: string): SalvageResult {
  const { header, timezones, components, trailing, unterminated, foundCalendar } = splitCalendar(text);
  if (!foundCalendar && components.length === 0) {
    return { calendar: null, problems: [`not valid iCalendar (${originalError}); skipped. Fix the file or re-export the calendar`] };
  }
  const problems: string[] = [];
  const parsedHeader = parseWrapped(header, []);
  const root = parsedHeader ?? new ICAL.Component(['vcalendar', [], []]);
  if (!parsedHeader) problems.push(`the calendar's own properties could not be read (${originalError}); ignored`);
  for (const block of timezones) addBlock(root, block, problems);
  for (const block of components) addBlock(root, block, problems);
  if (unterminated) {
    problems.push('the file ends before its END:VCALENDAR (truncated or cut off while being written); what came before the cut was read. Restore it from the calendar app or sync again');
  }
  if (trailing > 0) problems.push(`${trailing} line(s) after END:VCALENDAR were ignored`);
  return { calendar: root, problems };
}

function addBlock(root: ICAL.Component, block: Block, problems: string[]): void {
  try {
    const wrapped = parseWrapped([], block.lines);
    const component = wrapped?.getAllSubcomponents()[0];
    if (!component) throw new Error('empty component');
    root.addSubcomponent(component);
  } catch (err) {
    const uid = block.lines.map((l) => /^UID[;:](?:.*:)?(.*)$/i.exec(l)?.[1]).find(Boolean);
    const label = block.name === 'VEVENT' ? 'event' : block.name;
    problems.push(`${label} ${uid?.trim() ?? '(no UID)'} skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function parseWrapped(header: string[], lines: string[]): ICAL.Component | null {
  try {
    const jcal = ICAL.parse(['BEGIN:VCALENDAR', ...header, ...lines, 'END:VCALENDAR', ''].join('\r\n')) as unknown[];
    return new ICAL.Component(jcal);
  } catch (err) {
    if (lines.length > 0) throw err;
    return null;
  }
}

function splitCalendar(text: string): {
  header: string[];
  timezones: Block[];
  components: Block[];
  trailing: number;
  unterminated: boolean;
  foundCalendar: boolean;
} {
  const header: string[] = [];
  const timezones: Block[] = [];
  const components: Block[] = [];
  const stack: string[] = [];
  let current: Block | null = null;
  let trailing = 0;
  let foundCalendar = false;
  let closedCalendar = false;
  for (const line of text.split(/\r?\n/)) {
    const m = /^(BEGIN|END):([A-Za-z0-9-]+)\s*$/i.exec(line);
    const name = m?.[2]?.toUpperCase();
    if (m && m[1]!.toUpperCase() === 'BEGIN') {
      if (stack.length === 0 && name === 'VCALENDAR') {
        foundCalendar = true;
        stack.push(name);
        continue;
      }
      stack.push(name!);
      if (!current) current = { name: name!, lines: [] };
      current.lines.push(line);
      continue;
    }
    if (m) {
      const at = stack.lastIndexOf(name!);
      if (at === -1) continue; // an END without its BEGIN
      stack.length = at; // also closes anything left open inside
      if (name === 'VCALENDAR' && at === 0) {
        closedCalendar = true;
        current = null;
        continue;
      }
      current?.lines.push(line);
      const depth = stack.length - (foundCalendar && stack[0] === 'VCALENDAR' ? 1 : 0);
      if (current && depth === 0) {
        (current.name === 'VTIMEZONE' ? timezones : components).push(current);
        current = null;
      }
      continue;
    }
    if (current) current.lines.push(line);
    else if (stack.length > 0) header.push(line);
    else if (line.trim() && closedCalendar) trailing += 1;
  }
  return { header: header.filter((l) => l.trim() !== ''), timezones, components, trailing, unterminated: stack.length > 0, foundCalendar };
}
