import { buildDemoScenario } from '../demo/build-scenario.js';
import type { DemoScenario } from '../demo/scenario.js';

const PROSPECT_DOMAINS = /\b([a-z]+)@(acme|globex|initech|umbrella|hooli|stark|wayne)\.example\b/g;

/**
 * The demo workspace `copies` times over for one rep: every prospect, call and email of the demo
 * with its own addresses and ids ("linda.17@acme.example"). The rep's one busy block is kept once.
 * Used to measure how a tick scales; outcomes per copy follow the demo, except that only the first
 * Sara gets Tuesday 15:00 (the rep is busy for the others once it is booked).
 */
export function scaledDemoScenario(now: Date, copies: number): DemoScenario {
  const base = buildDemoScenario(now);
  const scenario: DemoScenario = { ...base, prospects: [], events: [], messages: [] };
  for (let i = 0; i < copies; i++) {
    const tag = (text: string) =>
      text.replace(PROSPECT_DOMAINS, `$1.${i}@$2.example`).replace(/<demo-([a-z0-9-]+)@/g, `<demo-$1-${i}@`);
    scenario.prospects.push(...base.prospects.map((p) => ({ ...p, email: tag(p.email) })));
    for (const e of base.events) {
      if (e.id === 'demo-team-sync' && i > 0) continue;
      scenario.events.push({ ...e, id: `${e.id}-${i}`, uid: `${e.id}-${i}@northwind.example`, attendees: e.attendees.map((a) => ({ ...a, email: tag(a.email) })) });
    }
    scenario.messages.push(...base.messages.map((m) => ({ ...m, raw: tag(m.raw), threadKey: `${m.threadKey}-${i}` })));
  }
  return scenario;
}
