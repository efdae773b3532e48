import { describe, expect, it } from 'vitest';
import { stableJobId, tickSlot } from './slot.js';

describe('tickSlot: the schedule slot processes started together agree on', () => {
  it.each([
    ['*/10 * * * *', '2026-11-23T15:07:30Z', '2026-11-23T15:00:00.000Z'],
    ['*/10 * * * *', '2026-11-23T15:10:00Z', '2026-11-23T15:10:00.000Z'],
    ['*/10 * * * *', '2026-11-23T15:09:59.999Z', '2026-11-23T15:00:00.000Z'],
    ['0 * * * *', '2026-11-23T15:59:00Z', '2026-11-23T15:00:00.000Z'],
    ['0 8 * * 1-5', '2026-11-22T12:00:00Z', '2026-11-20T08:00:00.000Z'],
  ])('%s at %s → %s', (schedule, now, slot) => {
    expect(tickSlot(schedule, new Date(now)).toISOString()).toBe(slot);
  });

  it('two processes a few seconds apart in one slot get the same slot and the same tick job id', () => {
    const a = tickSlot('*/10 * * * *', new Date('2026-11-23T15:00:01Z'));
    const b = tickSlot('*/10 * * * *', new Date('2026-11-23T15:00:07Z'));
    expect(stableJobId(`tick:${a.toISOString()}`)).toBe(stableJobId(`tick:${b.toISOString()}`));
  });

  it('job ids are UUIDs, distinct per name', () => {
    const ids = new Set(['tick:a', 'tick:b', 'send:rep1:x', 'send:rep2:x'].map(stableJobId));
    expect(ids.size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
