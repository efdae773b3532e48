import { z } from 'zod';

/**
 * Fault rules as JSON, the same for the Google and the Graph emulator, taken from
 * `followup emulate … --faults FILE` or `POST /__emulator/faults` at any time:
 *
 *   [{"pathIncludes": "/sendMail", "method": "POST", "status": 503, "afterProcessing": true, "times": 1}]
 *
 * Each rule fires for the matching API requests (`times` of them, default 1; `every` n-th one)
 * and does exactly one thing: answer a status (5xx, or 429 with Retry-After), hang and then drop
 * the connection (`timeout`), or make the requester's sync cursors expire (`expireCursor`: the
 * next incremental sync gets 410 / syncStateNotFound). With `afterProcessing` the emulator does
 * the work first and then loses the answer (the client cannot tell it happened).
 */
export const faultRuleSchema = z
  .object({
    /** Substring of the request path (e.g. "/sendMail", "/messages/send", "/events"). Absent: every API request. */
    pathIncludes: z.string().min(1).optional(),
    /** HTTP method (GET, POST, PATCH, PUT, DELETE). Absent: any. */
    method: z
      .string()
      .regex(/^(GET|POST|PATCH|PUT|DELETE)$/i, 'one of GET, POST, PATCH, PUT, DELETE')
      .transform((m) => m.toUpperCase())
      .optional(),
    /** Only requests made for this mailbox (e-mail address). */
    mailbox: z.string().email().optional(),
    /** Answer this status: 429 (with Retry-After) or 500-599. */
    status: z
      .number()
      .int()
      .refine((s) => s === 429 || (s >= 500 && s <= 599), 'a 429 or a 5xx status')
      .optional(),
    /** Hang for `hangMs`, then drop the connection without an answer. */
    timeout: z.boolean().optional(),
    /** How long a timeout hangs before the connection is dropped (default 1000 ms). */
    hangMs: z.number().int().min(0).max(600_000).optional(),
    /** Expire the requester's sync cursors (Google syncToken/historyId, Graph delta tokens); the request then goes on. */
    expireCursor: z.boolean().optional(),
    /** Do the work, then lose the answer (status or timeout). */
    afterProcessing: z.boolean().optional(),
    /** Sent as the Retry-After header (seconds). */
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    /** How many matching requests it affects (default 1). */
    times: z.number().int().min(1).optional(),
    /** Fire on every n-th matching request only (default 1: every one). */
    every: z.number().int().min(1).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const actions = [r.status !== undefined, r.timeout === true, r.expireCursor === true].filter(Boolean).length;
    if (actions !== 1) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'give exactly one of "status", "timeout": true or "expireCursor": true' });
    }
    if (r.expireCursor && r.afterProcessing) {
      ctx.addIssue({ code: 'custom', path: ['afterProcessing'], message: 'an expired cursor happens before the request; drop "afterProcessing"' });
    }
    if (r.retryAfterSeconds !== undefined && r.status === undefined) {
      ctx.addIssue({ code: 'custom', path: ['retryAfterSeconds'], message: 'Retry-After goes with a "status" (429 or 503)' });
    }
    if (r.hangMs !== undefined && !r.timeout) {
      ctx.addIssue({ code: 'custom', path: ['hangMs'], message: '"hangMs" goes with "timeout": true' });
    }
  });

export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export const FAULT_KINDS = ['5xx', '429', 'timeout', 'lost-answer', 'expired-cursor'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function faultKind(rule: FaultRule): FaultKind {
  if (rule.expireCursor) return 'expired-cursor';
  if (rule.afterProcessing) return 'lost-answer';
  if (rule.timeout) return 'timeout';
  return rule.status === 429 ? '429' : '5xx';
}

export class FaultRulesError extends Error {}

/** Parses a JSON list of rules (or one rule); the message names each bad rule's index and field. */
export function parseFaultRules(data: unknown, source: string): FaultRule[] {
  const list = Array.isArray(data) ? data : [data];
  const result = z.array(faultRuleSchema).safeParse(list);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const [index, ...field] = issue.path;
    const where = typeof index === 'number' ? `rule [${index}]${field.length ? `.${field.join('.')}` : ''}` : 'rules';
    return `  - ${where}: ${issue.message}`;
  });
  throw new FaultRulesError(`Fault rules in ${source} are not valid:\n${lines.join('\n')}\nFix them (see README, "Fault rules") and try again.`);
}

export function parseFaultRulesText(text: string, source: string): FaultRule[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FaultRulesError(`Fault rules in ${source} are not JSON (${(err as Error).message}); give a list such as [{"pathIncludes": "/sendMail", "status": 503}].`);
  }
  return parseFaultRules(data, source);
}

interface ActiveRule {
  rule: FaultRule;
  kind: FaultKind;
  seen: number;
  fired: number;
}

export interface FaultRequest {
  method: string;
  path: string;
  /** The mailbox the request is made for, when known. */
  mailbox: string | null;
}

/** The active rules and what they did: which rule fires for a request, and faults injected by kind. */
export class FaultBook {
  private rules: ActiveRule[] = [];
  readonly injected: Record<FaultKind, number> = { '5xx': 0, '429': 0, timeout: 0, 'lost-answer': 0, 'expired-cursor': 0 };

  add(rules: FaultRule[]): void {
    for (const rule of rules) this.rules.push({ rule, kind: faultKind(rule), seen: 0, fired: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  list(): (FaultRule & { kind: FaultKind; fired: number; remaining: number })[] {
    return this.rules.map((r) => ({ ...r.rule, kind: r.kind, fired: r.fired, remaining: (r.rule.times ?? 1) - r.fired }));
  }

  /** The first rule that fires for this request (its counters move), or null. */
  take(request: FaultRequest): FaultRule | null {
    for (const active of this.rules) {
      const { rule } = active;
      if (active.fired >= (rule.times ?? 1)) continue;
      if (rule.method && rule.method !== request.method.toUpperCase()) continue;
      if (rule.pathIncludes && !request.path.includes(rule.pathIncludes)) continue;
      if (rule.mailbox && rule.mailbox.toLowerCase() !== request.mailbox?.toLowerCase()) continue;
      active.seen += 1;
      if (rule.every && active.seen % rule.every !== 0) continue;
      active.fired += 1;
      this.injected[active.kind] += 1;
      return rule;
    }
    return null;
  }

  total(): number {
    return Object.values(this.injected).reduce((a, b) => a + b, 0);
  }
}
