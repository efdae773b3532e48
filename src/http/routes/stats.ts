import { Hono } from 'hono';
import { computeStats } from '../../domain/stats.js';
import type { TimelineStore } from '../../ports/store.js';
import { statsPage } from '../stats-page.js';
import { render, requireRep, type AppEnv, type WebContext } from '../web.js';

/** GET /stats: a rep sees their own outcomes; an admin the team's, or one rep's with ?rep=. */
export function statsRoutes(web: WebContext<TimelineStore>): Hono<AppEnv> {
  const { store, config, clock } = web;
  const app = new Hono<AppEnv>();
  app.get('/stats', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const asked = c.req.query('rep') ?? '';
    const sinceText = c.req.query('since') ?? '';
    const since = /^\d{4}-\d{2}-\d{2}$/.test(sinceText) ? new Date(`${sinceText}T00:00:00Z`) : null;
    const rep = viewer.role === 'admin' ? config.accounts.find((a) => a.id === asked) ?? null : config.accounts.find((a) => a.id === viewer.id)!;
    const accountIds = rep ? [rep.id] : null;
    const stats = computeStats({ attempts: await store.listTimeline({ accountIds }), now: clock(), since, accountIds });
    return render(
      c,
      statsPage({
        viewer,
        csrf: c.var.csrf,
        stats,
        who: rep ? rep.name : 'the whole team',
        reps: config.accounts.map((a) => ({ id: a.id, name: a.name })),
        selected: rep?.id ?? '',
        since: since ? sinceText : '',
      }),
    );
  });
  return app;
}
