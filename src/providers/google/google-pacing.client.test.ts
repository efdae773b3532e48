import { describe, expect, it } from 'vitest';
import { TokenBucket } from './google-pacing.client.js';

describe('TokenBucket', () => {
  it('spaces requests at the configured rate (fake clock)', async () => {
    let t = 0;
    const bucket = new TokenBucket(5, 1, () => t, async (ms) => {
      t += ms;
    });
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      await bucket.take();
      times.push(t);
    }
    // 11 requests at 5/s take 2 s; no 1 s window holds more than 5.
    expect(times[10]).toBe(2000);
    for (const start of times) expect(times.filter((x) => x >= start && x < start + 1000).length).toBeLessThanOrEqual(5);
  });
});
