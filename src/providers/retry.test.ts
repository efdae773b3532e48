import { describe, expect, it } from 'vitest';
import { ProviderError } from '../ports/errors.js';
import { withRetry } from './retry.js';

const transient = () => new ProviderError({ code: 'TRANSIENT', message: '503', where: 'test op' });

describe('withRetry', () => {
  it('retries transient errors and returns the eventual result', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw transient();
        return 'ok';
      },
      { sleep: async (ms) => void slept.push(ms) },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toHaveLength(2);
  });

  it('honours Retry-After', async () => {
    const slept: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls === 1) throw new ProviderError({ code: 'RATE_LIMITED', message: '429', where: 'x', retryAfterMs: 3000 });
        return 1;
      },
      { sleep: async (ms) => void slept.push(ms) },
    );
    expect(slept[0]).toBe(3000);
  });

  it('does not retry other codes, and does not sleep past the blocking limit or the deadline', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls += 1;
        throw new ProviderError({ code: 'AUTH_REVOKED', message: 'invalid_grant', where: 'x' });
      }),
    ).rejects.toMatchObject({ code: 'AUTH_REVOKED' });
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw new ProviderError({ code: 'RATE_LIMITED', message: '429', where: 'x', retryAfterMs: 60_000 });
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 60_000 });
    expect(calls).toBe(1);

    calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw transient();
        },
        { sleep: async () => undefined, now: () => 1000, deadlineMs: 1001 },
      ),
    ).rejects.toMatchObject({ code: 'TRANSIENT' });
    expect(calls).toBe(1);
  });
});
