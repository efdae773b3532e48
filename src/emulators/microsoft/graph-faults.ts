import { graphError } from './graph-http.js';
import type { Mailbox } from './state.js';

/** Per-mailbox limits and injected faults: latency, 429 + Retry-After, 503/504, timeouts. */

export interface FaultRule {
  status: 429 | 503 | 504 | 'timeout';
  method?: string;
  /** Substring of the path after /v1.0 (e.g. "/sendMail", "/messages/"). */
  pathIncludes?: string;
  /** Only for this mailbox (e-mail address). */
  mailbox?: string;
  /** Fire for this many matching requests, then stop (default: unlimited). */
  times?: number;
  /** Fire on every n-th matching request (1 = every one). */
  every?: number;
  retryAfterSeconds?: number;
  /** Process the request, then answer with the fault anyway (a response lost on the way back). */
  afterProcessing?: boolean;
}

export interface FaultConfig {
  /** Added to every Graph request, while it counts as in flight. */
  latencyMs?: number;
  rules?: FaultRule[];
  /** How long a 'timeout' fault hangs before answering 504 (the client should give up sooner). */
  timeoutHangMs?: number;
}

export interface RouterOptions {
  /** Concurrent requests per mailbox before 429 ApplicationThrottled (Graph: 4). */
  concurrencyLimit: number;
  enforceConcurrencyLimit: boolean;
  concurrencyRetryAfterSeconds: number;
  defaultPageSize: number;
  faults: FaultConfig;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

export class FaultInjector {
  private counters = new Map<FaultRule, { seen: number; fired: number }>();

  constructor(readonly options: RouterOptions) {}

  reset(): void {
    this.counters.clear();
  }

  /** Runs a mailbox's request as Graph would: counted in flight, delayed, throttled or failed as configured. */
  async withMailbox(mailbox: Mailbox, request: Request, path: string, fn: () => Promise<Response>): Promise<Response> {
    mailbox.requestCount += 1;
    mailbox.inFlight += 1;
    mailbox.maxInFlight = Math.max(mailbox.maxInFlight, mailbox.inFlight);
    try {
      if (this.options.faults.latencyMs) await sleep(this.options.faults.latencyMs, request.signal);
      if (this.options.enforceConcurrencyLimit && mailbox.inFlight > this.options.concurrencyLimit) {
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
          'Retry-After': String(this.options.concurrencyRetryAfterSeconds),
        });
      }
      const fault = this.match(request.method, path, mailbox.email);
      if (fault?.afterProcessing) await fn();
      if (fault) {
        if (fault.status === 'timeout') {
          await sleep(this.options.faults.timeoutHangMs ?? 5_000, request.signal);
          return graphError(504, 'GatewayTimeout', 'The request timed out.');
        }
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
        if (fault.status === 429) return graphError(429, 'TooManyRequests', 'Please retry again later.', headers);
        if (fault.status === 503) return graphError(503, 'serviceNotAvailable', 'Service Unavailable', headers);
        return graphError(504, 'GatewayTimeout', 'Gateway Timeout', headers);
      }
      return await fn();
    } finally {
      mailbox.inFlight -= 1;
    }
  }

  private match(method: string, path: string, mailbox: string): FaultRule | null {
    for (const rule of this.options.faults.rules ?? []) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.pathIncludes && !path.includes(rule.pathIncludes)) continue;
      if (rule.mailbox && rule.mailbox.toLowerCase() !== mailbox) continue;
      const counter = this.counters.get(rule) ?? { seen: 0, fired: 0 };
      this.counters.set(rule, counter);
      counter.seen += 1;
      if (rule.times !== undefined && counter.fired >= rule.times) continue;
      if (rule.every && counter.seen % rule.every !== 0) continue;
      counter.fired += 1;
      return rule;
    }
    return null;
  }
}
