/**
 * Fault injection by config: latency, 5xx, 429 and 403 rate limits, timeouts and lost
 * responses, each N times for requests whose "METHOD /path" matches.
 */
export interface FaultRule {
  /** Substring or RegExp tested against "METHOD /path" (e.g. "POST /gmail/v1/users/me/messages/send"). Absent: every API request. */
  match?: string | RegExp;
  /** Answer with this status: 5xx → backendError; 429 → rateLimitExceeded; 403 → `reason`. */
  status?: number;
  reason?: 'rateLimitExceeded' | 'userRateLimitExceeded' | 'backendError';
  /** Sent as Retry-After (seconds) with 403/429. */
  retryAfterSeconds?: number;
  /** Extra delay before answering. */
  latencyMs?: number;
  /** Hold the request until the client gives up (see `hangMs`). */
  timeout?: boolean;
  /** Apply after the request was processed: the change happened but the answer is lost. */
  after?: boolean;
  /** How many matching requests it affects (default 1; Infinity for all). */
  times?: number;
}

export interface ActiveFault extends FaultRule {
  remaining: number;
  hits: number;
}

export function toActive(rule: FaultRule): ActiveFault {
  return { ...rule, remaining: rule.times ?? 1, hits: 0 };
}

export function takeFault(faults: ActiveFault[], key: string, after: boolean): ActiveFault | null {
  for (const f of faults) {
    if (f.remaining <= 0 || Boolean(f.after) !== after) continue;
    if (f.match !== undefined && !(typeof f.match === 'string' ? key.includes(f.match) : f.match.test(key))) continue;
    f.remaining -= 1;
    f.hits += 1;
    return f;
  }
  return null;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
